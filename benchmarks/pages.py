"""Benchmark (prints figures; not a test): python -m benchmarks.pages [--sizes 100000 1000000 10000000] [--catalogue].

For each size, builds a store of synthetic submission rows straight into the tables (a benchmark fixture, not
ingest), then times each dashboard page's script run (AppTest, warm: app loaded, store open) after a filter
change, against a naive page that loads every active row into pandas and groups them there. With --catalogue, the
store also holds a 135-action catalogue of RANPE-2020 (imported through the catalogue contract), so the pages show
the measures that need it.
"""

from __future__ import annotations

import argparse
import os
import runpy
import statistics
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from benchmarks import QUERIES
from benchmarks.lake import LAKE_HELP, fresh_lake
from ranpe.access.roles import SYSTEM, require
from ranpe.store.connection import Store

PAGES = ("overview", "pillars", "agencies", "regions", "trends", "checks", "obstacles")
# The benchmark catalogue: per pillar, focus areas 1-5 × actions 1-9 of the synthetic codes (135 actions).
CATALOGUE_AREAS, CATALOGUE_NUMBERS = 5, 9
DEFAULT_SIZES = (100_000, 1_000_000)
# Each timed run follows a change to one filter, to a value not shown before in that run.
FILTER_CHANGES = (("filter_pillar", 1), ("filter_quarter", 2), ("filter_pillar", 3), ("filter_quarter", 3))
# The data checks page has filters of its own: a quarter or K/L of the year shown (a view of the year's findings).
PAGE_FILTER_CHANGES = {
    "checks": (
        ("ws_checks_quarter", 1),
        ("ws_checks_quarter", 2),
        ("ws_checks_agency", "BNPT"),
        ("ws_checks_quarter", 3),
    ),
}
# Timed apart: a year not shown before, on which every data check runs over that year's rows.
OTHER_VIEWS = {"checks, another year": ("checks", (("ws_checks_year", 2023), ("ws_checks_year", 2022)))}
REPO = Path(__file__).resolve().parent.parent


def build_store(path: Path | str, row_count: int) -> None:
    """A store holding row_count synthetic active rows (benchmark fixture; writes as SYSTEM)."""
    require(SYSTEM, "admin", "build a benchmark store")
    store = Store(path)
    try:
        with store.transaction() as cur:
            cur.execute(QUERIES.load("fill_rows"), {"row_count": row_count})
            cur.execute(QUERIES.load("fill_uploads"))
            cur.execute(QUERIES.load("fill_slices"))
            cur.execute(QUERIES.load("fill_current"))
        store.checkpoint()
    finally:
        store.close()


def add_catalogue(path: Path) -> int:
    """Import a 135-action catalogue of RANPE-2020 over the synthetic action codes: each action led by one K/L and
    supported by the next two (benchmark fixture; through the catalogue contract, as SYSTEM)."""
    import csv
    import io

    from ranpe.plan import catalogue

    store = Store(path)
    try:
        agencies = [row["code"] for row in store.query_rows("reference/agencies")]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(("Kode Aksi", "Aksi", "Pilar", "Penanggung Jawab", "Instansi Terkait", "Tahun Pelaksanaan"))
        index = 0
        for pillar in (1, 2, 3):
            for area in range(1, CATALOGUE_AREAS + 1):
                for number in range(1, CATALOGUE_NUMBERS + 1):
                    lead, *helpers = (agencies[(index + k) % len(agencies)] for k in range(3))
                    writer.writerow(
                        (f"{pillar}.{area}.{number}", "Aksi sintetis", pillar, lead, "; ".join(helpers), "")
                    )
                    index += 1
        result = catalogue.import_bytes(
            store, buffer.getvalue().encode(), "katalog.csv", period="RANPE-2020", actor=SYSTEM
        )
        if result.status not in ("stored", "unchanged"):  # unchanged: a kept store (--keep) has it already
            raise RuntimeError([p.message("en") for p in result.problems])
        return len(result.actions)
    finally:
        store.close()


def naive_overview_page() -> None:
    """The baseline: load every active row into pandas, then count the overview's figures in the page."""
    import streamlit as st

    from benchmarks import QUERIES
    from ranpe.web import frame

    year = st.selectbox("year", [2024, 2023, 2022], key="filter_year")
    quarter = st.selectbox("quarter", [None, 1, 2, 3, 4], key="filter_quarter")
    pillar = st.selectbox("pillar", [None, 1, 2, 3], key="filter_pillar")
    cur = frame.store().cursor()
    try:
        rows = cur.execute(QUERIES.load("all_rows")).df()
    finally:
        cur.close()
    rows = rows[rows["year"] == year]
    if quarter:
        rows = rows[rows["quarter"] == quarter]
    latest = rows.groupby(["agency_code", "pillar"])["quarter"].transform("max")
    rows = rows[rows["quarter"] == latest]
    if pillar:
        rows = rows[rows["pillar"] == pillar]
    actions = rows.groupby(["pillar", "action_code"])["committed"].any().reset_index()
    by_pillar = actions.groupby("pillar")["committed"].agg(["count", "sum"])
    by_agency = rows.groupby(["agency_code", "action_code"])["committed"].any().groupby("agency_code").mean()
    by_province = rows.groupby("province_code", dropna=False)["committed"].mean()
    st.metric("rate", f"{actions['committed'].mean():.1%}")
    st.bar_chart(by_pillar)
    st.dataframe(by_agency)
    st.dataframe(by_province)


def _run_entry_script(main_script_path: str) -> None:
    runpy.run_path(main_script_path, run_name="__main__")


def _timed_runs(at, label: str, changes: tuple[tuple[str, object], ...] = FILTER_CHANGES) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds of this process, every thread) of each run after a filter change."""
    times = []
    for key, value in changes:
        started, cpu_started = time.perf_counter(), time.process_time()
        at.selectbox(key=key).set_value(value).run()
        times.append((time.perf_counter() - started, time.process_time() - cpu_started))
        if at.exception:
            raise RuntimeError(f"{label}: {at.exception[0].value}")
    return times


def _medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(wall for wall, _ in times), statistics.median(cpu for _, cpu in times)


def time_pages(db: Path | str, only: list[str] | None = None) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each page's run after a filter change, and the naive baseline's."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    # AppTest reruns a pages/-folder app through its v1 runner, skipping app.py (see tests/test_pages.py).
    script_runner._mpa_v1 = _run_entry_script
    os.environ["RANPE_DB"] = str(db)
    os.environ["RANPE_STORE"] = str(db)
    os.environ["RANPE_AUTO_DEMO"] = "0"
    medians = {}
    views = {page: (page, PAGE_FILTER_CHANGES.get(page, FILTER_CHANGES)) for page in PAGES} | OTHER_VIEWS
    views = {name: view for name, view in views.items() if not only or name in only}
    for name, (page, changes) in views.items():
        at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
        at.run()
        at.switch_page(str(REPO / "pages" / f"{page}.py")).run()
        at.run()
        medians[name] = _medians(_timed_runs(at, name, changes))
    baseline = AppTest.from_function(naive_overview_page, default_timeout=600)
    baseline.run()
    medians["naive pandas"] = _medians(_timed_runs(baseline, "baseline"))
    return medians


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pages", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(DEFAULT_SIZES),
        help="store sizes in rows (default: 100000 1000000; add 10000000 for the large run)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="FOLDER",
        help="keep the stores in FOLDER (bench_<size>.duckdb) and reuse one already there instead of building it",
    )
    parser.add_argument("--pages", nargs="+", choices=[*PAGES, *OTHER_VIEWS], help="time only these pages")
    parser.add_argument("--lake", metavar="CONNINFO", help=LAKE_HELP + " (--keep is ignored with --lake)")
    parser.add_argument("--catalogue", action="store_true", help="with a 135-action catalogue of RANPE-2020")
    args = parser.parse_args(argv)
    results: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="ranpe-bench-pages-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            with ExitStack() as stack:
                if args.lake:
                    db = stack.enter_context(fresh_lake(args.lake, str(size), folder))
                    build_store(db, size)
                else:
                    db = folder / f"bench_{size}.duckdb"
                    if db.exists():
                        print(f"reusing {db}", flush=True)
                    else:
                        started = time.perf_counter()
                        build_store(db, size)
                        print(f"built {size:,} rows in {time.perf_counter() - started:.1f} s", flush=True)
                if args.catalogue:
                    print(f"catalogue of {add_catalogue(db)} actions imported", flush=True)
                results[size] = time_pages(db, args.pages)
    names = [name for name in [*PAGES, *OTHER_VIEWS] if not args.pages or name in args.pages] + ["naive pandas"]
    print()
    print("| page | " + " | ".join(f"{size:,} rows: wall | CPU" for size in args.sizes) + " |")
    print("|---|" + "---:|---:|" * len(args.sizes))
    for name in names:
        cells = []
        for size in args.sizes:
            seconds, cpu = results[size][name]
            naive = results[size]["naive pandas"][0]
            ratio = "" if name == "naive pandas" else f" ({seconds / naive:.0%} of naive)"
            cells.append(f"{seconds * 1000:,.0f} ms{ratio} | {cpu * 1000:,.0f} ms")
        print(f"| {name} | " + " | ".join(cells) + " |")
    if len(args.sizes) > 1 and not args.pages:
        smallest, largest = min(args.sizes), max(args.sizes)
        growth = ", ".join(f"{p} {results[largest][p][0] / results[smallest][p][0]:.1f}×" for p in PAGES)
        print(f"\ngrowth from {smallest:,} to {largest:,} rows: {growth}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
