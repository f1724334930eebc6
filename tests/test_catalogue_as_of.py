"""The catalogue and the crosswalk as they were at a moment (DOMAIN.md, "Figures as of a date"), and the catalogue
measures read from the per-data-version sums giving the same answers as read from the rows."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ranpe.checks.rules import run_checks
from ranpe.cli import main
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import lead_and_supporting, summary, unreported_actions
from ranpe.plan import catalogue, crosswalk
from ranpe.store.connection import Store
from tests.conftest import ANALYST, csv_bytes
from tests.test_catalogue import CROSS_HEADER, catalogue_file, hand_made, imported, with_two_catalogues
from tests.test_pages import app_env, run_app  # noqa: F401 (app_env is a fixture)

REPORTED = datetime(2023, 10, 2, 9, 0)
FIRST = datetime(2023, 10, 5, 9, 0)  # catalogue version 1: three actions
SECOND = datetime(2023, 10, 20, 9, 0)  # version 2: a fourth action, 3.1.1, nobody reports
RESTORED = datetime(2023, 11, 1, 9, 0)  # version 1 restored
ACTIONS = [
    ["1.1.1", "Sosialisasi", 1, "BNPT", "Kemenag", None],
    ["1.1.2", "Pelatihan", 1, "Polri", "BNPT", None],
    ["2.1.1", "Kerja sama", 2, "Kemenlu", None, None],
]
ADDED = ["3.1.1", "Forum internasional", 3, "Kemenag", "Kemenlu", "2023-2024"]


def history(store: Store) -> None:
    """2023 TW IV reports of the three actions (stored 2 October), catalogue version 1 of those three (5 October),
    version 2 with 3.1.1 added (20 October)."""
    header = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Komitmen"]
    rows = [
        [2023, 4, "BNPT", 1, "1.1.1", "Ya"],
        [2023, 4, "Kemenag", 1, "1.1.1", "Ya"],
        [2023, 4, "Polri", 1, "1.1.2", "Tidak"],
        [2023, 4, "Kemenlu", 2, "2.1.1", "Ya"],
    ]
    result = ingest_bytes(store, csv_bytes([header, *rows]), "r.csv", actor=ANALYST, uploaded_at=REPORTED)
    assert result.status == "stored"
    assert imported(store, catalogue_file(ACTIONS), "v1.xlsx", imported_at=FIRST).version_id == 1
    assert imported(store, catalogue_file([*ACTIONS, ADDED]), "v2.xlsx", imported_at=SECOND).version_id == 2


@pytest.fixture
def history_db(tmp_path: Path) -> Path:
    path = tmp_path / "ranpe.duckdb"
    with Store(path) as store:
        history(store)
    return path


def summary_json(db: Path, capsys: pytest.CaptureFixture, *extra: str) -> dict:
    assert main(["summary", "--db", str(db), "--year", "2023", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_as_of_a_date_reads_the_catalogue_active_then(history_db, capsys):
    then = summary_json(history_db, capsys, "--as-of", "2023-10-10")
    now = summary_json(history_db, capsys)
    # Version 1 (three actions, all reported): coverage 3 of 3; version 2 adds 3.1.1, unreported: 3 of 4.
    assert then["coverage"] == {"reported": 3, "catalogue": 3, "rate": 1.0}
    assert now["coverage"] == {"reported": 3, "catalogue": 4, "rate": 0.75}
    assert then["cumulative"] == {"committed": 2, "catalogue": 3, "rate": 2 / 3, "through_year": 2023}
    assert now["cumulative"] == {"committed": 2, "catalogue": 4, "rate": 0.5, "through_year": 2023}
    # Before the first catalogue: the rows were there, the catalogue was not.
    before = summary_json(history_db, capsys, "--as-of", "2023-10-03")
    assert (before["actions_planned"], before["coverage"], before["cumulative"]) == (3, None, None)


def test_unreported_actions_and_led_vs_supported_as_of_a_date(history_db):
    with Store(history_db) as store:
        then, now = Filters(2023, as_of=datetime(2023, 10, 10)), Filters(2023)
        assert unreported_actions(store, then) == []
        assert [a["action_code"] for a in unreported_actions(store, now)] == ["3.1.1"]
        kemenag = {r["agency_code"]: (r["led"], r["supported"]) for r in lead_and_supporting(store, then)}
        assert kemenag["KEMENAG"] == (0, 1)
        kemenag = {r["agency_code"]: (r["led"], r["supported"]) for r in lead_and_supporting(store, now)}
        assert kemenag["KEMENAG"] == (1, 1)
        assert list(dashboard.catalogue_table(store, then, "en")["Action code"]) == ["1.1.1", "1.1.2", "2.1.1"]
        # Version 1 restored on 1 November: today reads it again, 25 October still reads version 2.
        catalogue.restore_version(store, 1, actor=ANALYST, restored_at=RESTORED)
        assert unreported_actions(store, now) == []
        assert [a["action_code"] for a in unreported_actions(store, Filters(2023, as_of=datetime(2023, 10, 25)))] == [
            "3.1.1"
        ]


def test_the_catalogue_checks_as_of_a_date_use_the_catalogue_active_then(history_db):
    with Store(history_db) as store:
        catalogue_rules = {"action_not_in_catalogue", "action_not_assigned"}
        # 3 October: rows stored, no catalogue yet: both catalogue rules skipped; 10 October: version 1, run.
        before = run_checks(store, 2023, as_of=datetime(2023, 10, 3))
        assert catalogue_rules <= {rule.code for rule in before.skipped}
        then = run_checks(store, 2023, as_of=datetime(2023, 10, 10))
        assert not catalogue_rules & {rule.code for rule in then.skipped}


def exported_cells(db: Path, out: Path, as_of: str) -> set[object]:
    common = ["export", "data", "--db", str(db), "--year", "2023", "--table", "unreported_actions", "--out", str(out)]
    assert main([*common, "--as-of", as_of]) == 0
    book = openpyxl.load_workbook(out)
    return {cell for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row}


def test_the_data_export_as_of_a_date_carries_the_catalogue_of_then(history_db, tmp_path):
    assert "3.1.1" in exported_cells(history_db, tmp_path / "later.xlsx", "2023-10-25")
    assert "3.1.1" not in exported_cells(history_db, tmp_path / "then.xlsx", "2023-10-10")


@pytest.mark.usefixtures("app_env")
def test_the_overview_as_of_a_date_shows_the_coverage_of_then(history_db, monkeypatch):
    at = run_app(history_db, monkeypatch, "overview", lang="en", year="2023", as_of="2023-10-10")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Report coverage"] == "100.0%"
    at = run_app(history_db, monkeypatch, "overview", lang="en", year="2023")
    assert {m.label: m.value for m in at.metric}["Report coverage"] == "75.0%"


def test_the_crosswalk_as_imported_then(store):
    with_two_catalogues(store)
    first = [["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"]]
    second = [
        ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.2", "split"],
        ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.3", "split"],
    ]
    for rows, when in ((first, datetime(2025, 3, 1)), (second, datetime(2025, 6, 1))):
        result = crosswalk.import_bytes(
            store, csv_bytes([CROSS_HEADER, *rows]), "cw.csv", actor=ANALYST, imported_at=when
        )
        assert result.status == "stored"
    # Today: the second import replaced the pair; as of April, the first one.
    assert [r["to_code"] for r in crosswalk.rows(store)] == ["T1.2", "T1.3"]
    assert dashboard.crosswalk_texts(store, Filters(2023), "en")["1.1.1"] == (
        "→ RANPE-2026 T1.2 (split); → RANPE-2026 T1.3 (split)"
    )
    assert dashboard.crosswalk_texts(store, Filters(2023, as_of=datetime(2025, 4, 1)), "en") == {
        "1.1.1": "→ RANPE-2026 T1.1 (same)"
    }
    assert dashboard.crosswalk_texts(store, Filters(2023, as_of=datetime(2025, 1, 1)), "en") == {}


@pytest.mark.parametrize(
    "filters",
    [
        Filters(2023),
        Filters(2023, province="national"),
        Filters(2023, pillar=1),
        Filters(2023, agency="KEMENAG"),
        Filters(2023, quarter=4, pillar=2),
        Filters(2022),
    ],
)
def test_the_sums_give_the_answers_the_rows_give(store, filters):
    """Read as of a moment after every write (from the rows) and as of now (from the per-data-version sums): the
    same catalogue measures, unreported actions and led vs supported."""
    hand_made(store)
    later = Filters(**(filters.__dict__ | {"as_of": datetime(2100, 1, 1)}))

    def figures(view: Filters) -> dict:
        return {k: v for k, v in summary(store, view).items() if k not in ("filters", "as_of")}

    for read in (figures, lambda view: unreported_actions(store, view), lambda view: lead_and_supporting(store, view)):
        assert read(filters) == read(later)
