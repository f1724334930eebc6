"""The data checks of DOMAIN.md on real uploads: each rule with a pair of uploads (.xlsx then .csv) that triggers
it and one that does not; the upload preview's warnings; filters, the threshold, the exports and the CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ranpe import config
from ranpe.access import audit
from ranpe.access.roles import Actor, Forbidden
from ranpe.checks import report, rules
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO, csv_bytes, xlsx_bytes

ADMIN = Actor("admin", "admin")
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
    "Keluaran",
]
# The earlier report is an .xlsx with a title row and a blank row above its header: its data start at Excel row 4.
TITLE_ROWS = [["LAPORAN RAN PE TW II 2023"], []]
EARLIER, LATER = "bnpt-tw2.xlsx", "bnpt-tw3.csv"


def row(quarter: int, code: str = "1.1.1", **values: object) -> list[object]:
    """One row of BNPT's report: committed, in progress, target 10, no realization yet, unless told otherwise."""
    cells = {
        "agency": "BNPT",
        "pillar": int(code.split(".", maxsplit=1)[0]),
        "province": "Jawa Barat",
        "committed": "Ya",
        "status": "Dalam proses",
        "target": 10,
        "realization": "",
        "output": "",
    } | values
    return [
        2023,
        quarter,
        cells["agency"],
        cells["pillar"],
        code,
        cells["province"],
        cells["committed"],
        cells["status"],
        cells["target"],
        cells["realization"],
        cells["output"],
    ]


def earlier_file(rows: list[list[object]]) -> bytes:
    return xlsx_bytes({"Laporan": [*TITLE_ROWS, HEADER, *rows]})


def later_file(rows: list[list[object]]) -> bytes:
    """A K/L's own CSV, separated by ';' as Indonesian Excel writes it."""
    return csv_bytes([HEADER, *rows], delimiter=";")


def placed(findings) -> list[tuple]:
    return [(f.rule, f.file, f.sheet, f.row) for f in findings]


# (case, earlier .xlsx rows (TW II), later .csv rows (TW III), findings expected once both are stored). A finding
# is (rule, file, sheet, Excel row or CSV line). Each rule has a case that triggers it and one that does not.
CASES = [
    (
        "not committed, yet completed",
        [row(2)],
        [row(3, committed="Tidak", status="Selesai")],
        [("not_committed_but_done", LATER, "CSV", 2)],
    ),
    (
        "not committed, yet a realization",
        [row(2)],
        [row(3, committed="Tidak", realization=3)],
        [("not_committed_but_done", LATER, "CSV", 2)],
    ),
    ("not committed and not started", [row(2)], [row(3, committed="Tidak", status="Belum dimulai", realization=0)], []),
    (
        "completed below target",
        [row(2)],
        [row(3, status="Selesai", realization=8)],
        [("completed_below_target", LATER, "CSV", 2)],
    ),
    ("completed at target", [row(2)], [row(3, status="Selesai", realization=10)], []),
    (
        "realization 2.5 times the target",
        [row(2)],
        [row(3, realization=25)],
        [("realization_above_target", LATER, "CSV", 2)],
    ),
    ("realization exactly twice the target", [row(2)], [row(3, realization=20)], []),
    (
        "realization lower than the quarter before",
        [row(2, realization=8)],
        [row(3, realization=5)],
        [("realization_decreased", LATER, "CSV", 2)],
    ),
    ("realization as high as the quarter before", [row(2, realization=8)], [row(3, realization=8)], []),
    (
        "action dropped from the next report",
        [row(2, "1.1.1"), row(2, "1.1.2")],
        [row(3, "1.1.1")],
        [("action_dropped", EARLIER, "Laporan", 5)],
    ),
    ("every action reported again", [row(2, "1.1.1"), row(2, "1.1.2")], [row(3, "1.1.1"), row(3, "1.1.2")], []),
    ("a pillar whose next report has not come", [row(2, "1.1.1"), row(2, "2.1.1")], [row(3, "1.1.1")], []),
    (
        "stated rate disagrees with its parts",
        [row(2)],
        [row(3, output="Terlaksana 12 dari 14 kegiatan (79%)")],
        [("rate_parts_disagree", LATER, "CSV", 2)],
    ),
    ("stated rate agrees with its parts", [row(2)], [row(3, output="Terlaksana 11 dari 14 kegiatan (79%)")], []),
]


@pytest.mark.parametrize(("case", "earlier", "later", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_on_a_pair_of_uploads(store, case, earlier, later, expected):
    first = ingest_bytes(store, earlier_file(earlier), EARLIER, actor=ANALYST)
    assert first.status == "stored" and first.warnings == []

    preview = ingest_bytes(store, later_file(later), LATER, actor=ANALYST, dry_run=True)
    assert preview.status == "checked"
    assert placed(preview.warnings) == expected
    assert all(w.severity == "warning" and w.message("id") and w.message("en") for w in preview.warnings)

    second = ingest_bytes(store, later_file(later), LATER, actor=ANALYST)
    assert second.status == "stored"
    assert placed(second.warnings) == expected

    run = rules.run_checks(store, 2023)
    assert placed(run.findings()) == expected
    expected_ids = {EARLIER: first.upload_id, LATER: second.upload_id}
    assert [f.upload_id for f in run.findings()] == [expected_ids[f.file] for f in run.findings()]
    # In the preview the file being checked has no upload id yet; a stored row keeps its own.
    assert [w.upload_id for w in preview.warnings] == [
        None if f.file == LATER else first.upload_id for f in preview.warnings
    ]


def test_messages_name_the_values_and_the_other_row_in_each_language(store):
    first = ingest_bytes(store, earlier_file([row(2, realization=1250.5, target=1000)]), EARLIER, actor=ANALYST)
    # Indonesian numbers in the K/L's CSV: "1.000,0" is one thousand.
    second = ingest_bytes(store, later_file([row(3, realization="1.000,0", target="1.000,0")]), LATER, actor=ANALYST)
    assert (first.status, second.status) == ("stored", "stored")

    [finding] = rules.run_checks(store, 2023).findings()

    assert finding.rule == "realization_decreased"
    assert finding.message("id") == (
        f"Realisasi 1.000 lebih rendah daripada 1.250,5 di TW II (unggahan #1: {EARLIER}, sheet Laporan, baris 4)"
    )
    assert finding.message("en") == (
        f"Realization 1,000 is lower than 1,250.5 in Q2 (upload #1: {EARLIER}, sheet Laporan, row 4)"
    )


def test_a_dropped_action_reported_in_several_rows_names_its_first(store):
    earlier = [row(2, "1.1.1"), row(2, "1.1.2", province="Jawa Timur"), row(2, "1.1.2", province="Jawa Barat")]
    ingest_bytes(store, earlier_file(earlier), EARLIER, actor=ANALYST)
    ingest_bytes(store, later_file([row(3, "1.1.1")]), LATER, actor=ANALYST)

    [finding] = rules.run_checks(store, 2023).findings()

    assert (finding.rule, finding.quarter, finding.sheet, finding.row, finding.province_code) == (
        "action_dropped",
        3,
        "Laporan",
        5,
        None,
    )
    assert finding.message("en") == (
        "Reported in Q2 in 2 rows (the one named: its first), yet missing from this quarter's report"
    )


def test_an_upload_lists_its_first_findings_and_counts_the_rest(store, monkeypatch):
    """As with errors, a file with very many findings lists the first ones and says how many more there are."""
    monkeypatch.setattr(config, "MAX_REPORTED_ERRORS", 3)
    rows = [row(3, f"1.1.{n}", realization=30) for n in range(1, 6)]

    result = ingest_bytes(store, earlier_file(rows), EARLIER, actor=ANALYST, dry_run=True)

    assert result.status == "checked"
    assert [(w.key, w.row) for w in result.warnings] == [
        ("check.rule.realization_above_target", 4),
        ("check.rule.realization_above_target", 5),
        ("check.rule.realization_above_target", 6),
        ("check.more_findings", None),
    ]
    assert result.warnings[-1].message("en").startswith("2 more data-check findings are not listed (5 in all)")


def test_preview_shows_only_what_the_upload_brings(store):
    """A finding in a stored quarter that the upload leaves alone is not the upload's; a corrected file that
    replaces the wrong slice shows none, and once stored the store has none either."""
    ingest_bytes(store, earlier_file([row(2, status="Selesai", realization=8)]), EARLIER, actor=ANALYST)
    wrong_q3 = later_file([row(3, status="Selesai", realization=8)])
    ingest_bytes(store, wrong_q3, LATER, actor=ANALYST)
    assert placed(rules.run_checks(store, 2023).findings()) == [
        ("completed_below_target", EARLIER, "Laporan", 4),
        ("completed_below_target", LATER, "CSV", 2),
    ]
    assert placed(rules.run_checks(store, 2023, quarter=3).findings()) == [("completed_below_target", LATER, "CSV", 2)]

    corrected = later_file([row(3, status="Selesai", realization=10)])
    preview = ingest_bytes(store, corrected, "bnpt-tw3-revisi.csv", actor=ANALYST, dry_run=True)
    assert preview.warnings == []
    ingest_bytes(store, corrected, "bnpt-tw3-revisi.csv", actor=ANALYST)
    assert placed(rules.run_checks(store, 2023).findings()) == [("completed_below_target", EARLIER, "Laporan", 4)]


def test_agency_filter_and_counts_per_rule_and_agency(store):
    rows = [
        row(3, "1.1.1", status="Selesai", realization=8),
        row(3, "1.1.2", realization=30),
        row(3, "1.1.1", agency="Kemenag", committed="Tidak", realization=2),
    ]
    ingest_bytes(store, earlier_file(rows), "pokja1.xlsx", actor=ANALYST)

    everyone = rules.run_checks(store, 2023)
    kemenag = rules.run_checks(store, 2023, agency="KEMENAG")

    assert [(f.agency_code, f.rule) for f in everyone.findings()] == [
        ("BNPT", "completed_below_target"),
        ("BNPT", "realization_above_target"),
        ("KEMENAG", "not_committed_but_done"),
    ]
    assert [(f.agency_code, f.rule) for f in kemenag.findings()] == [("KEMENAG", "not_committed_but_done")]
    assert (everyone.rows_checked, everyone.agencies_checked) == (3, ["BNPT", "KEMENAG"])
    counts = report.counts_frame(everyone, {"BNPT": "BNPT", "KEMENAG": "Kemenag"}, "en")
    assert list(counts["K/L code"]) == ["BNPT", "KEMENAG"]
    assert list(counts["Total"]) == [2, 1]
    assert list(counts["Completed below target"]) == [1, 0]
    assert list(counts["Not committed, yet done"]) == [0, 1]


def test_a_view_of_the_year_gives_what_a_run_for_that_view_gives(store):
    """The page computes a year once and shows each quarter and K/L as a view of it."""
    tw2 = [
        row(2, "1.1.1", realization=8),
        row(2, "1.1.2"),
        row(2, "1.1.3", agency="Kemenag", committed="Tidak", realization=1),
    ]
    ingest_bytes(store, earlier_file(tw2), EARLIER, actor=ANALYST)
    tw3 = [row(3, "1.1.1", realization=5), row(3, "1.1.3", agency="Kemenag", status="Selesai", realization=2)]
    ingest_bytes(store, later_file(tw3), LATER, actor=ANALYST)
    year = rules.run_checks(store, 2023)
    assert year.total == 4

    for quarter in (None, 1, 2, 3, 4):
        for agency in (None, "BNPT", "KEMENAG"):
            direct = rules.run_checks(store, 2023, quarter, agency)
            view = year.view(quarter, agency)
            assert view.findings() == direct.findings(), (quarter, agency)
            assert (view.rows_checked, view.agencies_checked) == (direct.rows_checked, direct.agencies_checked)
    with pytest.raises(ValueError):
        year.view(3).view(2)


def test_the_first_findings_are_the_first_of_all_in_order(store):
    """The page lists the first few of a long selection without ordering them all: the same first few."""
    rows = [row(3, f"1.{n % 4 + 1}.{n}", agency=("BNPT", "Kemenag")[n % 2], realization=30) for n in range(1, 41)]
    ingest_bytes(store, earlier_file(rows), EARLIER, actor=ANALYST)
    run = rules.run_checks(store, 2023)
    every = run.findings()
    assert len(every) == 40
    assert [(f.agency_code, f.action_code) for f in every] == sorted((f.agency_code, f.action_code) for f in every)
    for limit in (1, 7, 25):
        assert run.findings(limit=limit) == every[:limit]
    assert run.findings("KEMENAG", ["realization_above_target"], limit=3) == every[20:23]


def test_threshold_is_a_stored_setting_admins_change(store):
    ingest_bytes(store, earlier_file([row(3, realization=25)]), EARLIER, actor=ANALYST)
    assert rules.threshold(store) == rules.DEFAULT_THRESHOLD == 2.0
    assert [f.rule for f in rules.run_checks(store, 2023).findings()] == ["realization_above_target"]

    with pytest.raises(Forbidden):
        rules.set_threshold(store, 3, actor=ANALYST)
    for bad in (1, 0.5, 101):
        with pytest.raises(ValueError):
            rules.set_threshold(store, bad, actor=ADMIN)
    rules.set_threshold(store, 3, actor=ADMIN)

    assert rules.threshold(store) == 3.0
    assert rules.run_checks(store, 2023).total == 0
    assert audit.entries(store, ADMIN, action="setting")[0]["details"] == {"key": rules.THRESHOLD_KEY, "value": "3"}
    rules.set_threshold(store, 2.4, actor=ADMIN)
    [finding] = rules.run_checks(store, 2023).findings()
    assert finding.message("id") == "Realisasi 25 adalah 2,5× target 10 (ambang 2,4×)"


def test_catalogue_rules_are_skipped_and_say_why(store):
    ingest_bytes(store, earlier_file([row(3)]), EARLIER, actor=ANALYST)
    run = rules.run_checks(store, 2023)
    assert [rule.code for rule in run.skipped] == ["action_not_in_catalogue", "action_not_assigned"]
    assert report.skipped_rules(run, "en") == [
        {"rule": "action_not_in_catalogue", "reason": rules.t("check.skip.no_catalogue", "en")},
        {"rule": "action_not_assigned", "reason": rules.t("check.skip.no_catalogue", "en")},
    ]
    assert "catalogue" in report.skipped_rules(run, "en")[0]["reason"]


def test_rate_statement_variants(store):
    """Thousands separators and decimals as people write them; a digit or a sentence end between the parts and the
    percentage stops a match."""
    outputs = {
        "1.1.1": "Peserta 1.250 dari 2.000 orang (62,5%)",  # agrees
        "1.1.2": "1,250 of 2,000 participants (60%)",  # disagrees: 62.5%
        "1.1.3": "12 of 14 … 79%",  # the slip of seed 004
        "1.1.4": "12 dari 14 aksi pada 2023, capaian 79%",  # a year in between: not read as a statement
        "1.1.5": "Terlaksana 12 dari 14 kegiatan. Serapan anggaran 79%",  # another sentence's rate
    }
    ingest_bytes(
        store, earlier_file([row(3, code, output=text) for code, text in outputs.items()]), EARLIER, actor=ANALYST
    )
    findings = rules.run_checks(store, 2023).findings()
    assert [(f.rule, f.action_code) for f in findings] == [
        ("rate_parts_disagree", "1.1.2"),
        ("rate_parts_disagree", "1.1.3"),
    ]
    assert findings[1].message("en") == "Output: “12 of 14 … 79%” — 12 of 14 is 85.7%, not 79%"


def _xlsx_cells(data: bytes) -> dict[str, list[list[object]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [list(r) for r in sheet.iter_rows(values_only=True)] for sheet in workbook}


def test_exports_hold_the_rows_concerned(store):
    ingest_bytes(store, earlier_file([row(2, realization=8)]), EARLIER, actor=ANALYST)
    ingest_bytes(store, later_file([row(3, realization=5)]), LATER, actor=ANALYST)
    run = rules.run_checks(store, 2023)
    lookups = report.names(store, "id")

    sheets = _xlsx_cells(report.findings_xlsx(run, run.findings(), lookups, "id"))
    assert sheets["Temuan"][0] == report.finding_headers("id")
    assert sheets["Temuan"][1] == [
        "Realisasi turun dari triwulan sebelumnya",
        "BNPT",
        "1.1.1",
        f"Realisasi 5 lebih rendah daripada 8 di TW II (unggahan #1: {EARLIER}, sheet Laporan, baris 4)",
        2023,
        "TW III",
        "Jawa Barat",
        LATER,
        "CSV",
        2,
        2,
    ]
    skipped = [r for r in sheets["Aturan"][1:] if r[1] == "dilewati"]
    assert len(skipped) == 2

    text = report.findings_csv(run.findings(), report.names(store, "en"), "en").decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == report.finding_headers("en")
    assert lines[1][:3] == ["Realization lower than before", "BNPT", "1.1.1"]
    assert lines[1][3].startswith("Realization 5 is lower than 8 in Q2")
    assert lines[1][4:] == ["2023", "Q3", "West Java", LATER, "CSV", "2", "2"]


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ranpe", "check", "--db", str(db), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_cli_check_json_and_text(tmp_path):
    db = tmp_path / "ranpe.duckdb"
    with Store(db) as store:
        ingest_bytes(store, earlier_file([row(2, "1.1.1"), row(2, "1.1.2")]), EARLIER, actor=ANALYST)
        ingest_bytes(store, later_file([row(3, "1.1.1", status="Selesai", realization=8)]), LATER, actor=ANALYST)

    done = _cli(db, "--year", "2023", "--json")

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [{k: f[k] for k in ("rule", "upload_id", "sheet", "row")} for f in result["findings"]] == [
        {"rule": "completed_below_target", "upload_id": 2, "sheet": "CSV", "row": 2},
        {"rule": "action_dropped", "upload_id": 1, "sheet": "Laporan", "row": 5},
    ]
    assert set(result["findings"][0]) >= {
        "rule",
        "agency_code",
        "action_code",
        "year",
        "quarter",
        "province_code",
        "upload_id",
        "sheet",
        "row",
        "message",
    }
    assert result["findings"][0] | {"message": ""} == result["findings"][0] | {
        "agency_code": "BNPT",
        "action_code": "1.1.1",
        "year": 2023,
        "quarter": 3,
        "province_code": "32",
        "message": "",
    }
    assert result["findings"][1]["province_code"] is None
    assert [s["rule"] for s in result["skipped"]] == ["action_not_in_catalogue", "action_not_assigned"]

    only_q2 = json.loads(_cli(db, "--year", "2023", "--quarter", "2", "--json").stdout)
    assert only_q2["findings"] == []
    other_agency = json.loads(_cli(db, "--year", "2023", "--agency", "Kemenag", "--json").stdout)
    assert other_agency["findings"] == [] and other_agency["agency"] == "KEMENAG"

    text_id = _cli(db, "--year", "2023")
    text_en = _cli(db, "--year", "2023", "--lang", "en")
    assert text_id.returncode == text_en.returncode == 0
    assert text_id.stdout.splitlines()[0] == "Pemeriksaan data — 2023 · Semua triwulan · Semua K/L: 2 temuan"
    assert text_en.stdout.splitlines()[0] == "Data checks — 2023 · All quarters · All K/L: 2 findings"
    assert f"upload #1: {EARLIER}, sheet Laporan, row 5" in text_en.stdout
    assert "skipped: Action code not in the catalogue" in text_en.stdout


@pytest.mark.slow
def test_cli_ingest_prints_the_findings_an_upload_brings(tmp_path):
    (tmp_path / EARLIER).write_bytes(earlier_file([row(2, "1.1.1", realization=8), row(2, "1.1.2")]))
    (tmp_path / LATER).write_bytes(later_file([row(3, "1.1.1", realization=5)]))

    files = [str(tmp_path / EARLIER), str(tmp_path / LATER)]
    done = subprocess.run(
        [sys.executable, "-m", "ranpe", "ingest", "--db", str(tmp_path / "r.duckdb"), "--lang", "en", *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:] == [
        f"  ! CSV 2: Realization 5 is lower than 8 in Q2 (upload #1: {EARLIER}, sheet Laporan, row 4)",
        f"  ! {EARLIER}, Laporan 5: Reported in Q2, yet missing from this quarter's report",
    ]
