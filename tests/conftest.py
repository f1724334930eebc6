"""Shared fixtures: a fresh store on disk, and writers of real .xlsx and .csv files."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from ranpe.access.roles import Actor
from ranpe.store import sql
from ranpe.store.connection import Store
from tests import lake_support

ANALYST = Actor("analis", "analyst")
REPO = Path(__file__).resolve().parent.parent


def xlsx_bytes(sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> bytes:
    """An .xlsx workbook with the given sheets (name → rows of cells), written by openpyxl."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    """A CSV file of the rows, in the given separator and encoding ('utf-8-sig' adds a BOM)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright, headless, one per test module (tests.browser_support's flags)."""
    from tests.browser_support import CHROMIUM, CHROMIUM_ARGS

    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def make_xlsx() -> Callable[..., bytes]:
    return xlsx_bytes


@pytest.fixture
def make_csv() -> Callable[..., bytes]:
    return csv_bytes


# The demo data set, loaded once per test session (see tests/fixtures_demo.py).
from tests.fixtures_demo import demo_store_path  # noqa: E402, F401

# Every query file must be executed by the suite (queries/ and benchmarks/queries/): record the files loaded,
# and fail a full run (no -k, -m or test selection) that leaves a query file unexercised. Under pytest-xdist each
# worker reports its files to the controller, which checks their union. A suite run in parts (scripts/test.sh: the
# tests that may run side by side, then the serial ones) adds each part's files to --queries-log, and the part
# given --check-queries checks the union.
_QUERIES_RUN: set[Path] = set()
_load_query = sql.QueryFolder.load


def _recording_load(folder: sql.QueryFolder, name: str) -> str:
    _QUERIES_RUN.add(folder.path(name))
    return _load_query(folder, name)


sql.QueryFolder.load = _recording_load  # type: ignore[method-assign]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """pytest-xdist: a worker's query files, added to the controller's."""
    _QUERIES_RUN.update(Path(path) for path in getattr(node, "workeroutput", {}).get("queries_run", ()))


def _queries_run_by_every_part(log: str | None) -> set[Path]:
    """This run's query files and, with --queries-log, those of the parts run before it (the log then holds all)."""
    union = set(_QUERIES_RUN)
    if log:
        path = Path(log)
        if path.exists():
            union |= {Path(line) for line in path.read_text().splitlines() if line}
        path.write_text("".join(f"{query}\n" for query in sorted(union)))
    return union


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if hasattr(config, "workerinput"):  # an xdist worker: the controller checks
        config.workeroutput["queries_run"] = sorted(str(path) for path in _QUERIES_RUN)  # type: ignore[attr-defined]
        return
    options = config.option
    queries_run = _queries_run_by_every_part(options.queries_log)
    full_run = not options.keyword and not options.markexpr and config.args in ([], ["tests"])
    if not (full_run or options.check_queries) or exitstatus != 0:
        return
    from benchmarks import QUERIES as BENCHMARK_QUERIES

    every = {folder.path(name): name for folder in (sql.QUERIES, BENCHMARK_QUERIES) for name in folder.names()}
    never_run = sorted(str(path.relative_to(REPO)) for path in set(every) - queries_run)
    if never_run:
        config.get_terminal_writer().line(f"query files no test executed: {', '.join(never_run)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# -- the store the engine tests run on: --store=file (default, a DuckDB file) or --store=lake (DuckLake on the
# PostgreSQL of scripts/postgres.sh, a database of its own per test, copied from a migrated template).


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store",
        choices=("file", "lake"),
        default="file",
        help="the store of the `store` fixture: a DuckDB file, or the shared store (DuckLake on PostgreSQL)",
    )
    parser.addoption("--queries-log", help="a file that gathers the query files run by each part of a split run")
    parser.addoption(
        "--check-queries",
        action="store_true",
        help="fail unless every query file was run (by this run and the parts in --queries-log)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "file_only: a test of the embedded DuckDB file itself (skipped on --store=lake)")
    config.addinivalue_line(
        "markers", "shared_store: needs PostgreSQL (set here with lake_server; by hand with own_postgres)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "lake_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared_store)
    if config.getoption("--store") != "lake":
        return
    # The shared-store pass runs again only what the store fixture gives a shared store to: a test without it
    # runs the same code on the same data as in the embedded pass (its own file store, a demo copy, or the
    # lake_server it asked for), so running it again would prove nothing new.
    same_either_way = [item for item in items if "store" not in getattr(item, "fixturenames", ())]
    if same_either_way:
        config.hook.pytest_deselected(items=same_either_way)
        items[:] = [item for item in items if "store" in getattr(item, "fixturenames", ())]
    skip = pytest.mark.skip(reason="a test of the embedded DuckDB file (--store=lake)")
    for item in items:
        if "file_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def lake_server(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> lake_support.LakeServer:
    """The PostgreSQL of scripts/postgres.sh with a migrated template store (--store=lake only)."""
    return lake_support.LakeServer.start(tmp_path_factory.mktemp("lake"))


@pytest.fixture
def store(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store: a DuckDB file of its own, or (--store=lake) a DuckLake database of its own."""
    if request.config.getoption("--store") == "lake":
        server = request.getfixturevalue("lake_server")
        with server.fresh_store() as opened:
            yield opened
        return
    opened = Store(tmp_path / "ranpe.duckdb")
    yield opened
    opened.close()
