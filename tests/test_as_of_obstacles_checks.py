"""Obstacles and data checks as of a date (DOMAIN.md, "Figures as of a date"): a history rebuilt upload by upload,
replacement and restore, read back at each moment through `obstacles --as-of` and `check --as-of`, and through the
Data checks page following the dashboard's date."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from ranpe.checks import report, rules
from ranpe.cli import main as cli_main
from ranpe.i18n import t
from ranpe.ingest.pipeline import restore_upload
from ranpe.measures import obstacles
from ranpe.measures.filters import Filters, parse_moment
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO, csv_bytes
from tests.test_as_of import upload
from tests.test_pages import chart_specs, run_app, run_entry_script
from tests.test_pages_workspace import no_exception

HEADER = [
    "Tahun",
    "Triwulan",
    "Kementerian/Lembaga",
    "Pilar",
    "Kode Aksi",
    "Provinsi",
    "Komitmen",
    "Status",
    "Target",
    "Realisasi",
    "Hambatan",
    "Tindak Lanjut",
]

UPLOADED_BNPT = datetime(2023, 10, 2, 9, 0)
UPLOADED_KEMENAG = datetime(2023, 10, 9, 16, 30)
REPLACED_BNPT = datetime(2023, 10, 18, 11, 0)
RESTORED_BNPT = datetime(2023, 10, 25, 15, 0)

# BNPT's first file: action 1.1.1 marked not committed yet completed (a finding), its obstacle still open.
BNPT_FIRST = [
    [2023, 3, "BNPT", 1, "1.1.1", "Nasional", "Tidak", "Selesai", 10, 10, "Dana terlambat cair", ""],
    [2023, 3, "BNPT", 1, "1.1.2", "Nasional", "Ya", "Dalam proses", 10, 5, "", ""],
]
# Its replacement: committed now, but a realization five times its target (a finding); the obstacle resolved.
BNPT_FIXED = [
    [2023, 3, "BNPT", 1, "1.1.1", "Nasional", "Ya", "Dalam proses", 10, 50, "Koordinasi lemah", "Rapat bulanan"],
    [2023, 3, "BNPT", 1, "1.1.2", "Nasional", "Ya", "Dalam proses", 10, 5, "", ""],
]
# Kemenag: completed below its target (a finding), an obstacle with its follow-up.
KEMENAG = [
    [2023, 3, "KEMENAG", 2, "2.1.1", "Nasional", "Ya", "Selesai", 10, 4, "Penolakan masyarakat", "Dialog"],
]


@pytest.fixture
def history(store: Store) -> dict[str, int]:
    """BNPT on 2 Oct, Kemenag on 9 Oct, BNPT's file replaced on 18 Oct and its first file restored on 25 Oct."""
    uploads = {
        "bnpt": upload(store, csv_bytes([HEADER, *BNPT_FIRST]), "bnpt.csv", UPLOADED_BNPT),
        "kemenag": upload(store, csv_bytes([HEADER, *KEMENAG]), "kemenag.csv", UPLOADED_KEMENAG),
        "bnpt_fixed": upload(store, csv_bytes([HEADER, *BNPT_FIXED]), "bnpt (perbaikan).csv", REPLACED_BNPT),
    }
    restore_upload(store, uploads["bnpt"], actor=ANALYST, restored_at=RESTORED_BNPT)
    return uploads


# What each moment held: the obstacle texts (text, open) and the findings (rule, K/L, action, upload).
FIRST_BNPT_TEXT = ("Dana terlambat cair", True)
FIXED_BNPT_TEXT = ("Koordinasi lemah", False)
KEMENAG_TEXT = ("Penolakan masyarakat", False)
BOTH_FIRST_FINDINGS = [
    ("not_committed_but_done", "BNPT", "1.1.1", "bnpt"),
    ("completed_below_target", "KEMENAG", "2.1.1", "kemenag"),
]
MOMENTS = [
    ("2023-10-01", [], []),
    ("2023-10-02T08:59:59", [], []),
    ("2023-10-02", [FIRST_BNPT_TEXT], [("not_committed_but_done", "BNPT", "1.1.1", "bnpt")]),
    (
        "2023-10-10",
        [FIRST_BNPT_TEXT, KEMENAG_TEXT],
        [
            ("not_committed_but_done", "BNPT", "1.1.1", "bnpt"),
            ("completed_below_target", "KEMENAG", "2.1.1", "kemenag"),
        ],
    ),
    (
        "2023-10-18T11:00:00",
        [FIXED_BNPT_TEXT, KEMENAG_TEXT],
        [
            ("realization_above_target", "BNPT", "1.1.1", "bnpt_fixed"),
            ("completed_below_target", "KEMENAG", "2.1.1", "kemenag"),
        ],
    ),
    (
        "2023-10-25",
        [FIRST_BNPT_TEXT, KEMENAG_TEXT],
        [
            ("not_committed_but_done", "BNPT", "1.1.1", "bnpt"),
            ("completed_below_target", "KEMENAG", "2.1.1", "kemenag"),
        ],
    ),
]


def cli_json(store: Store, command: str, as_of: str | None, capsys) -> tuple[dict, str]:
    args = [command, "--db", str(store.path), "--year", "2023", "--json"]
    assert cli_main([*args, "--as-of", as_of] if as_of else args) == 0
    printed = capsys.readouterr()
    return json.loads(printed.out), printed.err


def found(result: dict, uploads: dict[str, int]) -> list[tuple]:
    names = {upload_id: name for name, upload_id in uploads.items()}
    return [(f["rule"], f["agency_code"], f["action_code"], names[f["upload_id"]]) for f in result["findings"]]


@pytest.mark.parametrize(("as_of", "texts", "findings"), MOMENTS)
def test_obstacles_as_of_give_the_texts_stored_then(store: Store, history, capsys, as_of, texts, findings):
    result, _ = cli_json(store, "obstacles", as_of, capsys)
    assert sorted((text["text"], text["open"]) for text in result["texts"]) == sorted(texts)
    assert sum(theme["texts"] for theme in result["themes"]) >= len(texts)
    assert sum(theme["open"] for theme in result["themes"]) >= sum(still_open for _, still_open in texts)
    # What the command prints is what the measures give for that moment.
    assert result == obstacles.report(store, Filters(2023, as_of=parse_moment(as_of)), "id")


@pytest.mark.parametrize(("as_of", "texts", "findings"), MOMENTS)
def test_check_as_of_gives_the_findings_stored_then(store: Store, history, capsys, as_of, texts, findings):
    result, _ = cli_json(store, "check", as_of, capsys)
    assert found(result, history) == findings
    assert result["as_of"] == parse_moment(as_of).isoformat()
    assert result["rows_checked"] == {0: 0, 1: 2, 2: 3}[len(texts)]
    run = rules.run_checks(store, 2023, as_of=parse_moment(as_of))
    assert result == json.loads(json.dumps(report.as_json(run, "id"), default=str))


def test_without_a_date_or_after_the_last_change_both_read_today_s_store(store: Store, history, capsys):
    today_texts, _ = cli_json(store, "obstacles", None, capsys)
    later_texts, _ = cli_json(store, "obstacles", "2099-01-01", capsys)
    assert today_texts == later_texts
    assert sorted(text["text"] for text in today_texts["texts"]) == ["Dana terlambat cair", "Penolakan masyarakat"]
    today_checks, _ = cli_json(store, "check", None, capsys)
    later_checks, _ = cli_json(store, "check", "2099-01-01", capsys)
    assert today_checks["as_of"] is None
    assert found(today_checks, history) == found(later_checks, history) == MOMENTS[-1][2]


def test_a_date_before_any_upload_is_empty_and_says_so(store: Store, history, capsys):
    nothing = t("as_of.no_data", "en", year=2023, date="1 October 2023")
    for command in ("obstacles", "check"):
        args = [command, "--db", str(store.path), "--year", "2023", "--as-of", "2023-10-01", "--lang", "en"]
        assert cli_main(args) == 0
        out = capsys.readouterr().out
        assert "Data as of 1 October 2023 (as stored then)" in out
        assert nothing in out
        result, err = cli_json(store, command, "2023-10-01", capsys)
        assert t("as_of.no_data", "id", year=2023, date="1 Oktober 2023") in err
    assert result["findings"] == [] and result["rows_checked"] == 0


def test_the_text_output_names_the_date_and_what_was_stored_then(store: Store, history, capsys):
    common = ["--db", str(store.path), "--year", "2023", "--as-of", "2023-10-18T11:00:00", "--lang", "en"]
    assert cli_main(["obstacles", *common]) == 0
    out = capsys.readouterr().out
    assert "Data as of 18 October 2023 11:00:00 (as stored then)" in out
    assert "Koordinasi lemah" in out and "Dana terlambat cair" not in out
    assert cli_main(["check", *common]) == 0
    out = capsys.readouterr().out
    assert "Data as of 18 October 2023 11:00:00 (as stored then)" in out
    assert "bnpt (perbaikan).csv" in out and "Realization" in out


def test_a_date_that_is_not_iso_is_refused(store: Store, capsys):
    for command in ("obstacles", "check"):
        with pytest.raises(SystemExit) as stopped:
            cli_main([command, "--db", str(store.path), "--year", "2023", "--as-of", "10/10/2023"])
        assert stopped.value.code == 2
        assert t("as_of.bad_date", "en", value="10/10/2023") in capsys.readouterr().err


# -- the Data checks page follows the date -------------------------------------------------------------


@pytest.fixture
def history_db(store: Store, history, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    store.close()
    monkeypatch.setenv("RANPE_DB", str(store.path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.chdir(REPO)
    return store.path


def counts_of(at: AppTest) -> dict[str, int]:
    """The K/L's total findings in the counts table."""
    counts = at.dataframe[0].value
    return dict(zip(counts.iloc[:, 0], counts.iloc[:, 2], strict=True))


def test_the_checks_page_reads_the_store_as_of_the_date(history_db: Path):
    at = AppTest.from_file(str(REPO / "pages" / "checks.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    no_exception(at.run())
    assert counts_of(at) == {"BNPT": 1, "KEMENAG": 1}
    assert not any("as stored on" in info.value for info in at.info)

    no_exception(at.date_input(key="filter_as_of").set_value(date(2023, 10, 18)).run())
    assert any("Figures as stored on 18 October 2023" in info.value for info in at.info)
    assert counts_of(at) == {"BNPT": 1, "KEMENAG": 1}
    listed = {str(value) for value in at.dataframe[1].value.to_numpy().ravel()}
    assert t("check.rule.realization_above_target", "en") in listed
    assert t("check.rule.not_committed_but_done", "en") not in listed

    no_exception(at.date_input(key="filter_as_of").set_value(date(2023, 10, 5)).run())
    assert counts_of(at) == {"BNPT": 1}

    no_exception(at.date_input(key="filter_as_of").set_value(date(2023, 10, 1)).run())
    assert any(t("as_of.nothing_stored", "en", date="1 October 2023") == info.value for info in at.info)
    assert not at.dataframe

    no_exception(at.date_input(key="filter_as_of").set_value(None).run())
    assert counts_of(at) == {"BNPT": 1, "KEMENAG": 1}


# -- the Obstacles page follows the dashboard's date ---------------------------------------------------


def test_the_obstacles_page_shows_the_texts_stored_then_and_names_the_date(
    history_db: Path, monkeypatch: pytest.MonkeyPatch
):
    # app.py run on every AppTest run, as tests.test_pages.app_env does.
    monkeypatch.setattr(script_runner, "_mpa_v1", run_entry_script)
    at = run_app(history_db, monkeypatch, "obstacles", as_of="2023-10-18", lang="en")
    footers = [
        " ".join(a["text"] for a in spec["layout"].get("annotations", [])).replace("<br>", " ")
        for spec in chart_specs(at)
    ]
    assert footers and all("Data as of 18 October 2023 (as stored then)" in footer for footer in footers)
    texts = " ".join(str(value) for value in at.dataframe[-1].value.to_numpy().ravel())
    assert "Koordinasi lemah" in texts and "Dana terlambat cair" not in texts

    at.date_input(key="filter_as_of").set_value(None).run()
    assert not at.exception
    texts = " ".join(str(value) for value in at.dataframe[-1].value.to_numpy().ravel())
    assert "Dana terlambat cair" in texts and "Koordinasi lemah" not in texts
