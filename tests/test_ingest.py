"""The submission contract end to end: every accepted variant is stored as meant, every refusal is told."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from ranpe.ingest.pipeline import ingest_bytes, restore_upload
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO, csv_bytes, xlsx_bytes

HEADER = [
    "Tahun",
    "Triwulan",
    "Kementerian/Lembaga",
    "Pilar",
    "Kode Aksi",
    "Aksi",
    "Provinsi",
    "Komitmen",
    "Status",
    "Target",
    "Realisasi",
    "Hambatan",
]
ROW = [
    2023,
    "TW III",
    "BNPT",
    1,
    "1.1.1",
    "Penguatan kesiapsiagaan",
    "Jawa Barat",
    "Ya",
    "Selesai",
    10,
    8,
    "Anggaran terbatas",
]
COLUMN = {name: index for index, name in enumerate(HEADER)}


def rows_with(column: str, value: object) -> list[list[object]]:
    """The header and one row, with one cell replaced."""
    row = list(ROW)
    row[COLUMN[column]] = value
    return [HEADER, row]


def stored_rows(store: Store) -> list[dict]:
    cur = store.cursor()
    result = cur.execute("select * exclude (extra), extra from current_rows order by source_sheet, source_row")
    names = [d[0] for d in result.description]
    return [dict(zip(names, r, strict=True)) for r in result.fetchall()]


def counts(store: Store) -> dict:
    return store.query_rows("store/counts")[0]


def ingest(store: Store, data: bytes, name: str = "laporan.xlsx", **given):
    return ingest_bytes(store, data, name, actor=ANALYST, **given)


# -- accepted variants ---------------------------------------------------------------------------------

VALUE_VARIANTS = [
    # (column, value in the file, field stored, value stored)
    ("Triwulan", 3, "quarter", 3),
    ("Triwulan", "3", "quarter", 3),
    ("Triwulan", "III", "quarter", 3),
    ("Triwulan", "TW III", "quarter", 3),
    ("Triwulan", "Triwulan III", "quarter", 3),
    ("Triwulan", "Q3", "quarter", 3),
    ("Triwulan", "TW 3", "quarter", 3),
    ("Triwulan", "tw iii", "quarter", 3),
    ("Tahun", "2023", "year", 2023),
    ("Tahun", 2023.0, "year", 2023),
    ("Tahun", date(2023, 7, 1), "year", 2023),
    ("Tahun", 44927, "year", 2023),  # an Excel date serial: 1 January 2023
    ("Kementerian/Lembaga", "bnpt", "agency_code", "BNPT"),
    ("Kementerian/Lembaga", "  Badan Nasional   Penanggulangan Terorisme ", "agency_code", "BNPT"),
    ("Kementerian/Lembaga", "BNPT RI", "agency_code", "BNPT"),
    ("Kementerian/Lembaga", "National Counter Terrorism Agency", "agency_code", "BNPT"),
    ("Kementerian/Lembaga", "Kementerian Hukum", "agency_code", "KEMENKUMHAM"),  # the 2024 name
    ("Kementerian/Lembaga", "Komdigi", "agency_code", "KOMINFO"),
    ("Pilar", "1", "pillar", 1),
    ("Pilar", "I", "pillar", 1),
    ("Pilar", "Pilar 2", "pillar", 2),
    ("Pilar", "III", "pillar", 3),
    ("Pilar", "Pencegahan", "pillar", 1),
    ("Pilar", "prevention", "pillar", 1),
    ("Provinsi", "jabar", "province_code", "32"),
    ("Provinsi", 72, "province_code", "72"),
    ("Provinsi", "52", "province_code", "52"),
    ("Provinsi", "NTB", "province_code", "52"),
    ("Provinsi", "Central Java", "province_code", "33"),
    ("Provinsi", "Sulteng", "province_code", "72"),
    ("Provinsi", "-", "province_code", None),
    ("Provinsi", "Nasional", "province_code", None),
    ("Provinsi", None, "province_code", None),
    ("Komitmen", "ya", "committed", True),
    ("Komitmen", "Y", "committed", True),
    ("Komitmen", "YES", "committed", True),
    ("Komitmen", 1, "committed", True),
    ("Komitmen", "✓", "committed", True),
    ("Komitmen", True, "committed", True),
    ("Komitmen", "Tidak", "committed", False),
    ("Komitmen", "t", "committed", False),
    ("Komitmen", "No", "committed", False),
    ("Komitmen", 0, "committed", False),
    ("Status", "Belum dimulai", "status", "not_started"),
    ("Status", "in progress", "status", "in_progress"),
    ("Status", "Tidak terlaksana", "status", "not_implemented"),
    ("Status", None, "status", None),
    ("Target", "1.234,5", "target", 1234.5),
    ("Target", "1,234.5", "target", 1234.5),
    ("Target", "85%", "target", 85.0),
    ("Target", 1234.5, "target", 1234.5),
    ("Target", "12,5", "target", 12.5),
    ("Target", "1.234.567", "target", 1234567.0),
    ("Kode Aksi", " 2.1.3 ", "action_code", "2.1.3"),
    ("Aksi", "  Dialog  kebangsaan ", "action", "Dialog  kebangsaan"),
]


@pytest.mark.parametrize(("column", "value", "field", "expected"), VALUE_VARIANTS)
def test_accepted_value_is_stored_normalised(store, column, value, field, expected):
    result = ingest(store, xlsx_bytes({"Data": rows_with(column, value)}))
    assert result.status == "stored", [p.message("en") for p in result.problems]
    assert stored_rows(store)[0][field] == expected


HEADER_VARIANTS = [
    ("Kementerian/Lembaga", "Kementerian / Lembaga"),
    ("Kementerian/Lembaga", "KEMENTERIAN/\nLEMBAGA"),
    ("Kementerian/Lembaga", "Kementerian/Lembaga (K/L)"),
    ("Kementerian/Lembaga", "K/L"),
    ("Kementerian/Lembaga", "Instansi"),
    ("Kementerian/Lembaga", "Ministry/Agency"),
    ("Komitmen", "Komitmen (Ya/Tidak)"),
    ("Komitmen", "Dikomitmenkan"),
    ("Komitmen", "Status Komitmen"),
    ("Komitmen", "Commitment"),
    ("Tahun", "Tahun*"),
    ("Tahun", "YEAR:"),
    ("Triwulan", "TW"),
    ("Triwulan", "Periode"),
    ("Triwulan", "Quarter"),
    ("Kode Aksi", "Kode"),
    ("Kode Aksi", "Action code"),
    ("Provinsi", "Lokasi"),
    ("Provinsi", "Wilayah"),
    ("Provinsi", "Region"),
    ("Realisasi", "Capaian"),
    ("Hambatan", "Kendala"),
    ("Aksi", "Rencana Aksi"),
    ("Status", "Status Pelaksanaan"),
]


@pytest.mark.parametrize(("standard", "variant"), HEADER_VARIANTS)
def test_header_variant_is_recognised(store, standard, variant):
    header = [variant if h == standard else h for h in HEADER]
    result = ingest(store, xlsx_bytes({"Data": [header, ROW]}))
    assert result.status == "stored", [p.message("en") for p in result.problems]
    row = stored_rows(store)[0]
    assert (row["agency_code"], row["committed"], row["year"], row["quarter"]) == ("BNPT", True, 2023, 3)


def test_messy_workbook_title_rows_no_column_blank_and_total_rows_instructions_hidden_sheet(store):
    data_sheet = [
        ["LAPORAN PELAKSANAAN RAN PE"],
        ["Kementerian Agama — Triwulan III 2023"],
        [],
        ["No", *HEADER, "Catatan internal"],
        [1, *ROW, "cek ulang"],
        [],
        [
            2,
            2023,
            "TW III",
            "Kemenag",
            2,
            "2.1.1",
            "Pelatihan",
            "NTB",
            "Tidak",
            "Dalam proses",
            "1.250",
            "2,5",
            None,
            None,
        ],
        [None, "Jumlah", None, None, None, None, None, None, None, None, None, None, None, None],
    ]
    sheets = {
        "Petunjuk": [["Isi lembar Data sesuai petunjuk"], ["Kolom wajib ditandai *"]],
        "Data": data_sheet,
        "Daftar": [["Tahun", "Triwulan", "Pilar", "Kode Aksi"], ["x", "y", "z", "w"]],
    }
    result = ingest(store, xlsx_bytes(sheets, hidden=("Daftar",)))
    assert result.status == "stored", [p.message("en") for p in result.problems]
    assert result.rows == 2
    statuses = {s.name: s.status for s in result.sheets}
    assert statuses == {"Petunjuk": "no_header", "Data": "read", "Daftar": "hidden"}
    rows = stored_rows(store)
    assert [r["source_row"] for r in rows] == [5, 7]
    # "2,5" shows the file's Indonesian number style, so "1.250" is one thousand two hundred and fifty.
    assert (rows[1]["target"], rows[1]["realization"]) == (1250.0, 2.5)
    assert rows[0]["extra"] == {"Catatan internal": "cek ulang"}


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("cp1252", ","), ("utf-8", "\t")],
)
def test_csv_encodings_and_separators(store, encoding, delimiter):
    row = list(ROW)
    row[COLUMN["Hambatan"]] = "Koordinasi lintas K/L – belum optimal; café"
    row[COLUMN["Target"]] = "1.234,5"
    result = ingest(store, csv_bytes([HEADER, row], delimiter, encoding), "laporan.csv")
    assert result.status == "stored", [p.message("en") for p in result.problems]
    stored = stored_rows(store)[0]
    assert stored["obstacles"] == "Koordinasi lintas K/L – belum optimal; café"
    assert stored["target"] == 1234.5


def test_csv_row_numbers_are_lines_where_records_start(store):
    text = (
        "Tahun,Triwulan,K/L,Pilar,Kode Aksi,Komitmen,Hambatan\n"
        '2023,3,BNPT,1,1.1.1,Ya,"baris\nkedua"\n'
        "2023,3,BNPT,1,1.1.2,Mungkin,\n"
    )
    result = ingest(store, text.encode(), "l.csv")
    assert result.status == "refused"
    problem = result.problems[0]
    assert (problem.row, problem.column, problem.value) == (4, "Komitmen", "Mungkin")


def test_values_given_at_upload_fill_missing_columns(store):
    header = [h for h in HEADER if h not in ("Tahun", "Triwulan", "Kementerian/Lembaga")]
    row = [v for h, v in zip(HEADER, ROW, strict=True) if h in header]
    result = ingest(store, xlsx_bytes({"Data": [header, row]}), year="2024", quarter="TW II", agency="Kemenag")
    assert result.status == "stored", [p.message("en") for p in result.problems]
    stored = stored_rows(store)[0]
    assert (stored["year"], stored["quarter"], stored["agency_code"]) == (2024, 2, "KEMENAG")


def test_identical_duplicates_warn_and_count_once(store):
    result = ingest(store, xlsx_bytes({"Data": [HEADER, ROW, ROW]}))
    assert result.status == "stored"
    assert result.rows == 1
    duplicates = [w for w in result.warnings if w.key == "warning.duplicate_identical"]
    assert len(duplicates) == 1 and duplicates[0].row == 3
    # The row itself (Selesai, realization 8 of target 10) is also a data check's finding, named once.
    assert [(w.key, w.row) for w in result.warnings if w not in duplicates] == [
        ("check.rule.completed_below_target", 2)
    ]


# -- refusals ------------------------------------------------------------------------------------------

REFUSED_VALUES = [
    ("Triwulan", "TW V", "Triwulan"),
    ("Triwulan", 5, "Triwulan"),
    ("Tahun", 2019, "Tahun"),
    ("Tahun", "dua ribu", "Tahun"),
    ("Tahun", 40000, "Tahun"),  # a date serial from 2009: out of range
    ("Kementerian/Lembaga", "Kementerian Fiktif", "Kementerian/Lembaga"),
    ("Pilar", 4, "Pilar"),
    ("Pilar", "Pilar IV", "Pilar"),
    ("Provinsi", "Atlantis", "Provinsi"),
    ("Komitmen", "mungkin", "Komitmen"),
    ("Komitmen", None, "Komitmen"),
    ("Kode Aksi", None, "Kode Aksi"),
    ("Status", "hampir", "Status"),
    ("Target", "-5", "Target"),
    ("Target", "sepuluh", "Target"),
    ("Target", "1.234", "Target"),  # ambiguous: no other cell shows the file's style
    ("Realisasi", True, "Realisasi"),
]


@pytest.mark.parametrize(("column", "value", "named"), REFUSED_VALUES)
def test_refused_value_names_sheet_row_column_value(store, column, value, named):
    before = counts(store)
    result = ingest(store, xlsx_bytes({"Data": [["Laporan"], HEADER, rows_with(column, value)[1]]}))
    assert result.status == "refused"
    problem = result.problems[0]
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("laporan.xlsx", "Data", 3, named)
    assert problem.message("id") and problem.message("en") and problem.message("id") != problem.message("en")
    after = counts(store)
    assert after["rows_stored"] == before["rows_stored"] == 0
    assert after["refused"] == before["refused"] + 1


def test_every_problem_is_reported_at_once(store):
    bad = [list(ROW) for _ in range(3)]
    bad[0][COLUMN["Pilar"]] = 9
    bad[1][COLUMN["Komitmen"]] = "?"
    bad[2][COLUMN["Triwulan"]] = "TW 7"
    bad[2][COLUMN["Provinsi"]] = "Mars"
    for index, row in enumerate(bad):
        row[COLUMN["Kode Aksi"]] = f"1.1.{index}"
    result = ingest(store, xlsx_bytes({"Data": [HEADER, *bad]}))
    assert result.status == "refused"
    assert [(p.row, p.column, p.value) for p in result.problems] == [
        (2, "Pilar", "9"),
        (3, "Komitmen", "?"),
        (4, "Triwulan", "TW 7"),
        (4, "Provinsi", "Mars"),
    ]


def test_messages_follow_the_language(store):
    result = ingest(store, xlsx_bytes({"Data": rows_with("Komitmen", "mungkin")}))
    assert "Ya/Tidak" in result.problems[0].message("id")
    assert result.problems[0].message("id").startswith("Nilai tidak sah")
    assert result.problems[0].message("en").startswith("Invalid value")


def test_conflicting_duplicate_keys_name_both_rows(store):
    other = list(ROW)
    other[COLUMN["Komitmen"]] = "Tidak"
    result = ingest(store, xlsx_bytes({"Data": [HEADER, ROW, other]}))
    assert result.status == "refused"
    assert sorted((p.row, p.params["other_row"]) for p in result.problems) == [(2, 3), (3, 2)]


@pytest.mark.parametrize(
    ("header_drop", "key"),
    [
        ("Kode Aksi", "problem.missing_required_column"),
        ("Kementerian/Lembaga", "problem.missing_column"),
        ("Komitmen", "problem.missing_required_column"),
    ],
)
def test_missing_column(store, header_drop, key):
    header = [h for h in HEADER if h != header_drop]
    row = [v for h, v in zip(HEADER, ROW, strict=True) if h != header_drop]
    result = ingest(store, xlsx_bytes({"Data": [header, row]}))
    assert result.status == "refused"
    assert result.problems[0].key == key


def test_value_contradicting_the_one_given_is_an_error(store):
    result = ingest(store, xlsx_bytes({"Data": [HEADER, ROW]}), year=2024)
    assert result.status == "refused"
    assert (result.problems[0].column, result.problems[0].value) == ("Tahun", "2023")
    assert "2024" in result.problems[0].message("en")


def test_formula_without_stored_value_is_an_error(store):
    row = list(ROW)
    row[COLUMN["Target"]] = "=B2*2"  # openpyxl writes the formula and no cached value
    result = ingest(store, xlsx_bytes({"Data": [HEADER, row]}))
    assert result.status == "refused"
    assert (result.problems[0].row, result.problems[0].column, result.problems[0].key) == (
        2,
        "Target",
        "problem.formula_no_value",
    )


FILE_REFUSALS = [
    ("no header", xlsx_bytes({"Data": [["Laporan"], ["tanpa tabel"]]}), "x.xlsx", "problem.no_header"),
    ("header, no rows", xlsx_bytes({"Data": [HEADER]}), "x.xlsx", "problem.no_rows"),
    (
        "only hidden data",
        xlsx_bytes({"A": [["catatan"]], "B": [HEADER, ROW]}, hidden=("B",)),
        "x.xlsx",
        "problem.no_header",
    ),
    ("macro name", xlsx_bytes({"Data": [HEADER, ROW]}), "x.xlsm", "problem.macro"),
    ("xls bytes named xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "x.xlsx", "problem.not_xlsx"),
    ("csv named xlsx", csv_bytes([HEADER, ROW]), "x.xlsx", "problem.not_xlsx"),
    ("xlsx named csv", xlsx_bytes({"Data": [HEADER, ROW]}), "x.csv", "problem.not_csv"),
    ("pdf named csv", b"%PDF-1.7\n" + bytes(range(256)) * 4, "x.csv", "problem.not_csv"),
    ("other extension", csv_bytes([HEADER, ROW]), "x.txt", "problem.bad_extension"),
    ("empty", b"", "x.csv", "problem.empty_file"),
    ("zip that is no workbook", b"PK\x03\x04" + b"\x00" * 100, "x.xlsx", "problem.not_xlsx"),
]


@pytest.mark.parametrize(("case", "data", "name", "key"), FILE_REFUSALS, ids=[c[0] for c in FILE_REFUSALS])
def test_file_refused_whole(store, case, data, name, key):
    result = ingest(store, data, name)
    assert result.status == "refused", case
    assert result.problems[0].key == key
    assert result.problems[0].message("en") != result.problems[0].message("id")
    assert counts(store)["rows_stored"] == 0
    assert not store.uploads_dir.exists() or not any(store.uploads_dir.iterdir())


def test_refused_upload_is_recorded_with_its_errors(store):
    result = ingest(store, xlsx_bytes({"Data": rows_with("Pilar", 7)}))
    history = store.query_rows("workspace/upload_history", agency=None, year=None)
    assert [(h["upload_id"], h["status"], h["error_count"]) for h in history] == [(result.upload_id, "refused", 1)]


# -- versions ------------------------------------------------------------------------------------------


def agency_file(agency: str, committed: str, pillars=(1, 2), quarter: object = "TW III") -> bytes:
    rows = [HEADER]
    for pillar in pillars:
        for number in (1, 2):
            row = list(ROW)
            row[COLUMN["Triwulan"]] = quarter
            row[COLUMN["Kementerian/Lembaga"]] = agency
            row[COLUMN["Pilar"]] = pillar
            row[COLUMN["Kode Aksi"]] = f"{pillar}.1.{number}"
            row[COLUMN["Komitmen"]] = committed
            rows.append(row)
    return xlsx_bytes({"Data": rows})


def active(store: Store) -> list[tuple]:
    cur = store.cursor()
    return cur.execute(
        "select agency_code, pillar, upload_id, count(*), bool_and(committed) from current_rows group by all "
        "order by all"
    ).fetchall()


def test_resubmission_replaces_per_agency_year_quarter_pillar_and_restore_brings_it_back(store):
    first = ingest(store, agency_file("BNPT", "Tidak"), "bnpt.xlsx")
    other = ingest(store, agency_file("Kemenag", "Tidak"), "kemenag.xlsx")
    pokja = ingest(store, agency_file("BNPT", "Ya", pillars=(1,)), "pokja1.xlsx")
    assert pokja.status == "stored"
    assert [(r["agency_code"], r["pillar"], r["previous_upload_id"]) for r in pokja.replaced] == [
        ("BNPT", 1, first.upload_id)
    ]
    assert active(store) == [
        ("BNPT", 1, pokja.upload_id, 2, True),
        ("BNPT", 2, first.upload_id, 2, False),
        ("KEMENAG", 1, other.upload_id, 2, False),
        ("KEMENAG", 2, other.upload_id, 2, False),
    ]
    restore_upload(store, first.upload_id, actor=ANALYST)
    assert active(store)[0] == ("BNPT", 1, first.upload_id, 2, False)
    statuses = {
        h["upload_id"]: h["status"] for h in store.query_rows("workspace/upload_history", agency=None, year=None)
    }
    assert statuses == {first.upload_id: "active", other.upload_id: "active", pokja.upload_id: "replaced"}
    assert counts(store)["rows_stored"] == 10  # every version kept


def test_same_file_twice_changes_nothing_and_says_when(store):
    data = agency_file("BNPT", "Ya")
    first = ingest(store, data, "a.xlsx")
    version = store.data_version()
    again = ingest(store, data, "a (1).xlsx")
    assert again.status == "unchanged"
    assert again.upload_id == first.upload_id
    assert again.first_imported_at is not None
    assert "Unchanged" in again.message("en")
    assert store.data_version() == version
    different_given = ingest(store, agency_file("BNPT", "Ya"), "a.xlsx", quarter=3)
    assert different_given.status == "stored"


@pytest.mark.file_only  # the shared store keeps originals in a table (tests/test_lake.py)
def test_archive_uses_a_generated_name_inside_uploads(store):
    result = ingest(store, agency_file("BNPT", "Ya"), "../../etc/passwd.xlsx")
    assert result.status == "stored"
    upload = store.query_rows("ingest/upload_by_id", upload_id=result.upload_id)[0]
    archived = store.uploads_dir / upload["archive_path"]
    assert archived.parent == store.uploads_dir and archived.is_file()
    assert "passwd" not in upload["archive_path"]
    assert upload["file_name"] == "passwd.xlsx"


def test_an_older_store_is_upgraded_on_open(tmp_path, monkeypatch):
    from ranpe.store import sql

    path = tmp_path / "old.duckdb"
    every = sql.migrations()
    monkeypatch.setattr(sql, "migrations", lambda: every[:1])
    Store(path).close()
    monkeypatch.setattr(sql, "migrations", lambda: every)
    reopened = Store(path)
    assert reopened.schema_version() == every[-1][0]
    reopened.close()


# -- command line --------------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ranpe", *args], capture_output=True, text=True, cwd=REPO, timeout=120)


@pytest.mark.slow
def test_cli_ingest_json_and_exit_codes(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    good = tmp_path / "good.xlsx"
    good.write_bytes(agency_file("BNPT", "Ya"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(rows_with("Pilar", "Pilar 9")))

    stored = run_cli("ingest", str(good), "--db", db, "--json")
    assert stored.returncode == 0, stored.stderr
    report = json.loads(stored.stdout)["files"][0]
    assert (report["status"], report["rows"]) == ("stored", 4)

    again = run_cli("ingest", str(good), str(bad), "--db", db, "--json", "--lang", "en")
    assert again.returncode == 1
    files = json.loads(again.stdout)["files"]
    assert [f["status"] for f in files] == ["unchanged", "refused"]
    assert files[1]["errors"] == [
        {"sheet": "CSV", "row": 2, "column": "Pilar", "value": "Pilar 9", "message": files[1]["errors"][0]["message"]}
    ]
    assert "pillar" in files[1]["errors"][0]["message"]

    usage = run_cli("ingest", str(good), "--db", db, "--quarter", "TW 9")
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr

    summary = run_cli("summary", "--year", "2023", "--db", db, "--json")
    figures = json.loads(summary.stdout)
    assert (figures["actions_planned"], figures["actions_committed"], figures["agencies_involved"]) == (4, 4, 1)
    assert figures["by_province"] == [{"province_code": "32", "planned": 4, "committed": 4, "rate": 1.0}]

    history = run_cli("history", "--db", db, "--json")
    assert [h["status"] for h in json.loads(history.stdout)] == ["refused", "active"]


@pytest.mark.slow
def test_cli_summary_filters_and_national(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    rows = [HEADER, ROW, rows_with("Provinsi", "Nasional")[1], rows_with("Provinsi", "NTB")[1]]
    rows[2][COLUMN["Kode Aksi"]] = "1.1.2"
    rows[2][COLUMN["Komitmen"]] = "Tidak"
    rows[3][COLUMN["Kode Aksi"]] = "1.1.3"
    path = tmp_path / "f.xlsx"
    path.write_bytes(xlsx_bytes({"Data": rows}))
    assert run_cli("ingest", str(path), "--db", db).returncode == 0
    national = json.loads(run_cli("summary", "--year", "2023", "--province", "nasional", "--db", db, "--json").stdout)
    assert (national["actions_planned"], national["actions_committed"]) == (1, 0)
    assert national["by_province"] == [{"province_code": None, "planned": 1, "committed": 0, "rate": 0.0}]
    ntb = json.loads(
        run_cli("summary", "--year", "2023", "--province", "52", "--quarter", "3", "--db", db, "--json").stdout
    )
    assert (ntb["actions_planned"], ntb["quarter"]) == (1, 3)
    text = run_cli("summary", "--year", "2023", "--db", db, "--lang", "id").stdout
    assert "66,7%" in text
    assert "66.7%" in run_cli("summary", "--year", "2023", "--db", db, "--lang", "en").stdout


def test_measures_use_each_agency_pillars_latest_quarter(store):
    q2 = agency_file("BNPT", "Tidak", pillars=(1, 2), quarter="TW II")
    assert ingest(store, q2, "q2.xlsx").status == "stored"
    # The quarter-3 file reports pillar 1 only, committed; pillar 2's latest stays quarter 2.
    header = [h for h in HEADER if h != "Triwulan"]
    rows = [header]
    for number in (1, 2):
        row = [v for h, v in zip(HEADER, ROW, strict=True) if h != "Triwulan"]
        row[header.index("Kode Aksi")] = f"1.1.{number}"
        rows.append(row)
    assert ingest(store, xlsx_bytes({"Data": rows}), "q3.xlsx", quarter=3).status == "stored"
    from ranpe.measures.filters import Filters
    from ranpe.measures.summary import summary

    year = summary(store, Filters(2023))
    assert [(p["pillar"], p["planned"], p["committed"]) for p in year["by_pillar"]] == [(1, 2, 2), (2, 2, 0)]
    q2_only = summary(store, Filters(2023, quarter=2))
    assert q2_only["actions_committed"] == 0 and q2_only["actions_planned"] == 4
    assert summary(store, Filters(2023, pillar=2))["actions_planned"] == 2
    assert summary(store, Filters(2022))["commitment_rate"] is None


# -- near misses and ambiguous numbers: what the message offers instead ----------------------------------

NEAR_MISSES = [
    # (column, value in the file, the suggestion in Indonesian, in English)
    ("Provinsi", "Jawa Barta", 'Mungkin maksudnya "Jawa Barat"?', 'Did you mean "Jawa Barat" (West Java)?'),
    ("Provinsi", "Sulawesi Tngah", 'Mungkin maksudnya "Sulawesi Tengah"?', 'Did you mean "Sulawesi Tengah" (Central'),
    (
        "Kementerian/Lembaga",
        "Kementrian Agama RI",
        'Mungkin maksudnya "Kementerian Agama" (Kemenag)?',
        'Did you mean "Kementerian Agama" (Kemenag)?',
    ),
    ("Kementerian/Lembaga", "Kemenag RII", 'Mungkin maksudnya "Kemenag RI" (Kemenag)?', '"Kemenag RI" (Kemenag)?'),
    # As close to Kemenag as to Kemendagri: both are offered, not a guess.
    (
        "Kementerian/Lembaga",
        "Kemenagri",
        'Mungkin maksudnya "Kemenag RI" (Kemenag) atau "Kemendagri"?',
        'Did you mean "Kemenag RI" (Kemenag) or "Kemendagri"?',
    ),
    ("Pilar", "Pencegahn", 'Mungkin maksudnya "Pencegahan" (Pilar 1)?', 'Did you mean "Pencegahan" (Pillar 1)?'),
]


@pytest.mark.parametrize(("column", "value", "in_id", "in_en"), NEAR_MISSES)
def test_near_miss_is_refused_with_a_suggestion_in_both_languages(store, column, value, in_id, in_en):
    result = ingest(store, xlsx_bytes({"Data": rows_with(column, value)}))
    assert result.status == "refused"
    [problem] = result.problems
    assert (problem.column, problem.value) == (column, value)
    assert problem.message("id").startswith("Nilai tidak sah") and in_id in problem.message("id")
    assert problem.message("en").startswith("Invalid value") and in_en in problem.message("en")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("Kementerian/Lembaga", "Kementerian Entah"),
        ("Kementerian/Lembaga", "Badan Baru"),
        ("Provinsi", "Atlantis"),
        ("Pilar", "Pilar 4"),
        ("Pilar", 4),
    ],
)
def test_unknown_value_far_from_every_name_gets_no_suggestion(store, column, value):
    result = ingest(store, xlsx_bytes({"Data": rows_with(column, value)}))
    [problem] = result.problems
    assert "Mungkin maksudnya" not in problem.message("id")
    assert "Did you mean" not in problem.message("en")


@pytest.mark.slow
def test_suggestion_is_in_the_cli_json_problem_text(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(rows_with("Provinsi", "Jawa Barta")))
    for lang, expected in (("en", 'Did you mean "Jawa Barat" (West Java)?'), ("id", 'Mungkin maksudnya "Jawa Barat"?')):
        answer = run_cli("ingest", str(bad), "--db", str(tmp_path / "cli.duckdb"), "--json", "--lang", lang)
        assert answer.returncode == 1
        [error] = json.loads(answer.stdout)["files"][0]["errors"]
        assert (error["column"], error["value"]) == ("Provinsi", "Jawa Barta")
        assert expected in error["message"]


@pytest.mark.parametrize(
    ("value", "in_id", "in_en"),
    [
        (
            "1.234",
            "bisa berarti 1.234 (ribuan) atau 1,234 (desimal)",
            "may mean 1,234 (thousands) or 1.234 (a decimal)",
        ),
        (
            "1,234",
            "bisa berarti 1.234 (ribuan) atau 1,234 (desimal)",
            "may mean 1,234 (thousands) or 1.234 (a decimal)",
        ),
    ],
)
def test_ambiguous_number_message_names_both_readings_and_spellings_that_cannot_be_misread(store, value, in_id, in_en):
    result = ingest(store, xlsx_bytes({"Data": rows_with("Target", value)}))
    [problem] = result.problems
    assert in_id in problem.message("id")
    assert "tulis 1234 untuk 1.234 atau 1,2340 untuk 1,234" in problem.message("id")
    assert in_en in problem.message("en")
    assert "write 1234 for 1,234 or 1.2340 for 1.234" in problem.message("en")


@pytest.mark.parametrize(("spelling", "stored"), [("1234", 1234.0), ("1,2340", 1.234), ("1.2340", 1.234)])
def test_the_spellings_the_ambiguity_message_offers_are_read_as_meant(store, spelling, stored):
    result = ingest(store, xlsx_bytes({"Data": rows_with("Target", spelling)}))
    assert result.status == "stored", result.as_dict("en")
    assert stored_rows(store)[0]["target"] == pytest.approx(stored)


def test_ambiguous_number_in_a_file_of_both_styles_names_both_readings(store):
    rows = [HEADER, *(rows_with("Target", value)[1] for value in ("1.234,5", "1,234.5", "2.500"))]
    for index, row in enumerate(rows[1:]):
        row[COLUMN["Kode Aksi"]] = f"1.1.{index}"
    result = ingest(store, xlsx_bytes({"Data": rows}))
    [problem] = [p for p in result.problems if p.value == "2.500"]
    assert "bisa berarti 2.500 (ribuan) atau 2,500 (desimal)" in problem.message("id")
    assert "may mean 2,500 (thousands) or 2.500 (a decimal)" in problem.message("en")
    assert "mixes Indonesian (1.234,5) and English (1,234.5) styles" in problem.message("en")
