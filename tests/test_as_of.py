"""Figures as of a date (DOMAIN.md): a history rebuilt upload by upload, replacement and restore, read back at
each moment through summary(), the CLI and the exports; with no moment, nothing changes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from ranpe.cli import main as cli_main
from ranpe.i18n import AsOf, fmt_date, t
from ranpe.ingest.pipeline import ingest_bytes, remove_demo, restore_upload
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters, parse_moment
from ranpe.measures.summary import summary
from ranpe.store import sql
from ranpe.store.connection import Store
from ranpe.workspace.history import undo
from tests.conftest import ANALYST, csv_bytes

HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Pilar", "Kode Aksi", "Komitmen"]
# The K/L of each pillar's Pokja file: its actions are shared among them in turn.
POKJA_AGENCIES = {
    1: ("BNPT", "KEMENAG", "KEMENDIKBUDRISTEK", "KOMINFO"),
    2: ("POLRI", "KEJAKSAAN", "LPSK"),
    3: ("KEMENLU", "BNPT"),
}
# The published 2023 figures of DOMAIN.md: 64 of 79 actions on 10 October 2023, 68 of 79 eight days later.
ACTIONS = {1: 50, 2: 15, 3: 14}

UPLOADED_P1 = datetime(2023, 10, 2, 9, 0)
UPLOADED_P2_P3 = datetime(2023, 10, 9, 16, 30)
REPLACED_P1 = datetime(2023, 10, 18, 11, 0)
RESTORED_P1 = datetime(2023, 10, 25, 15, 0)


def pokja_file(pillar: int, committed: int, quarter: int = 3) -> bytes:
    """One Pokja's file for 2023: the pillar's actions, the first `committed` of them committed."""
    agencies = POKJA_AGENCIES[pillar]
    rows = [
        [
            2023,
            quarter,
            agencies[n % len(agencies)],
            pillar,
            f"{pillar}.{n // 10 + 1}.{n % 10 + 1}",
            "Ya" if n < committed else "Tidak",
        ]
        for n in range(ACTIONS[pillar])
    ]
    return csv_bytes([HEADER, *rows])


def upload(store: Store, data: bytes, name: str, when: datetime, **options) -> int:
    result = ingest_bytes(store, data, name, actor=ANALYST, uploaded_at=when, **options)
    assert result.status == "stored", result.problems
    return int(result.upload_id)


@pytest.fixture
def history(store: Store) -> dict[str, int]:
    """Pillar 1 on 2 Oct (41 of 50), pillars 2 and 3 on 9 Oct (12 of 15, 11 of 14), pillar 1 replaced on 18 Oct
    (45 of 50), and the first pillar 1 file restored on 25 Oct."""
    uploads = {
        "p1": upload(store, pokja_file(1, 41), "pilar1.csv", UPLOADED_P1),
        "p2": upload(store, pokja_file(2, 12), "pilar2.csv", UPLOADED_P2_P3),
        "p3": upload(store, pokja_file(3, 11), "pilar3.csv", UPLOADED_P2_P3),
        "p1_fixed": upload(store, pokja_file(1, 45), "pilar1 (perbaikan).csv", REPLACED_P1),
    }
    restore_upload(store, uploads["p1"], actor=ANALYST, restored_at=RESTORED_P1)
    return uploads


def figures(store: Store, as_of: str | None, **filters) -> dict:
    """summary() for 2023 as stored at the moment given (ISO 8601 text, as on the command line)."""
    return summary(store, Filters(2023, as_of=parse_moment(as_of) if as_of else None, **filters))


def headline(result: dict) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Actions committed, actions planned, and (pillar, committed, planned) for each pillar."""
    pillars = [(p["pillar"], p["committed"], p["planned"]) for p in result["by_pillar"]]
    return result["actions_committed"], result["actions_planned"], pillars


# -- the history, moment by moment --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2023-10-01", (0, 0, [])),
        ("2023-10-02T08:59:59", (0, 0, [])),
        ("2023-10-02T09:00:00", (41, 50, [(1, 41, 50)])),
        ("2023-10-09", (64, 79, [(1, 41, 50), (2, 12, 15), (3, 11, 14)])),
        ("2023-10-10", (64, 79, [(1, 41, 50), (2, 12, 15), (3, 11, 14)])),
        ("2023-10-18T10:59:59", (64, 79, [(1, 41, 50), (2, 12, 15), (3, 11, 14)])),
        ("2023-10-18T11:00:00", (68, 79, [(1, 45, 50), (2, 12, 15), (3, 11, 14)])),
        ("2023-10-18", (68, 79, [(1, 45, 50), (2, 12, 15), (3, 11, 14)])),
        ("2023-10-24", (68, 79, [(1, 45, 50), (2, 12, 15), (3, 11, 14)])),
        ("2023-10-25", (64, 79, [(1, 41, 50), (2, 12, 15), (3, 11, 14)])),
    ],
)
def test_each_moment_gives_the_figures_stored_then(store: Store, history: dict[str, int], as_of: str, expected):
    assert headline(figures(store, as_of)) == expected


def test_the_published_figures_of_10_and_18_october_both_come_out(store: Store, history: dict[str, int]):
    statement, report = figures(store, "2023-10-10"), figures(store, "2023-10-18")
    assert (statement["actions_committed"], statement["actions_planned"]) == (64, 79)
    assert (report["actions_committed"], report["actions_planned"]) == (68, 79)
    assert round(statement["commitment_rate"] * 100) == 81
    assert round(report["commitment_rate"] * 100) == 86


def test_a_date_before_any_upload_shows_nothing(store: Store, history: dict[str, int]):
    before = figures(store, "2023-10-01")
    assert before["actions_planned"] == 0 and before["commitment_rate"] is None
    assert before["agencies_total"] == 0 and before["by_agency"] == [] and before["by_province"] == []
    assert before["reporting_completeness"] == {"quarter": None, "submitted": 0, "expected": 0, "rate": None}


def test_without_a_moment_or_with_one_after_the_last_change_the_figures_are_today_s(
    store: Store, history: dict[str, int]
):
    today = figures(store, None)
    later = figures(store, "2099-01-01")
    assert headline(today) == (64, 79, [(1, 41, 50), (2, 12, 15), (3, 11, 14)])
    assert {k: v for k, v in later.items() if k not in ("filters", "as_of")} == {
        k: v for k, v in today.items() if k not in ("filters", "as_of")
    }


def test_the_other_filters_apply_as_of_the_moment(store: Store, history: dict[str, int]):
    bnpt_on_the_10th = figures(store, "2023-10-10", agency="BNPT")
    bnpt_on_the_18th = figures(store, "2023-10-18", agency="BNPT")
    # BNPT holds actions 0, 4, ..., 48 of pillar 1 (13 of them) and 1, 3, ..., 13 of pillar 3 (7 of them).
    assert bnpt_on_the_10th["actions_planned"] == bnpt_on_the_18th["actions_planned"] == 13 + 7
    assert bnpt_on_the_10th["actions_committed"] == 11 + 5  # actions 0-40 of pillar 1, 0-10 of pillar 3
    assert bnpt_on_the_18th["actions_committed"] == 12 + 5  # actions 0-44 of pillar 1
    pillar_two = figures(store, "2023-10-05", pillar=2)
    assert pillar_two["actions_planned"] == 0


def test_completeness_trend_and_status_follow_the_moment(store: Store, history: dict[str, int]):
    early, later = Filters(2023, as_of=parse_moment("2023-10-05")), Filters(2023, as_of=parse_moment("2023-10-10"))
    early_row = dashboard.completeness(store, early, "id").set_index("quarter").loc[3]
    later_row = dashboard.completeness(store, later, "id").set_index("quarter").loc[3]
    assert (early_row["submitted"], early_row["expected"]) == (4, 4)  # only pillar 1's K/L had reported
    assert (later_row["submitted"], later_row["expected"]) == (8, 8)
    assert set(dashboard.trend(store, early, "id")["pillar"]) == {0, 1}
    assert set(dashboard.trend(store, later, "id")["pillar"]) == {0, 1, 2, 3}
    assert dashboard.status_by_quarter(store, early, "id")["action_plans"].sum() == 50
    assert dashboard.status_by_quarter(store, later, "id")["action_plans"].sum() == 79


def test_the_latest_reported_quarter_is_the_latest_stored_then(store: Store, history: dict[str, int]):
    """A K/L's current state is its latest quarter: a TW IV file arriving later does not count before it came."""
    upload(store, pokja_file(2, 15, quarter=4), "pilar2 TW IV.csv", datetime(2024, 1, 10, 9, 0))
    assert headline(figures(store, "2023-12-31"))[0] == 64
    assert headline(figures(store, "2024-01-10"))[0] == 67
    assert figures(store, "2023-12-31")["reporting_completeness"]["quarter"] == 3
    assert figures(store, "2024-01-10")["reporting_completeness"]["quarter"] == 4


def test_an_undo_counts_from_when_it_was_made(store: Store, history: dict[str, int]):
    """Undo writes active_slices its own way (ranpe.workspace.history): the write transaction records it all the
    same."""
    before = datetime.now()
    undo(store, history["p1"], actor=ANALYST)  # pillar 1 had no version before it: it leaves the figures
    assert headline(figures(store, None)) == (23, 29, [(2, 12, 15), (3, 11, 14)])
    assert headline(figures(store, "2099-01-01")) == headline(figures(store, None))
    assert headline(figures(store, before.isoformat()))[0] == 64
    assert headline(figures(store, "2023-10-18"))[0] == 68


def test_removing_demo_data_empties_its_slices_from_then_on(store: Store):
    upload(store, pokja_file(3, 11), "pilar3.csv", datetime(2023, 10, 9, 10, 0))
    upload(store, pokja_file(3, 14), "demo.csv", datetime(2023, 10, 12, 10, 0), is_demo=True)
    assert headline(figures(store, "2023-10-12"))[:2] == (14, 14)
    remove_demo(store, actor=ANALYST)
    # The demo rows are gone: before the removal the real upload shows, after it nothing (as today).
    assert headline(figures(store, "2023-10-12"))[:2] == (11, 14)
    assert headline(figures(store, None))[:2] == (0, 0)
    assert headline(figures(store, "2099-01-01"))[:2] == (0, 0)


def test_the_as_of_moment_is_part_of_the_filters_and_their_cache_key():
    plain, dated = Filters(2023), Filters(2023, as_of=parse_moment("2023-10-10"))
    assert plain != dated and hash(plain) != hash(dated)
    assert plain.params()["as_of"] is None
    assert dated.params()["as_of"] == datetime(2023, 10, 10, 23, 59, 59, 999999)
    assert dated.as_dict()["as_of"] == "2023-10-10T23:59:59.999999"


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2023-10-10", datetime(2023, 10, 10, 23, 59, 59, 999999)),
        ("2023-10-10T14:30:05", datetime(2023, 10, 10, 14, 30, 5)),
        ("2023-10-10 14:30", datetime(2023, 10, 10, 14, 30)),
        ("20231010", datetime(2023, 10, 10, 23, 59, 59, 999999)),
    ],
)
def test_iso_dates_and_date_times_are_read_as_moments(text: str, moment: datetime):
    assert parse_moment(text) == moment


@pytest.mark.parametrize("text", ["10/10/2023", "2023-13-01", "kemarin", ""])
def test_anything_else_is_not_a_moment(text: str):
    with pytest.raises(ValueError):
        parse_moment(text)


def test_a_moment_prints_as_a_date_or_with_its_time():
    assert fmt_date(AsOf.of(parse_moment("2023-10-10")), "id") == "10 Oktober 2023"
    assert fmt_date(AsOf.of(parse_moment("2023-10-10")), "en", with_time=True) == "10 October 2023"
    assert fmt_date(AsOf.of(parse_moment("2023-10-10T14:30:05")), "en") == "10 October 2023 14:30:05"


# -- the history kept for stores older than it -------------------------------------------------------


def test_an_older_store_gets_its_history_on_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A store written before migration 007 (uploads, a replacement, restores, an undo) is upgraded on open: every
    upload counts from its arrival, every restore and undo from the time the audit log gave it."""
    every = sql.migrations()
    monkeypatch.setattr(sql, "migrations", lambda: [m for m in every if m[0] < 7])
    load = sql.load
    # The code of that time: no history to record, and upload ids without the refused catalogues and crosswalks
    # (migrations 12 and 14).
    then = {
        "store/record_activations": "select $now",
        "ingest/next_upload_id": load("ingest/next_upload_id")
        .replace("    (select coalesce(max(upload_id), 0) from catalogue_refusals),\n", "")
        .replace("    (select coalesce(max(upload_id), 0) from crosswalk_refusals),\n", ""),
    }
    assert "_refusals" not in then["ingest/next_upload_id"]
    monkeypatch.setattr(sql, "load", lambda name: then.get(name) or load(name))
    now = datetime.now()
    path = tmp_path / "old.duckdb"
    with Store(path) as old:
        assert "slice_activations" not in {r["table_name"] for r in old.query_rows("health/tables")}
        first = upload(old, pokja_file(1, 41), "pilar1.csv", UPLOADED_P1)
        upload(old, pokja_file(2, 12), "pilar2.csv", UPLOADED_P2_P3)
        third = upload(old, pokja_file(3, 11), "pilar3.csv", UPLOADED_P2_P3)
        fixed = upload(old, pokja_file(1, 45), "pilar1 (perbaikan).csv", REPLACED_P1)
        upload(old, pokja_file(1, 47), "pilar1 v3.csv", datetime(2023, 11, 1, 9, 0))
        restore_upload(old, first, actor=ANALYST)  # now, as the audit log records it
        restore_upload(old, fixed, actor=ANALYST)
        undo(old, third, actor=ANALYST)  # pillar 3 had no version before it: it leaves the figures
        upload(old, pokja_file(1, 49), "pilar1 v4.csv", now + timedelta(days=1))
    monkeypatch.setattr(sql, "migrations", lambda: every)
    monkeypatch.setattr(sql, "load", load)
    with Store(path) as upgraded:
        committed = {
            moment: figures(upgraded, moment)["actions_committed"]
            for moment in (
                "2023-10-01",
                "2023-10-10",
                "2023-10-18",
                "2023-11-01",
                (now + timedelta(hours=1)).isoformat(),
                "2099-01-01",
            )
        }
        today = figures(upgraded, None)["actions_committed"]
    # 41 + 12 + 11 on the 10th, 45 + 12 + 11 from the 18th, 47 + 12 + 11 from 1 November; pillar 1 back to 45 by
    # the restores of today and pillar 3 gone by its undo, which only the audit log tells; 49 + 12 from tomorrow.
    assert list(committed.values()) == [0, 64, 68, 70, 45 + 12, 49 + 12]
    assert today == 49 + 12


# -- the command line and the exports ----------------------------------------------------------------


def test_cli_summary_reads_the_store_named_by_store_option(
    store: Store, history: dict[str, int], capsys, monkeypatch, tmp_path: Path
):
    # The default store is another, empty one: the figures must come from the store --store names.
    monkeypatch.setenv("RANPE_STORE", str(tmp_path / "elsewhere.duckdb"))
    monkeypatch.delenv("RANPE_DB", raising=False)
    assert cli_main(["summary", "--store", str(store.path), "--year", "2023", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(figures(store, None), default=str))
    assert printed["actions_planned"] > 0  # the empty default store would give none


def test_cli_summary_as_of_prints_what_summary_computes(store: Store, history: dict[str, int], capsys):
    for moment in ("2023-10-10", "2023-10-18T11:00:00"):
        assert cli_main(["summary", "--db", str(store.path), "--year", "2023", "--as-of", moment, "--json"]) == 0
        printed = json.loads(capsys.readouterr().out)
        expected = json.loads(json.dumps(figures(store, moment), default=str))
        assert printed == expected
    assert printed["as_of"] == "2023-10-18T11:00:00"
    assert printed["actions_committed"] == 68


def test_cli_summary_as_of_in_words(store: Store, history: dict[str, int], capsys):
    assert (
        cli_main(["summary", "--db", str(store.path), "--year", "2023", "--as-of", "2023-10-10", "--lang", "en"]) == 0
    )
    out = capsys.readouterr().out
    assert "Data as of 10 October 2023 (as stored then)" in out
    assert "(64 / 79)" in out


def test_cli_refuses_a_date_that_is_not_iso_in_both_languages(store: Store, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli_main(["summary", "--db", str(store.path), "--year", "2023", "--as-of", "10/10/2023"])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert t("as_of.bad_date", "id", value="10/10/2023") in error
    assert t("as_of.bad_date", "en", value="10/10/2023") in error


def _about(path: Path) -> dict[str, str]:
    sheet = openpyxl.load_workbook(path)[t("exports.sheet.about", "id")]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}


def test_export_data_as_of_writes_the_figures_and_the_date_of_then(
    store: Store, history: dict[str, int], tmp_path: Path
):
    out = tmp_path / "pilar.xlsx"
    common = ["export", "data", "--db", str(store.path), "--year", "2023", "--table", "by_pillar"]
    assert cli_main([*common, "--as-of", "2023-10-18", "--out", str(out)]) == 0
    about = _about(out)
    assert about[t("exports.about.as_of", "id")] == "18 Oktober 2023"
    data = openpyxl.load_workbook(out)[t("exports.sheet.data", "id")]
    committed = {row[0]: row[3] for row in data.iter_rows(min_row=2, values_only=True)}
    assert committed == {1: 45, 2: 12, 3: 11}
    # Without --as-of: today's figures (pillar 1 restored), dated by the latest upload.
    assert cli_main([*common, "--out", str(out)]) == 0
    data = openpyxl.load_workbook(out)[t("exports.sheet.data", "id")]
    assert {row[0]: row[3] for row in data.iter_rows(min_row=2, values_only=True)} == {1: 41, 2: 12, 3: 11}
    assert _about(out)[t("exports.about.as_of", "id")] == fmt_date(REPLACED_P1, "id", with_time=True)


def test_export_refuses_a_year_with_nothing_stored_by_the_date(
    store: Store, history: dict[str, int], tmp_path: Path, capsys
):
    out = tmp_path / "kosong.csv"
    code = cli_main(
        ["export", "data", "--db", str(store.path), "--year", "2023", "--as-of", "2023-10-01", "--out", str(out)]
    )
    assert code == 1 and not out.exists()
    assert t("as_of.no_data", "id", year=2023, date="1 Oktober 2023") in capsys.readouterr().err


@pytest.mark.slow
def test_export_pack_as_of_names_the_date_on_the_cover_and_every_chart(
    store: Store, history: dict[str, int], tmp_path: Path
):
    out = tmp_path / "paparan.pptx"
    assert (
        cli_main(
            ["export", "pack", "--db", str(store.path), "--year", "2023", "--as-of", "2023-10-10", "--out", str(out)]
        )
        == 0
    )
    deck = Presentation(str(out))
    texts = [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in deck.slides]
    cover = " ".join(texts[0])
    assert t("exports.pack.as_of", "id", date="10 Oktober 2023") in cover
    source_line = t("as_of.source", "id", date="10 Oktober 2023")
    assert sum(source_line in " ".join(slide) for slide in texts) >= 4  # the four chart slides
    kpis = " ".join(texts[1])
    assert "64" in kpis and "79" in kpis


def test_the_chart_source_line_names_the_moment(store: Store, history: dict[str, int]):
    dated = replace(Filters(2023), as_of=parse_moment("2023-10-10"))
    as_of = dashboard.as_of(store, dated)
    from ranpe import charts

    assert charts.as_of_text(as_of, "Sumber", "id").startswith("Data per 10 Oktober 2023 (seperti tersimpan saat itu)")
    assert charts.as_of_text(as_of, "Source", "en").startswith("Data as of 10 October 2023 (as stored then)")
    latest = dashboard.as_of(store, Filters(2023))
    assert charts.as_of_text(latest, "Sumber", "id").startswith(t("dash.as_of", "id", date=fmt_date(latest, "id")))


def test_the_benchmark_store_has_the_history_of_its_slices(tmp_path: Path):
    """benchmarks.pages builds its store straight into the tables: its history must say the same as today."""
    from benchmarks.pages import build_store

    db = tmp_path / "bench.duckdb"
    build_store(db, 5_000)
    with Store(db) as bench:
        today = summary(bench, Filters(2024))
        later = summary(bench, Filters(2024, as_of=parse_moment("2099-01-01")))
    assert today["actions_planned"] > 0
    assert {k: v for k, v in later.items() if k not in ("filters", "as_of")} == {
        k: v for k, v in today.items() if k not in ("filters", "as_of")
    }
