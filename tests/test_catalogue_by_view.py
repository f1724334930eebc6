"""The overview's catalogue cards of every view without a province or a moment come from one read per data version
and year (measures/catalogue_measures_by_view), looked up per view: the same figures as the per-view query."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from ranpe.measures.dashboard import view_catalogue_figures
from ranpe.measures.filters import NATIONAL, Filters, parse_moment
from ranpe.measures.summary import catalogue_figures, plan_measures
from ranpe.plan.periods import period_of_year
from ranpe.store.connection import Store
from tests.test_as_of import pokja_file, upload

LATER = parse_moment("2099-01-01")


@pytest.fixture(scope="module")
def bench_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's synthetic store (every K/L, three years, provinces) at 20,000 rows with its 135-action
    catalogue of RANPE-2020 (each action led by one K/L and supported by the next two)."""
    from benchmarks.pages import add_catalogue, build_store

    path = Path(tmp_path_factory.mktemp("catalogue_views")) / "bench.duckdb"
    build_store(path, 20_000)
    assert add_catalogue(path) == 135
    return path


@pytest.fixture(scope="module")
def bench(bench_file: Path) -> Store:
    opened = Store(bench_file)
    yield opened
    opened.close()


@pytest.mark.slow
def test_every_views_catalogue_figures_looked_up_equal_the_per_view_query(bench: Store):
    """Years with and without rows, every quarter and none, pillars with and without actions, K/L that lead,
    support, report or none of these, national rows only: each looked-up row is exactly the query's."""
    agencies = [None, "BNPT", "KEMENAG", "POLRI", "NO-SUCH-KL"]
    checked = 0
    for year in (2020, 2021, 2022, 2023, 2024):
        period = period_of_year(bench, year)
        for quarter in (None, 1, 2, 4):
            for pillar in (None, 1, 3, 9):
                for agency in agencies:
                    for province in (None, NATIONAL):
                        filters = Filters(year, quarter, pillar, agency, province)
                        looked_up = view_catalogue_figures(bench, filters, period)
                        assert looked_up == catalogue_figures(bench, filters, period), filters
                        checked += looked_up["planned"] > 0 and looked_up["period_committed"] > 0
    assert checked > 80


def test_the_cards_read_through_the_look_up_are_the_query_s(bench: Store):
    """plan_measures() as the overview reads it: coverage, lead commitment and cumulative, with the period named."""
    for filters in (Filters(2024), Filters(2023, quarter=2, pillar=1), Filters(2024, agency="BNPT", province=NATIONAL)):
        looked_up = plan_measures(bench, filters, view_catalogue_figures)
        assert looked_up == plan_measures(bench, filters)
        assert looked_up["period"]["code"] == "RANPE-2020"
        assert looked_up["coverage"]["catalogue"] > 0


def test_a_province_or_a_moment_reads_the_per_view_query(bench: Store):
    """The look-up holds no province and no moment: those views read measures/catalogue_measures, same figures."""
    period = period_of_year(bench, 2024)
    for filters in (Filters(2024, province="72"), Filters(2024, quarter=2, as_of=LATER)):
        assert view_catalogue_figures(bench, filters, period) == catalogue_figures(bench, filters, period)
    assert view_catalogue_figures(bench, Filters(2024, as_of=LATER), period) == view_catalogue_figures(
        bench, Filters(2024), period
    )


def test_without_a_catalogue_the_look_up_gives_none(store: Store):
    """A period with no catalogue: no row, as catalogue_figures() gives."""
    upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
    period = period_of_year(store, 2023)
    assert view_catalogue_figures(store, Filters(2023), period) is None
    assert catalogue_figures(store, Filters(2023), period) is None


def test_the_looked_up_figures_follow_every_write(bench_file: Path, tmp_path: Path):
    """After an upload, the next read gives the new figures (the look-up is per data version)."""
    path = tmp_path / "written.duckdb"
    shutil.copy(bench_file, path)
    store = Store(path)
    try:
        period = period_of_year(store, 2023)
        filters = Filters(2023, quarter=3, pillar=1)
        before = view_catalogue_figures(store, filters, period)
        upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
        after = view_catalogue_figures(store, filters, period)
        assert after != before
        assert after == catalogue_figures(store, filters, period)
    finally:
        store.close()
