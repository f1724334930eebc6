"""The counted rows summed once per data version (action_counts, place_counts; migration 010): the measures read
the sums when no province (or no moment) is chosen, and every figure is the one the rows themselves give; every
write (ingest, replacement, undo, restore, demo removal) keeps the sums in step with the active rows."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from ranpe.ingest.pipeline import remove_demo, restore_upload
from ranpe.measures.dashboard import pillar_commitment, view_totals
from ranpe.measures.filters import NATIONAL, Filters, parse_moment
from ranpe.measures.summary import totals_of
from ranpe.store.connection import Store
from ranpe.workspace.history import undo
from tests.conftest import ANALYST
from tests.test_as_of import pokja_file, upload

# Read with a moment after every change, a measure sums the stored rows themselves (counted_rows); with none, it
# reads the sums. Both must give the same figures.
LATER = parse_moment("2099-01-01")
MEASURES = (
    "measures/totals",
    "measures/commitment_by_pillar",
    "measures/commitment_by_agency",
    "measures/agency_pillar_matrix",
    "measures/commitment_by_focus_area",
    "measures/commitment_by_province",
    "measures/commitment_by_province_pillar",
)
VIEWS = (
    Filters(2024),
    Filters(2024, quarter=2),
    Filters(2024, pillar=3),
    Filters(2023, quarter=4, pillar=1),
    Filters(2024, agency="BNPT"),
    Filters(2022, province=NATIONAL),
    Filters(2024, quarter=1, pillar=2, province=NATIONAL),
)


def params(name: str, filters: Filters) -> dict:
    """A measure's bound values; the totals with their second row, the quarter before the year (the overview's
    comparison), read both ways too."""
    if name == "measures/totals":
        return filters.params() | {"previous_year": filters.year - 1, "previous_quarter": 4}
    return filters.params()


def both_ways(store: Store, name: str, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A measure read from the sums (no moment) and from the rows (a moment after every change)."""
    return store.query(name, **params(name, filters)), store.query(name, **params(name, replace(filters, as_of=LATER)))


def trend_both_ways(store: Store, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    params = {k: v for k, v in filters.params().items() if k not in ("year", "quarter")}
    return (
        store.query("measures/trend_by_quarter", **params),
        store.query("measures/trend_by_quarter", **(params | {"as_of": LATER})),
    )


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The benchmark's synthetic store (every K/L, three years, provinces, targets) at 20,000 rows."""
    from benchmarks.pages import build_store

    path = Path(tmp_path_factory.mktemp("counts")) / "bench.duckdb"
    build_store(path, 20_000)
    opened = Store(path)
    yield opened
    opened.close()


@pytest.mark.parametrize("name", MEASURES)
def test_every_measure_read_from_the_sums_equals_the_rows_counted(bench: Store, name: str):
    for filters in VIEWS:
        summed, counted = both_ways(bench, name, filters)
        assert len(summed) > 0, filters
        pd.testing.assert_frame_equal(summed, counted, check_exact=True, obj=f"{name} {filters}")


def test_the_totals_of_the_quarter_before_are_that_quarters_own(bench: Store):
    """The overview's comparison comes with the totals in one query: its row is what the quarter's own view gives."""
    for filters in VIEWS:
        for previous in ((filters.year, 1), (filters.year - 1, 4)):
            current, before = totals_of(bench, filters, previous)
            assert current == totals_of(bench, filters)[0] | {"view": "current"}, filters
            own = totals_of(bench, replace(filters, year=previous[0], quarter=previous[1]))[0]
            assert before == own | {"view": "previous"}, (filters, previous)


def test_the_trend_read_from_the_sums_equals_the_rows_counted(bench: Store):
    for filters in VIEWS:
        summed, counted = trend_both_ways(bench, filters)
        assert len(summed) > 0, filters
        pd.testing.assert_frame_equal(summed, counted, check_exact=True, obj=f"trend {filters}")


def test_the_sums_hold_every_active_row_once(bench: Store):
    counts = bench.query_rows("store/counts")[0]
    for table in ("action_counts", "place_counts"):
        cur = bench.cursor()
        try:
            summed = cur.execute(
                "select sum(action_plans), count(distinct (agency_code, year, quarter, pillar, upload_id)) "
                f"from {table}"
            ).fetchone()
        finally:
            cur.close()
        assert summed[0] == counts["rows_active"] == 20_000, table
        assert summed[1] == 3 * 4 * 3 * 49, table


def test_a_province_chosen_reads_the_rows(bench: Store):
    """A province filter is read from the rows (the action sums hold no province): its figures are the province's."""
    filters = Filters(2024, province="72")
    totals = totals_of(bench, filters)[0]
    provinces = bench.query("measures/commitment_by_province", **Filters(2024).params())
    row = provinces[provinces["province_code"] == "72"].iloc[0]
    assert totals["rows_counted"] == row["planned"]
    assert totals["rows_committed"] == row["committed"]


@pytest.mark.slow
def test_every_write_keeps_the_sums_in_step(store: Store):
    """Upload, replacement, a second pillar, undo, restore, demo removal: after each, the sums give the figures the
    rows give."""

    def check() -> dict:
        for name in MEASURES:
            summed, counted = both_ways(store, name, Filters(2023))
            pd.testing.assert_frame_equal(summed, counted, check_exact=True, obj=name)
        return totals_of(store, Filters(2023))[0]

    first = upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
    assert check()["actions_committed"] == 41
    fixed = upload(store, pokja_file(1, 45), "pilar1 (perbaikan).csv", datetime(2023, 10, 18, 11, 0))
    assert check()["actions_committed"] == 45
    second = upload(store, pokja_file(2, 12), "pilar2.csv", datetime(2023, 10, 19, 9, 0))
    assert check()["actions_committed"] == 45 + 12
    undo(store, second, actor=ANALYST)
    assert check()["actions_committed"] == 45
    restore_upload(store, first, actor=ANALYST)
    assert check()["actions_committed"] == 41
    restore_upload(store, fixed, actor=ANALYST)
    assert check()["actions_committed"] == 45
    # A write that changes no slice leaves the sums as they are.
    with store.transaction() as cur:
        cur.execute("select 1")
    assert check()["actions_committed"] == 45
    remove_demo(store, actor=ANALYST)
    assert check()["actions_committed"] == 45


def test_the_apps_store_reads_on_one_thread_and_gives_the_same_figures(bench: Store, tmp_path: Path):
    """The web app opens its store with DuckDB on one thread (cheaper small reads, README issue 13): every measure
    gives what the store on every core gives, and an upload through it is stored and summed."""
    from ranpe.web import frame

    assert frame.WEB_THREADS == 1
    # A copy: DuckDB shares one database (and its threads setting) between the connections of a process to a file.
    bench.checkpoint()
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(bench.path, copy)
    one_thread = Store(copy, threads=frame.WEB_THREADS)
    try:
        with one_thread.reading() as cur:
            assert cur.execute("select current_setting('threads')").fetchone()[0] == 1
        with bench.reading() as cur:
            assert cur.execute("select current_setting('threads')").fetchone()[0] > 1
        for name in MEASURES:
            for filters in VIEWS:
                pd.testing.assert_frame_equal(
                    one_thread.query(name, **params(name, filters)),
                    bench.query(name, **params(name, filters)),
                    check_exact=True,
                    obj=f"{name} {filters}",
                )
        before = totals_of(one_thread, Filters(2023, quarter=3, pillar=1))[0]
        upload(one_thread, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
        after = totals_of(one_thread, Filters(2023, quarter=3, pillar=1))[0]
        assert after != before
        summed, counted = both_ways(one_thread, "measures/totals", Filters(2023, quarter=3, pillar=1))
        pd.testing.assert_frame_equal(summed, counted, check_exact=True)
    finally:
        one_thread.close()


@pytest.mark.slow
def test_every_views_totals_looked_up_equal_the_totals_query(bench: Store):
    """The KPI totals of every view without a province or a moment come from one read per data version
    (measures/totals_by_view): each view's rows, with the quarter before, are exactly what measures/totals gives,
    for years and K/L with and without rows, national rows only, and a K/L that has none."""
    agencies = [None, "BNPT", "KEMENAG", "POLRI", "NO-SUCH-KL"]
    checked = 0
    for year in (2021, 2022, 2023, 2024, 2031):
        for quarter in (None, 2, 4):
            for pillar in (None, 1, 3, 9):
                for agency in agencies:
                    for province in (None, NATIONAL):
                        filters = Filters(year, quarter, pillar, agency, province)
                        for previous in (None, (year - 1, 4)):
                            looked_up = view_totals(bench, filters, previous)
                            assert looked_up == totals_of(bench, filters, previous), (filters, previous)
                            checked += looked_up[0]["actions_planned"] > 0
    assert checked > 150


def test_a_province_or_a_moment_reads_the_totals_query(bench: Store):
    """The look-up holds no province and no moment: those views read measures/totals, with the same figures."""
    for filters in (Filters(2024, province="72"), Filters(2024, quarter=2, as_of=LATER)):
        assert view_totals(bench, filters, (2023, 4)) == totals_of(bench, filters, (2023, 4))
    assert view_totals(bench, Filters(2024, as_of=LATER)) == view_totals(bench, Filters(2024))


def test_the_looked_up_totals_follow_every_write(store: Store):
    """After an upload and its replacement, the next read gives the new figures (the look-up is per data version)."""
    upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
    assert view_totals(store, Filters(2023))[0]["actions_committed"] == 41
    upload(store, pokja_file(1, 45), "pilar1 (perbaikan).csv", datetime(2023, 10, 18, 11, 0))
    assert view_totals(store, Filters(2023))[0] == totals_of(store, Filters(2023))[0]
    assert view_totals(store, Filters(2023))[0]["actions_committed"] == 45


def test_a_view_opened_while_every_views_totals_are_read_does_not_wait(store: Store):
    """Sessions opening views at one instant: one reads every view's totals, the others read their own meanwhile
    (the same figures) instead of waiting; later views use the look-up."""
    upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
    reading, finish = threading.Event(), threading.Event()
    plain = store.query_rows

    def slow_query_rows(name: str, **params):
        if name == "measures/totals_by_view":
            reading.set()
            assert finish.wait(30)
        return plain(name, **params)

    store.query_rows = slow_query_rows
    first = threading.Thread(target=view_totals, args=(store, Filters(2023)))
    first.start()
    try:
        assert reading.wait(30)
        assert view_totals(store, Filters(2023, pillar=1))[0]["actions_committed"] == 41
        assert first.is_alive()  # answered while the first session is still reading
    finally:
        finish.set()
        first.join(30)
    store.query_rows = plain
    assert view_totals(store, Filters(2023, quarter=3)) == totals_of(store, Filters(2023, quarter=3))


@pytest.mark.slow
def test_every_views_pillars_looked_up_equal_the_pillar_query(bench: Store):
    """The overview's pillar chart reads its commitment per pillar from every view's totals when neither a province
    nor a moment is chosen: the same frame as measures/commitment_by_pillar, empty views included."""
    for year in (2022, 2024, 2031):
        for quarter in (None, 1, 4):
            for pillar in (None, 2, 9):
                for agency in (None, "BNPT", "NO-SUCH-KL"):
                    for province in (None, NATIONAL, "72"):
                        filters = Filters(year, quarter, pillar, agency, province)
                        pd.testing.assert_frame_equal(
                            pillar_commitment(bench, filters),
                            bench.query("measures/commitment_by_pillar", **filters.params()),
                            check_exact=True,
                            obj=str(filters),
                        )
    assert len(pillar_commitment(bench, Filters(2024))) == 3
