"""The demo data set: the published 2023 figures, plausible other years, determinism, removal."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ranpe import demo
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store
from tests.conftest import REPO
from tests.fixtures_demo import copy_demo_store

PUBLISHED_2023 = {
    "actions_planned": 79,
    "actions_committed": 64,
    "agencies_total": 44,
    "agencies_involved": 36,
}
PUBLISHED_2023_BY_PILLAR = {1: (50, 41), 2: (15, 12), 3: (14, 11)}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ranpe", *args], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


def assert_published(figures: dict) -> None:
    assert {key: figures[key] for key in PUBLISHED_2023} == PUBLISHED_2023
    by_pillar = {p["pillar"]: (p["planned"], p["committed"]) for p in figures["by_pillar"]}
    assert by_pillar == PUBLISHED_2023_BY_PILLAR
    assert round(figures["commitment_rate"], 3) == 0.810


@pytest.fixture(scope="module")
def demo_store(demo_store_path: Path):
    with Store(demo_store_path, read_only=True) as store:
        yield store


@pytest.mark.parametrize("quarter", [None, 3], ids=["year", "tw3-jan-oct"])
def test_2023_view_reproduces_published_figures(demo_store: Store, quarter: int | None):
    assert_published(summary(demo_store, Filters(2023, quarter=quarter)))


def test_other_years_differ_plausibly(demo_store: Store):
    committed = {year: summary(demo_store, Filters(year))["actions_committed"] for year in demo.YEARS}
    assert committed[2021] < committed[2022] < committed[2023] < committed[2024]
    rates = {year: summary(demo_store, Filters(year))["involvement_rate"] for year in demo.YEARS}
    assert rates[2021] < rates[2023] < rates[2024]


def test_rows_cover_focus_provinces_national_statuses_and_texts(demo_store: Store):
    figures = summary(demo_store, Filters(2023))
    provinces = {p["province_code"] for p in figures["by_province"]}
    assert provinces == {"72", "52", "35", "32", "33", None}
    cur = demo_store.cursor()
    statuses = {r[0] for r in cur.execute("select distinct status from current_rows where year = 2024").fetchall()}
    obstacles = cur.execute("select count(distinct obstacles) from current_rows where obstacles <> ''").fetchone()[0]
    codes = cur.execute("select distinct action_code, pillar from current_rows").fetchall()
    cur.close()
    assert {"not_started", "in_progress", "completed", "not_implemented"} <= statuses
    assert obstacles >= 10
    # Each code has three parts and begins with its group's number: a pillar 1–3 of 2020–2024, a theme 1–9 of the
    # illustrative 2026.
    assert all(len(code.split(".")) == 3 and code.split(".")[0] == str(pillar) for code, pillar in codes)
    assert {pillar for _, pillar in codes} == set(range(1, 10))


def test_completeness_misses_a_few_reports_outside_2023(demo_store: Store):
    gaps = {}
    for year in demo.YEARS:
        rows = demo_store.query_rows("measures/reporting_completeness", year=year, pillar=None, agency=None, as_of=None)
        gaps[year] = sum(r["expected"] - r["submitted"] for r in rows)
    assert gaps[2023] == 0
    assert sum(gaps.values()) >= 3


def test_history_shows_replaced_versions_and_demo_badge(demo_store: Store):
    history = demo_store.query_rows("workspace/upload_history", agency=None, year=None)
    assert history and all(u["is_demo"] for u in history)
    replaced = [u for u in history if u["status"] == "replaced"]
    assert len(replaced) == 2
    assert {u["file_name"].rsplit(".", 1)[-1] for u in history} == {"xlsx", "csv"}


def test_received_dates_mostly_within_fifteen_days(demo_store: Store):
    history = demo_store.query_rows("workspace/upload_history", agency=None, year=None)
    delays = []
    for upload in history:
        year, quarter = (int(x) for x in upload["periods"].split(", ")[0].split("-"))
        quarter_end = datetime(year + quarter // 4, quarter % 4 * 3 + 1, 1) - timedelta(days=1)
        delays.append((upload["uploaded_at"] - quarter_end).days)
    assert min(delays) >= 0
    on_time = sum(d <= 15 for d in delays) / len(delays)
    assert 0.7 < on_time < 1.0


def test_is_active(demo_store: Store, store: Store):
    assert dashboard.demo_active(demo_store)
    assert not dashboard.demo_active(store)


def test_generated_files_are_deterministic(store: Store):
    names = {row["code"]: row["short_name"] for row in store.query_rows("reference/agencies")}
    first = [(f.name, f.data, f.uploaded_at) for f in demo.generate_files(names)]
    second = [(f.name, f.data, f.uploaded_at) for f in demo.generate_files(names)]
    assert first == second


@pytest.mark.slow
def test_cli_demo_then_summary_matches_and_is_deterministic(tmp_path: Path, demo_store: Store):
    db = tmp_path / "cli.duckdb"
    loaded = run_cli("demo", "--db", str(db))
    assert loaded.returncode == 0, loaded.stderr
    result = run_cli("summary", "--year", "2023", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert_published(json.loads(result.stdout))
    for year in demo.YEARS:
        printed = json.loads(run_cli("summary", "--year", str(year), "--json", "--db", str(db)).stdout)
        assert printed == json.loads(json.dumps(summary(demo_store, Filters(year)), default=str))


def test_cli_remove_leaves_no_demo_uploads_rows_or_files(tmp_path: Path, demo_store_path: Path):
    path = copy_demo_store(demo_store_path, tmp_path)
    assert any((tmp_path / "uploads").iterdir())
    removed = run_cli("demo", "--remove", "--db", str(path))
    assert removed.returncode == 0, removed.stderr
    with Store(path) as store:
        counts = store.query_rows("store/counts")[0]
        assert counts["demo_uploads"] == 0
        assert counts["uploads"] == 0
        assert counts["rows_stored"] == 0
        assert counts["slices"] == 0
        assert not dashboard.demo_active(store)
    assert not any((tmp_path / "uploads").iterdir())
