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
# and fail a full run (no -k, -m or test selection) that leaves a query file unexercised.
_QUERIES_RUN: set[Path] = set()
_load_query = sql.QueryFolder.load


def _recording_load(folder: sql.QueryFolder, name: str) -> str:
    _QUERIES_RUN.add(folder.path(name))
    return _load_query(folder, name)


sql.QueryFolder.load = _recording_load  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    options = session.config.option
    full_run = not options.keyword and not options.markexpr and session.config.args in ([], ["tests"])
    if not full_run or exitstatus != 0:
        return
    from benchmarks import QUERIES as BENCHMARK_QUERIES

    every = {folder.path(name): name for folder in (sql.QUERIES, BENCHMARK_QUERIES) for name in folder.names()}
    never_run = sorted(str(path.relative_to(REPO)) for path in set(every) - _QUERIES_RUN)
    if never_run:
        session.config.get_terminal_writer().line(f"query files no test executed: {', '.join(never_run)}", red=True)
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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "file_only: a test of the embedded DuckDB file itself (skipped on --store=lake)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--store") != "lake":
        return
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
