"""The map's provinces of every view without a moment come from one read per data version and year
(measures/province_sums_by_view): each view's provinces are exactly what measures/commitment_by_province gives."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from ranpe.measures import dashboard
from ranpe.measures.filters import NATIONAL, Filters, parse_moment
from ranpe.measures.versioned import per_data_version
from ranpe.store.connection import Store
from tests.test_as_of import pokja_file, upload

COLUMNS = ["province_code", "planned", "committed", "rate"]


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The benchmark's synthetic store (every K/L, three years, provinces, targets) at 20,000 rows."""
    from benchmarks.pages import build_store

    path = Path(tmp_path_factory.mktemp("places")) / "bench.duckdb"
    build_store(path, 20_000)
    opened = Store(path)
    yield opened
    opened.close()


def shown(rows: list[dict]) -> list[dict]:
    """What the map reads of each province's row."""
    return [{column: row[column] for column in COLUMNS} for row in rows]


def queried(store: Store, filters: Filters) -> list[dict]:
    return shown(store.query_rows("measures/commitment_by_province", **filters.params()))


@pytest.mark.slow
def test_every_views_provinces_looked_up_equal_the_province_query(bench: Store):
    """Years with and without rows, each quarter or the latest, pillars, K/L with and without rows, a province, a
    province without rows and national rows only: the look-up gives the query's rows, in its order."""
    checked = 0
    for year in (2021, 2022, 2024, 2031):
        for quarter in (None, 1, 4):
            for pillar in (None, 2, 9):
                for agency in (None, "BNPT", "POLRI", "NO-SUCH-KL"):
                    for province in (None, NATIONAL, "72", "94"):
                        filters = Filters(year, quarter, pillar, agency, province)
                        looked_up = dashboard._province_sums(bench, filters)
                        assert looked_up == queried(bench, filters), filters
                        checked += len(looked_up) > 0
    assert checked > 100


def test_a_view_at_a_moment_gives_the_rows_a_looked_up_view_gives(bench: Store):
    """A view with a date reads the query; its rows have the look-up's columns, and the same figures at a moment after
    every upload."""
    dated = dashboard._province_sums(bench, Filters(2024, pillar=2, as_of=parse_moment("2099-01-01")))
    assert dated and all(list(row) == COLUMNS for row in dated)
    assert dated == dashboard._province_sums(bench, Filters(2024, pillar=2))


def test_the_map_of_a_view_is_the_same_frame_either_way(bench: Store):
    """by_province (the map, the focus table) through the look-up equals the frame built from the query."""
    for filters in (Filters(2024), Filters(2024, quarter=2, pillar=1), Filters(2023, province="32")):
        looked_up = dashboard.by_province(bench, filters, "id")
        read = dashboard.by_province(
            bench,
            Filters(
                filters.year,
                filters.quarter,
                filters.pillar,
                filters.agency,
                filters.province,
                as_of=parse_moment("2099-01-01"),
            ),
            "id",
        )
        pd.testing.assert_frame_equal(looked_up["provinces"], read["provinces"], check_exact=True)
        assert looked_up["national"] == read["national"]
        assert looked_up["provinces"]["planned"].notna().any()


def test_the_looked_up_provinces_follow_every_write(store: Store):
    """After an upload and its replacement, the next map gives the new figures (the look-up is per data version)."""
    upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
    first = dashboard._province_sums(store, Filters(2023))
    assert first == queried(store, Filters(2023)) and first
    upload(store, pokja_file(1, 45), "pilar1 (perbaikan).csv", datetime(2023, 10, 18, 11, 0))
    after = dashboard._province_sums(store, Filters(2023))
    assert after == queried(store, Filters(2023))
    assert sum(row["committed"] for row in after) > sum(row["committed"] for row in first)


def test_a_map_opened_while_the_years_provinces_are_read_does_not_wait(store: Store):
    """Sessions opening views at one instant: one reads the year's provinces, the others read their own meanwhile."""
    upload(store, pokja_file(1, 41), "pilar1.csv", datetime(2023, 10, 2, 9, 0))
    reading, finish = threading.Event(), threading.Event()
    plain = store.query_rows

    def slow_query_rows(name: str, **params):
        if name == "measures/province_sums_by_view":
            reading.set()
            assert finish.wait(30)
        return plain(name, **params)

    store.query_rows = slow_query_rows
    first = threading.Thread(target=dashboard._province_sums, args=(store, Filters(2023)))
    first.start()
    try:
        assert reading.wait(30)
        own = dashboard._province_sums(store, Filters(2023, pillar=1))
        assert shown(own) == queried(store, Filters(2023, pillar=1)) and own
        assert first.is_alive()
    finally:
        finish.set()
        first.join(30)
    store.query_rows = plain


def test_reads_of_other_views_go_on_while_one_is_read(store: Store):
    """A per-data-version read (versioned.per_data_version) of one key does not hold up another key's read (another
    province's trend, another year); sessions asking for the same key at once wait for one read of it."""
    started, finish = threading.Event(), threading.Event()
    reads: list[int] = []

    @per_data_version
    def read(opened: Store, key: int) -> int:
        reads.append(key)
        if key == 1:
            started.set()
            assert finish.wait(30)
        return key * 10

    first = threading.Thread(target=read, args=(store, 1))
    first.start()
    same = threading.Thread(target=read, args=(store, 1))
    try:
        assert started.wait(30)
        assert read(store, 2) == 20  # answered while key 1 is still being read
        assert read.unless_busy(store, 1) is None
        same.start()
        assert first.is_alive() and same.is_alive()
    finally:
        finish.set()
        first.join(30)
        same.join(30)
    assert read(store, 1) == 10
    assert sorted(reads) == [1, 2]  # key 1 read once, by the first session


def test_a_read_that_began_before_a_write_is_answered_but_not_kept(store: Store):
    """A session reading while another stores a file gets what it read, but the next run reads the new data; the
    newer data's results are not dropped by the late read. At most max_entries keys kept, the one asked longest ago
    dropped first."""
    started, finish = threading.Event(), threading.Event()
    reads: list[tuple[str, int]] = []
    answers: list[int] = []

    @per_data_version(max_entries=2)
    def read(opened: Store, key: str) -> int:
        reads.append((key, opened.data_version()))
        if key == "late":
            started.set()
            assert finish.wait(30)
        return opened.data_version()

    before = store.data_version()
    late = threading.Thread(target=lambda: answers.append(read(store, "late")))
    late.start()
    try:
        assert started.wait(30)
        with store.transaction():
            pass  # a write: a new data version
        after = store.data_version()
        assert after != before
        assert read(store, "other") == after
    finally:
        finish.set()
        late.join(30)
    assert answers == [after]  # what it read (here, the data version at the end of its read)
    assert read(store, "other") == after and read(store, "late") == after
    assert reads == [("late", before), ("other", after), ("late", after)]  # "other" kept, "late" read again
    read(store, "third")  # a third key: "other", asked longest ago, is dropped
    read(store, "other")
    assert [key for key, _ in reads[3:]] == ["third", "other"]
