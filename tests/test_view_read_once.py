"""The overview of a province reads the province's rows of the year once (measures/totals_by_view_of_province), and
a view at a moment without one its own rows once (measures/view_totals_by_pillar): KPI totals, the quarter before them
and the commitment per pillar, each exactly what measures/totals and measures/commitment_by_pillar give."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from benchmarks import QUERIES
from ranpe.measures import dashboard
from ranpe.measures import views as lookups
from ranpe.measures.dashboard import pillar_commitment, previous_period, read_view_once, view_totals
from ranpe.measures.filters import NATIONAL, Filters, parse_moment
from ranpe.measures.summary import totals_of
from ranpe.measures.versioned import per_data_version
from ranpe.store.connection import Store
from tests.conftest import csv_bytes
from tests.test_as_of import upload

LATER = parse_moment("2099-01-01")
HEADER = [
    "Tahun",
    "Triwulan",
    "Kementerian/Lembaga",
    "Pilar",
    "Kode Aksi",
    "Provinsi",
    "Komitmen",
    "Target",
    "Realisasi",
]


def fill(store: Store, row_count: int) -> None:
    """The benchmark's synthetic rows (every K/L, 2022-2024, every quarter and pillar, provinces, targets)."""
    with store.transaction() as cur:
        cur.execute(QUERIES.load("fill_rows"), {"row_count": row_count})
        for name in ("fill_uploads", "fill_slices", "fill_current"):
            cur.execute(QUERIES.load(name))


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Store:
    """20,000 synthetic rows on the store of the run (a DuckDB file, or with --store=lake the shared store)."""
    if request.config.getoption("--store") == "lake":
        with request.getfixturevalue("lake_server").fresh_store() as opened:
            fill(opened, 20_000)
            yield opened
        return
    opened = Store(Path(tmp_path_factory.mktemp("read_once")) / "bench.duckdb")
    fill(opened, 20_000)
    yield opened
    opened.close()


@pytest.fixture
def fresh_views(monkeypatch: pytest.MonkeyPatch) -> None:
    """No view read before the test."""
    monkeypatch.setattr(lookups, "_recent_views", lookups._RecentViews())
    monkeypatch.setattr(lookups, "_province_views", per_data_version(lookups.province_views, max_entries=32))


def read_names(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the queries the store runs from now on, in order."""
    names: list[str] = []
    for method in ("query", "query_rows"):
        plain = getattr(store, method)

        def counted(name: str, _plain=plain, **params):
            names.append(name)
            return _plain(name, **params)

        monkeypatch.setattr(store, method, counted)
    return names


def assert_same_as_the_queries(store: Store, filters: Filters, previous: tuple[int, int] | None) -> dict:
    """The view's one read of its rows, and the view as the overview reads it (for a province, looked up in the
    views of its year), against the two queries."""
    totals = totals_of(store, filters, previous)
    expected = store.query("measures/commitment_by_pillar", **filters.params())
    read = read_view_once(store, filters, previous)
    assert read["totals"] == totals, (filters, previous)
    pillars = pd.DataFrame(read["pillars"], columns=["pillar", "planned", "committed"])
    assert pillars.to_dict("records") == expected[["pillar", "planned", "committed"]].to_dict("records"), filters
    assert view_totals(store, filters, previous) == totals, (filters, previous)
    pd.testing.assert_frame_equal(pillar_commitment(store, filters), expected, check_exact=True, obj=str(filters))
    return read


@pytest.mark.slow
@pytest.mark.parametrize("year", [2022, 2023, 2024, 2031])
def test_one_read_gives_what_the_totals_and_pillar_queries_give(bench: Store, year: int):
    """Every quarter and none, every pillar and all, a K/L or all of them and one with no row, provinces and national
    rows only; with the quarter before (in the year before for the first quarter, none before 2022) and without."""
    counted = 0
    for quarter in (None, 1, 2, 3, 4):
        previous = previous_period(year, quarter or 4)
        for pillar in (None, 1, 2, 3):
            for agency in (None, "BNPT", "NO-SUCH-KL"):
                for province in ("72", "32", NATIONAL):
                    filters = Filters(year, quarter, pillar, agency, province)
                    read = assert_same_as_the_queries(bench, filters, previous)
                    counted += read["totals"][0]["actions_planned"] > 0
        assert_same_as_the_queries(bench, Filters(year, quarter, province="35"), None)
    # Every view of all K/L counts rows in a year with data; BNPT's few rows leave some of its views empty.
    assert counted == 0 if year == 2031 else 5 * 4 * 3 <= counted < 5 * 4 * 2 * 3


def test_a_view_at_a_moment_reads_its_rows_once_too(bench: Store):
    """As of a date (every row stored before it): the same figures as the queries, and as the view of today."""
    for filters in (
        Filters(2024, as_of=LATER),
        Filters(2023, 1, 2, "BNPT", as_of=LATER),
        Filters(2024, 3, province="32", as_of=LATER),
    ):
        assert_same_as_the_queries(bench, filters, previous_period(filters.year, filters.quarter or 4))
    assert view_totals(bench, Filters(2023, 1, as_of=LATER), (2022, 4)) == view_totals(
        bench, Filters(2023, 1), (2022, 4)
    )


def test_the_overview_of_a_province_reads_its_years_rows_once(
    bench: Store, fresh_views: None, monkeypatch: pytest.MonkeyPatch
):
    """kpis() then the pillar chart, as the overview runs them: one read of the province's rows of the year (and of
    the year before, for the first quarter's comparison), then other views of the province are look-ups; the figures
    are the two queries'."""
    filters = Filters(2023, quarter=1, province="32")
    names = read_names(bench, monkeypatch)
    figures = dashboard.kpis(bench, filters)
    pillars = dashboard.by_pillar(bench, filters, "id")
    reads = [name for name in names if name.startswith("measures/") and "completeness" not in name]
    assert reads == ["measures/totals_by_view_of_province"] * 2  # 2023, and 2022 for its fourth quarter
    for quarter in (None, 2, 3):
        for pillar in (None, 1, 3):
            other = Filters(2023, quarter=quarter, pillar=pillar, province="32")
            dashboard.kpis(bench, other)
            dashboard.by_pillar(bench, other, "en")
    assert [name for name in names if name.startswith("measures/") and "completeness" not in name] == reads
    monkeypatch.undo()
    assert figures["previous_period"] == (2022, 4)
    current, before = totals_of(bench, filters, (2022, 4))
    assert figures["current"]["actions_planned"] == current["actions_planned"]
    assert figures["current"]["units"]["action_plans"]["planned"] == current["rows_counted"]
    assert figures["previous"]["commitment_rate"] == before["actions_committed"] / before["actions_planned"]
    expected = bench.query("measures/commitment_by_pillar", **filters.params())
    pd.testing.assert_frame_equal(pillars[expected.columns.tolist()], expected, check_exact=True)


def test_a_view_at_a_moment_reads_its_rows_once_for_its_totals_and_pillars(
    bench: Store, fresh_views: None, monkeypatch: pytest.MonkeyPatch
):
    """As of a date, no province: kpis() reads the view's rows once and the pillar chart reads none; the pillar chart
    alone (the pillars page) reads measures/commitment_by_pillar."""
    filters = Filters(2024, quarter=2, pillar=1, as_of=LATER)
    names = read_names(bench, monkeypatch)
    dashboard.kpis(bench, filters)
    dashboard.by_pillar(bench, filters, "id")
    reads = [name for name in names if name.startswith("measures/") and "completeness" not in name]
    assert reads == ["measures/view_totals_by_pillar"]
    names.clear()
    alone = pillar_commitment(bench, Filters(2023, as_of=LATER))
    assert names == ["measures/commitment_by_pillar"]
    monkeypatch.undo()
    pd.testing.assert_frame_equal(alone, pillar_commitment(bench, Filters(2023)))


def test_what_is_kept_stays_bounded(bench: Store, fresh_views: None, monkeypatch: pytest.MonkeyPatch):
    """The views (at a moment) and the province years read last are kept, the oldest dropped: memory stays bounded
    however many views are opened."""
    monkeypatch.setattr(lookups._RecentViews, "MAX_VIEWS", 4)
    monkeypatch.setattr(lookups._province_views, "max_entries", 2)
    views = [Filters(2024, quarter, as_of=LATER) for quarter in (1, 2, 3, 4)] + [Filters(2023, 4, as_of=LATER)]
    for filters in views:
        view_totals(bench, filters, previous_period(filters.year, filters.quarter))
    for province in ("32", "72", "35"):
        view_totals(bench, Filters(2024, province=province))
    names = read_names(bench, monkeypatch)
    pillar_commitment(bench, views[-1])
    pillar_commitment(bench, views[1])
    pillar_commitment(bench, Filters(2024, province="35"))
    pillar_commitment(bench, Filters(2024, province="72"))
    assert names == []  # all kept
    pillar_commitment(bench, views[0])
    pillar_commitment(bench, Filters(2024, province="32"))
    assert names == ["measures/commitment_by_pillar", "measures/totals_by_view_of_province"]  # the oldest, dropped


def test_sessions_opening_a_province_at_one_instant_read_its_year_once(
    bench: Store, fresh_views: None, monkeypatch: pytest.MonkeyPatch
):
    """Ten sessions open views of one province and year at once: one reads the year's rows, the others wait for it."""
    names = read_names(bench, monkeypatch)
    views = [Filters(2022, quarter, pillar, province="72") for quarter in (None, 2, 3, 4, 2) for pillar in (None, 3)]
    results: list = [None] * len(views)

    def open_view(index: int) -> None:
        results[index] = view_totals(bench, views[index])

    threads = [threading.Thread(target=open_view, args=(index,)) for index in range(len(views))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert names.count("measures/totals_by_view_of_province") == 1
    monkeypatch.undo()
    assert results == [totals_of(bench, filters) for filters in views]


def bnpt_file(committed: int, pillar: int = 1, code: str = "1.1.{n}") -> bytes:
    """BNPT's file for 2023 Q3: ten actions of the pillar, in West Java (32) and Central Sulawesi (72) in turn and
    nationally every third, the first `committed` committed, targets with their realizations."""
    rows = [
        [
            2023,
            3,
            "BNPT",
            pillar,
            code.format(n=n + 1),
            "" if n % 3 == 0 else ("32" if n % 2 else "72"),
            "Ya" if n < committed else "Tidak",
            100,
            40 + 10 * n,
        ]
        for n in range(10)
    ]
    return csv_bytes([HEADER, *rows])


def test_a_write_gives_the_next_read_the_new_figures(store: Store, fresh_views: None):
    """Kept per data version: after a replacement of a K/L's file, the province's figures are the new rows'."""
    upload(store, bnpt_file(4), "bnpt.csv", datetime(2023, 10, 2, 9, 0))
    filters = Filters(2023, province="32")
    before = view_totals(store, filters, (2023, 2))[0]
    upload(store, bnpt_file(9), "bnpt (perbaikan).csv", datetime(2023, 10, 9, 9, 0))
    after = view_totals(store, filters, (2023, 2))
    assert after == totals_of(store, filters, (2023, 2))
    assert (before["rows_committed"], after[0]["rows_committed"]) == (1, 3)


def test_an_action_code_reported_under_two_pillars_is_counted_once(store: Store, fresh_views: None):
    """The same action codes under pillars 1 and 2 (a file's mistake the product keeps): in the view's totals each
    code is one action, in the chart one action of each pillar, as the queries count them."""
    upload(store, bnpt_file(4), "bnpt pilar 1.csv", datetime(2023, 10, 2, 9, 0))
    upload(store, bnpt_file(7, pillar=2), "bnpt pilar 2.csv", datetime(2023, 10, 3, 9, 0))
    for province in ("32", "72", NATIONAL, None):
        filters = Filters(2023, province=province)
        read = assert_same_as_the_queries(store, filters, (2023, 2))
        if province is None:
            assert read["totals"][0]["actions_planned"] == 10
            assert read["pillars"] == [(1, 10, 4), (2, 10, 7)]
    read = assert_same_as_the_queries(store, Filters(2023, as_of=LATER), None)
    assert read["totals"][0]["agency_actions"] == 10
