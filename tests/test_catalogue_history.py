"""Refused catalogue imports in the upload history, and catalogue files parsed in the parsing sandbox.

A refused catalogue is stored not at all (no version, no original kept), yet the attempt is recorded as a refused
submission is: who, when, the file's name and hash, every problem; numbered with the uploads and listed with them
in the history (page and CLI), marked "katalog" / "catalogue". A catalogue file is read in the sandbox's child
process under its time and memory limits, as a submission is.
"""

from __future__ import annotations

import hashlib
import io
import json
import resource
from datetime import datetime

import openpyxl
import pytest

from ranpe import config
from ranpe.access import audit
from ranpe.access.roles import Actor
from ranpe.cli import main
from ranpe.i18n import fmt_quarter, t
from ranpe.ingest import sandbox
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.plan import catalogue, crosswalk
from ranpe.store.connection import Store
from ranpe.workspace import common, history
from tests import hostile
from tests.conftest import ANALYST, csv_bytes, xlsx_bytes
from tests.test_catalogue import CROSS_HEADER, GOOD, HEADER, add_second_period, catalogue_file, with_two_catalogues
from tests.test_pages_workspace import no_exception, page, table, texts

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_HEADER = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Aksi", "Komitmen"]
# A catalogue whose one action names pillar 7 of a period of three pillars: refused at row 2, column Pilar.
BAD_PILLAR = ["1.1.1", "Sosialisasi", 7, "BNPT", None, None]


def report(agency: str = "BNPT") -> bytes:
    return csv_bytes([REPORT_HEADER, [2023, 4, agency, 1, "1.1.1", "Sosialisasi", "Ya"]])


def refuse(store: Store, data: bytes, name: str = "matriks.xlsx", **options) -> catalogue.CatalogueResult:
    options.setdefault("period", "RANPE-2020")
    result = catalogue.import_bytes(store, data, name, actor=ANALYST, **options)
    assert result.status == "refused", result.as_dict("en")
    return result


def nothing_stored(store: Store) -> bool:
    """No catalogue version, and no original kept (beside the embedded store, or in the shared one)."""
    originals = store.cursor().execute("select count(*) from catalogue_versions").fetchone()[0]
    archived = store.uploads_dir.exists() and any(store.uploads_dir.iterdir())
    return catalogue.versions(store) == [] and originals == 0 and not archived


# -- the refusal recorded ---------------------------------------------------------------------------------------


def test_a_refused_catalogue_is_recorded_with_who_when_file_hash_and_problems_and_stored_not_at_all(store):
    data = catalogue_file([BAD_PILLAR])
    when = datetime(2024, 2, 1, 9, 30)
    result = refuse(store, data, "../matriks aksi.xlsx", imported_at=when)
    assert result.upload_id == 1 and result.as_dict("en")["upload_id"] == 1
    assert nothing_stored(store)

    [row] = history.history(store)
    assert {k: row[k] for k in ("upload_id", "kind", "status", "file_name", "uploaded_by", "uploaded_at")} == {
        "upload_id": 1,
        "kind": "catalogue",
        "status": "refused",
        "file_name": "matriks aksi.xlsx",
        "uploaded_by": "analis",
        "uploaded_at": when,
    }
    assert (row["error_count"], row["row_count"], row["period_code"]) == (1, 0, "RANPE-2020")
    [(sha256,)] = store.cursor().execute("select sha256 from catalogue_refusals").fetchall()
    assert sha256 == hashlib.sha256(data).hexdigest()

    # Its error report, from the problems recorded with it, in either language.
    for lang, message in (("en", "a group number 1–3"), ("id", "nomor Pilar 1–3")):
        sheet = openpyxl.load_workbook(io.BytesIO(history.refused_report_xlsx(store, 1, lang))).active
        _header, *problems = list(sheet.iter_rows(values_only=True))
        [(file, sheet_name, excel_row, column, value, text, _severity)] = problems
        assert (file, sheet_name, excel_row, column, value) == ("matriks aksi.xlsx", "Matriks", 2, "Pilar", "7")
        assert message in text

    [entry] = audit.entries(store, Actor("admin", "admin"), action="refuse")
    details = entry["details"]
    assert (details["upload_id"], details["catalogue"], details["sha256"], details["errors"]) == (1, True, sha256, 1)


def test_a_checked_catalogue_and_a_usage_error_record_nothing(store):
    assert catalogue.import_bytes(store, catalogue_file([BAD_PILLAR]), "m.xlsx", actor=ANALYST, dry_run=True).status
    with pytest.raises(catalogue.UsageError):
        catalogue.import_bytes(store, catalogue_file([BAD_PILLAR]), "m.xlsx", period="X", actor=ANALYST)
    assert history.history(store) == []


def test_refusals_are_numbered_with_the_uploads_and_follow_the_history_filters(store):
    add_second_period(store)
    first = ingest_bytes(store, report(), "bnpt.csv", actor=ANALYST)
    refused = refuse(store, catalogue_file([BAD_PILLAR]))
    # A file naming no period at all: recorded without one.
    no_period = refuse(store, catalogue_file([GOOD]), "tanpa-periode.xlsx", period=None)
    later = ingest_bytes(store, report("Kemenag"), "kemenag.csv", actor=ANALYST)
    assert [first.upload_id, refused.upload_id, no_period.upload_id, later.upload_id] == [1, 2, 3, 4]
    listed = history.history(store)
    assert [(h["upload_id"], h["kind"], h["period_code"]) for h in listed] == [
        (4, "submission", None),
        (3, "catalogue", None),
        (2, "catalogue", "RANPE-2020"),
        (1, "submission", None),
    ]
    # A K/L chosen: a catalogue has none. A year chosen: the catalogues of its period.
    assert [h["upload_id"] for h in history.history(store, agency="BNPT")] == [1]
    assert [h["upload_id"] for h in history.history(store, year=2023)] == [4, 2, 1]
    assert [h["upload_id"] for h in history.history(store, year=2027)] == []
    # The next upload, and the next refused catalogue, take the next numbers.
    assert refuse(store, catalogue_file([BAD_PILLAR])).upload_id == 5
    assert ingest_bytes(store, report("Polri"), "polri.csv", actor=ANALYST).upload_id == 6


@pytest.mark.parametrize(
    ("lang", "status", "label"),
    [("id", "ditolak · katalog", "#1 · m.xlsx"), ("en", "refused · catalogue", "#1 · m.xlsx")],
)
def test_the_history_table_marks_a_catalogue_and_names_its_period(store, lang, status, label):
    refuse(store, catalogue_file([BAD_PILLAR]), "m.xlsx")
    ingest_bytes(store, report(), "bnpt.csv", actor=ANALYST)
    uploads = history.history(store)
    rows = history.history_rows(uploads, common.names(store, lang))
    statuses = [row[t("ws.col.status", lang)] for row in rows]
    assert statuses[1] == status and "katalog" not in statuses[0] and "catalogue" not in statuses[0]
    assert [row[t("ws.col.periods", lang)] for row in rows] == [f"2023 {fmt_quarter(4, lang)}", "RANPE-2020"]
    assert history.upload_label(uploads[1], lang).startswith(label) and status in history.upload_label(uploads[1], lang)


def test_cli_catalogue_import_records_the_refusal_and_history_marks_it(store, tmp_path, capsys):
    db = str(store.path)
    store.close()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADER, BAD_PILLAR]))
    assert main(["catalogue", "import", str(bad), "--period", "RANPE-2020", "--json", "--db", db]) == 1
    [imported] = json.loads(capsys.readouterr().out)["files"]
    assert (imported["status"], imported["upload_id"], imported["version_id"]) == ("refused", 1, None)
    assert main(["history", "--db", db, "--lang", "en"]) == 0
    [line] = capsys.readouterr().out.strip().splitlines()
    assert line.startswith("#    1") and "refused" in line and "bad.csv [catalogue]  RANPE-2020" in line
    assert main(["history", "--db", db]) == 0
    assert "bad.csv [katalog]" in capsys.readouterr().out
    assert main(["history", "--db", db, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["upload_id"], row["kind"], row["status"], row["period_code"]) == (
        1,
        "catalogue",
        "refused",
        "RANPE-2020",
    )
    # The refusal is listed with the uploads only: a K/L chosen leaves it out.
    assert main(["history", "--db", db, "--agency", "BNPT", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "No uploads yet"


# -- refused crosswalk imports ----------------------------------------------------------------------------------

# A crosswalk row whose relation is no relation: refused at row 2, column relation.
BAD_RELATION = ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "sideways"]
GOOD_LINK = ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"]


def test_a_refused_crosswalk_is_recorded_with_who_when_file_hash_and_problems_and_stored_not_at_all(store):
    with_two_catalogues(store)
    data = csv_bytes([CROSS_HEADER, GOOD_LINK, BAD_RELATION])
    when = datetime(2026, 3, 2, 10, 15)
    result = crosswalk.import_bytes(store, data, "../padanan aksi.csv", actor=ANALYST, imported_at=when)
    assert (result.status, result.upload_id, result.as_dict("en")["upload_id"]) == ("refused", 1, 1)
    assert crosswalk.rows(store) == []  # not even the good row

    [row] = history.history(store)
    assert {k: row[k] for k in ("upload_id", "kind", "status", "file_name", "uploaded_by", "uploaded_at")} == {
        "upload_id": 1,
        "kind": "crosswalk",
        "status": "refused",
        "file_name": "padanan aksi.csv",
        "uploaded_by": "analis",
        "uploaded_at": when,
    }
    assert (row["error_count"], row["row_count"], row["period_code"]) == (1, 0, None)
    [(sha256,)] = store.cursor().execute("select sha256 from crosswalk_refusals").fetchall()
    assert sha256 == hashlib.sha256(data).hexdigest()

    for lang, message in (("en", "same, split, merged, new or ended"), ("id", "new atau ended")):
        sheet = openpyxl.load_workbook(io.BytesIO(history.refused_report_xlsx(store, 1, lang))).active
        _header, *problems = list(sheet.iter_rows(values_only=True))
        [(file, _sheet, excel_row, column, value, text, _severity)] = problems
        assert (file, excel_row, column, value) == ("padanan aksi.csv", 3, "relation", "sideways")
        assert message in text

    [entry] = audit.entries(store, Actor("admin", "admin"), action="refuse")
    details = entry["details"]
    assert (details["upload_id"], details["crosswalk"], details["sha256"], details["errors"]) == (1, True, sha256, 1)


def test_crosswalk_refusals_are_numbered_with_uploads_and_catalogue_refusals(store):
    with_two_catalogues(store)  # two catalogues stored: versions, not upload numbers
    first = ingest_bytes(store, report(), "bnpt.csv", actor=ANALYST)
    cw = crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, BAD_RELATION]), "cw.csv", actor=ANALYST)
    cat = refuse(store, catalogue_file([BAD_PILLAR]))
    stored = crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, GOOD_LINK]), "cw-ok.csv", actor=ANALYST)
    later = ingest_bytes(store, report("Kemenag"), "kemenag.csv", actor=ANALYST)
    assert (stored.status, stored.upload_id) == ("stored", None)
    assert [first.upload_id, cw.upload_id, cat.upload_id, later.upload_id] == [1, 2, 3, 4]
    assert [(h["upload_id"], h["kind"]) for h in history.history(store)] == [
        (4, "submission"),
        (3, "catalogue"),
        (2, "crosswalk"),
        (1, "submission"),
    ]
    # A crosswalk has neither K/L nor year: either filter leaves it out.
    assert [h["upload_id"] for h in history.history(store, agency="BNPT")] == [1]
    assert [h["upload_id"] for h in history.history(store, year=2023)] == [4, 3, 1]
    again = crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, BAD_RELATION]), "cw.csv", actor=ANALYST)
    assert again.upload_id == 5


@pytest.mark.parametrize(("lang", "status"), [("id", "ditolak · crosswalk"), ("en", "refused · crosswalk")])
def test_the_history_table_marks_a_crosswalk(store, lang, status):
    with_two_catalogues(store)
    crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, BAD_RELATION]), "cw.csv", actor=ANALYST)
    uploads = history.history(store)
    [row] = history.history_rows(uploads, common.names(store, lang))
    assert (row[t("ws.col.status", lang)], row[t("ws.col.periods", lang)]) == (status, "")
    assert history.upload_label(uploads[0], lang).startswith("#1 · cw.csv") and status in history.upload_label(
        uploads[0], lang
    )


def test_cli_crosswalk_import_records_the_refusal_and_history_marks_it(store, tmp_path, capsys):
    with_two_catalogues(store)
    db = str(store.path)
    store.close()
    bad = tmp_path / "padanan.csv"
    bad.write_bytes(csv_bytes([CROSS_HEADER, BAD_RELATION]))
    assert main(["crosswalk", "import", str(bad), "--json", "--db", db, "--lang", "en"]) == 1
    [imported] = json.loads(capsys.readouterr().out)["files"]
    assert (imported["status"], imported["upload_id"], imported["error_total"]) == ("refused", 1, 1)
    assert imported["errors"][0]["column"] == "relation" and imported["errors"][0]["value"] == "sideways"
    assert main(["history", "--db", db, "--lang", "en"]) == 0
    [line] = capsys.readouterr().out.strip().splitlines()
    assert line.startswith("#    1") and "refused" in line and "padanan.csv [crosswalk]" in line
    assert main(["history", "--db", db, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["upload_id"], row["kind"], row["status"], row["error_count"], row["file_name"]) == (
        1,
        "crosswalk",
        "refused",
        1,
        "padanan.csv",
    )
    assert main(["history", "--db", db, "--year", "2023", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "No uploads yet"


# -- the sandbox ------------------------------------------------------------------------------------------------

# The hostile corpus' files that the reader refuses whatever their columns: a catalogue gets the same answer.
READER_KEYS = {
    "problem.xml_entities",
    "problem.zip_bomb",
    "problem.too_big_unpacked",
    "problem.macro",
    "problem.not_xlsx",
    "problem.not_csv",
    "problem.bad_extension",
    "problem.empty_file",
    "problem.encoding",
    "problem.too_big",
    "problem.too_many_rows",
}


@pytest.mark.parametrize("case", [c for c in hostile.REFUSED if c.refused_with in READER_KEYS], ids=lambda c: c.name)
def test_a_hostile_catalogue_file_is_refused_with_a_clear_message_and_recorded(case, store, monkeypatch):
    for name, value in case.limits.items():
        monkeypatch.setattr(config, name, value)
    result = refuse(store, case.build(), case.file_name)
    assert case.refused_with in [p.key for p in result.problems], [p.message("en") for p in result.problems]
    for problem in result.problems:
        assert problem.message("id") != problem.message("en") and "Traceback" not in problem.message("en")
    assert nothing_stored(store)
    assert [(h["kind"], h["status"]) for h in history.history(store)] == [("catalogue", "refused")]


@pytest.mark.parametrize(
    ("limit", "value", "rows", "keys"),
    [
        ("PARSE_SECONDS", 0.05, 30_000, ("reliability.parse_timeout",)),
        # The child's budget comes on top of the address space it inherits (fork), which holds the parent's freed
        # heap: after the shared store's heavy tests in the same process even 600,000 rows fitted in that, so this
        # case runs on the embedded pass only (a forkserver child would make the budget exact: not done yet).
        pytest.param(
            "PARSE_MEMORY_BYTES",
            20 * 1024 * 1024,
            600_000,
            ("reliability.parse_memory", "reliability.parse_stopped"),
            marks=pytest.mark.file_only,
        ),
    ],
    ids=["time", "memory"],
)
@pytest.mark.slow
def test_a_catalogue_that_outlasts_the_sandbox_limits_is_refused(store, monkeypatch, limit, value, rows, keys):
    if not sandbox.enabled():
        pytest.skip("RANPE_SANDBOX=0")
    monkeypatch.setattr(sandbox, limit, value)
    result = refuse(store, hostile.many_rows_xlsx(rows, None), "besar.xlsx")
    [problem] = result.problems
    assert problem.key in keys
    assert "refused" in problem.message("en") and "ditolak" in problem.message("id")
    assert problem.message("id") != problem.message("en")
    assert nothing_stored(store)
    [row] = history.history(store)
    assert (row["kind"], row["file_name"], row["error_count"]) == ("catalogue", "besar.xlsx", 1)
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # the app itself is not limited


def test_a_catalogue_is_checked_the_same_in_the_sandbox_and_in_process(store, monkeypatch):
    add_second_period(store)
    given = catalogue.resolve_period(store, "RANPE-2020")
    good = catalogue_file([GOOD, ["1.1.2", "Pelatihan", "II", "Polri", "BNPT; Kemenag", "2022, 2023"]])
    themes = catalogue_file([["RANPE-2026", "T1.1", "Aksi", "Tema 9", "BNPT", None, None]], header=["Periode", *HEADER])
    files = [(good, given), (good, None), (catalogue_file([BAD_PILLAR]), given), (themes, None)]
    in_child = [catalogue.check_bytes(store, data, "m.xlsx", period) for data, period in files]
    monkeypatch.setenv("RANPE_SANDBOX", "0")
    assert in_child == [catalogue.check_bytes(store, data, "m.xlsx", period) for data, period in files]
    assert [(c.ok, c.period.code if c.period else None) for c in in_child] == [
        (True, "RANPE-2020"),
        (False, None),
        (False, "RANPE-2020"),
        (True, "RANPE-2026"),
    ]
    assert [a.pillar for a in in_child[3].actions] == [9]
    assert [(a.action_code, a.pillar, a.supporting) for a in in_child[0].actions] == [
        ("1.1.1", 1, ["KEMENAG"]),
        ("1.1.2", 2, ["BNPT", "KEMENAG"]),
    ]


@pytest.mark.parametrize(
    ("build", "limits", "key"),
    [
        (lambda: hostile.zip_bomb_xlsx(250), {}, "problem.zip_bomb"),
        (lambda: hostile.many_rows_xlsx(30_000, None), {"PARSE_SECONDS": 0.05}, "reliability.parse_timeout"),
    ],
    ids=["zip-bomb", "time"],
)
def test_a_hostile_crosswalk_file_is_refused_in_the_sandbox_too(store, monkeypatch, build, limits, key):
    if limits and not sandbox.enabled():
        pytest.skip("RANPE_SANDBOX=0")
    for name, value in limits.items():
        monkeypatch.setattr(sandbox, name, value)
    result = crosswalk.import_bytes(store, build(), "cw.xlsx", actor=ANALYST)
    assert result.status == "refused" and [p.key for p in result.problems] == [key]
    assert store.cursor().execute("select count(*) from crosswalk").fetchone()[0] == 0
    assert [(h["kind"], h["file_name"]) for h in history.history(store)] == [("crosswalk", "cw.xlsx")]


# -- the pages --------------------------------------------------------------------------------------------------


def test_upload_page_records_a_refused_catalogue_and_the_history_page_lists_it(tmp_path, monkeypatch):
    path = tmp_path / "ranpe.duckdb"
    monkeypatch.setenv("RANPE_DB", str(path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    with Store(path) as store:
        ingest_bytes(store, report(), "bnpt.csv", actor=ANALYST)
    at = no_exception(page("upload"))
    data = xlsx_bytes({"Matriks": [["Periode", *HEADER], ["RANPE-2020", *BAD_PILLAR]]})
    at.file_uploader(key="catalogue_file").set_value([("matriks.xlsx", data, XLSX)])
    at = no_exception(at.run())
    assert "Refused: 1 problems; nothing was stored" in texts(at)
    with Store(path) as store:
        assert history.history(store, agency=None)[0]["kind"] == "submission"  # checking records nothing
    at = no_exception(at.button(key="catalogue_record_refusal").click().run())
    assert "The catalogue's refusal is recorded in the upload history as #2, with its errors." in texts(at)
    assert not [b for b in at.button if b.key == "catalogue_record_refusal"]  # once per file
    at = no_exception(at.run())
    assert "as #2" in texts(at)
    with Store(path) as store:
        assert [(h["upload_id"], h["kind"]) for h in history.history(store)] == [(2, "catalogue"), (1, "submission")]
        assert catalogue.versions(store) == [] and len(list(store.uploads_dir.iterdir())) == 1  # the submission's

    at = no_exception(page("history"))
    uploads = table(at, "Status")
    assert list(uploads["Status"]) == ["refused · catalogue", "active"]
    assert list(uploads["File"]) == ["matriks.xlsx", "bnpt.csv"]
    assert list(uploads["Periods"]) == ["RANPE-2020", "2023 Q4"]
    # The refused catalogue is chosen first: its error report, no restore or versions.
    assert "Download the error report (.xlsx)" in [b.label for b in at.get("download_button")]
    assert not [b for b in at.button if b.key in ("ws_history_restore", "ws_history_undo")]


def test_the_history_page_lists_a_refused_crosswalk_with_its_error_report(tmp_path, monkeypatch):
    path = tmp_path / "ranpe.duckdb"
    monkeypatch.setenv("RANPE_DB", str(path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    with Store(path) as store:
        with_two_catalogues(store)
        ingest_bytes(store, report(), "bnpt.csv", actor=ANALYST)
        crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, BAD_RELATION]), "padanan.csv", actor=ANALYST)
    at = no_exception(page("history"))
    uploads = table(at, "Status")
    assert list(uploads["Status"]) == ["refused · crosswalk", "active"]
    assert list(uploads["File"]) == ["padanan.csv", "bnpt.csv"]
    assert list(uploads["Errors"]) == [1, 0]
    assert "Download the error report (.xlsx)" in [b.label for b in at.get("download_button")]
    assert not [b for b in at.button if b.key in ("ws_history_restore", "ws_history_undo")]
