"""The action catalogue and the crosswalk: their contracts (every accepted variant, every refusal), versions and
restore, the CLI, the data checks and the measures that need a catalogue, on small hand-made catalogues."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from ranpe.access.roles import SYSTEM
from ranpe.checks.rules import run_checks
from ranpe.cli import main
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures.filters import Filters
from ranpe.measures.summary import lead_and_supporting, summary, unreported_actions
from ranpe.plan import catalogue, crosswalk, periods
from ranpe.plan.template import write_catalogue_template
from ranpe.store.connection import Store
from tests.conftest import ANALYST, csv_bytes, xlsx_bytes

HEADER = ["Kode Aksi", "Aksi", "Pilar", "Penanggung Jawab", "Instansi Terkait", "Tahun Pelaksanaan"]


def catalogue_file(rows: list[list[object]], header: list[str] = HEADER, **sheets: list[list[object]]) -> bytes:
    return xlsx_bytes({"Matriks": [header, *rows], **sheets})


def add_second_period(store: Store) -> None:
    """An illustrative RANPE-2026 (2026–2029) with nine themes, as an admin adds it (periods.save_period, once the
    periods work provides it; before that, written straight into the tables)."""
    themes = [
        {"number": str(n), "name": f"Tema nomor {n}", "name_en": f"Theme number {n}", "aliases": f"T{n}"}
        for n in range(1, 10)
    ]
    save = getattr(periods, "save_period", None)
    if save is not None:
        save(
            store,
            code="RANPE-2026",
            name="RAN PE 2026–2029",
            name_en="RAN PE 2026–2029",
            legal_basis="",
            years="2026-2029",
            group_word="Tema",
            group_word_en="Theme",
            groups_in=themes,
            actor=SYSTEM,
            illustrative=True,
        )
        return
    with store.transaction() as cur:
        cur.execute(
            "insert into periods values ('RANPE-2026', 'RAN PE 2026–2029', 'RAN PE 2026–2029', '', 2026, 2029, "
            "'Tema', 'Theme', true)"
        )
        for theme in themes:
            cur.execute(
                "insert into period_groups values ('RANPE-2026', ?, ?, ?, '', ?)",
                [int(theme["number"]), theme["name"], theme["name_en"], theme["aliases"]],
            )


def imported(store: Store, data: bytes, name: str = "matriks.xlsx", **options) -> catalogue.CatalogueResult:
    options.setdefault("period", "RANPE-2020")
    return catalogue.import_bytes(store, data, name, actor=ANALYST, **options)


# -- the contract: accepted variants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("Pilar", 2, ("pillar", 2)),
        ("Pilar", "II", ("pillar", 2)),
        ("Pilar", "Pilar 2", ("pillar", 2)),
        ("Pilar", "pillar 2", ("pillar", 2)),
        ("Pilar", "Kemitraan dan Kerja Sama Internasional", ("pillar", 3)),
        ("Penanggung Jawab", "BNPT", ("lead_agency", "BNPT")),
        ("Penanggung Jawab", "  kemenko   polhukam ", ("lead_agency", "KEMENKOPOLHUKAM")),
        ("Penanggung Jawab", "Badan Nasional Penanggulangan Terorisme", ("lead_agency", "BNPT")),
        ("Instansi Terkait", "Kemenag; Kemendagri", ("supporting_agencies", "KEMENAG; KEMENDAGRI")),
        ("Instansi Terkait", "Kemenag, Kemendagri", ("supporting_agencies", "KEMENAG; KEMENDAGRI")),
        ("Instansi Terkait", "Kemenag\nKemendagri", ("supporting_agencies", "KEMENAG; KEMENDAGRI")),
        # A full name with commas inside it, then another K/L after a comma; the lead itself is left out.
        (
            "Instansi Terkait",
            "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan, Kemenag, BNPT",
            ("supporting_agencies", "KEMENAG; KEMENKOPOLHUKAM"),
        ),
        ("Instansi Terkait", None, ("supporting_agencies", "")),
        ("Tahun Pelaksanaan", "2021–2024", ("years", "2021, 2022, 2023, 2024")),
        ("Tahun Pelaksanaan", "2021-2023", ("years", "2021, 2022, 2023")),
        ("Tahun Pelaksanaan", "2022, 2023", ("years", "2022, 2023")),
        ("Tahun Pelaksanaan", "2022;2024", ("years", "2022, 2024")),
        ("Tahun Pelaksanaan", 2023, ("years", "2023")),
        ("Tahun Pelaksanaan", "2023", ("years", "2023")),
        ("Tahun Pelaksanaan", None, ("years", "2020, 2021, 2022, 2023, 2024")),
    ],
)
def test_accepted_value_is_stored_normalised(store, column, value, expected):
    row = {"Kode Aksi": "1.1.1", "Aksi": "Sosialisasi", "Pilar": 1, "Penanggung Jawab": "BNPT"}
    row[column] = value
    result = imported(store, catalogue_file([[row.get(h) for h in HEADER]]))
    assert result.status == "stored", [p.message("en") for p in result.problems]
    (stored,) = catalogue.actions(store, "RANPE-2020")
    assert stored[expected[0]] == expected[1]


ENGLISH = ["Period", "Action code", "Action", "Theme", "Focus area", "Lead", "Supporting agencies", "Indicator"]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (HEADER, ["1.1.1", "Aksi", 1, "BNPT", None, None]),
        (
            ["Periode", "Kode", "Rencana Aksi", "Tema", "Strategi", "Koordinator", "K/L Terkait", "Indikator"],
            ["RANPE-2020", "1.1.1", "Aksi", 1, "Fokus", "BNPT", "Kemenag", "Indikator"],
        ),
        (ENGLISH, ["RAN PE 2020–2024", "1.1.1", "Action", 1, "Focus", "BNPT", "Kemenag", "Indicator"]),
        (
            ["KODE AKSI*", "Nama Aksi (wajib)", "Pilar:", "Instansi Penanggung\nJawab", "Pendukung", "Satuan"],
            ["1.1.1", "Aksi", "I", "BNPT", "Kemenag", "Dokumen"],
        ),
    ],
    ids=["indonesian", "other-indonesian", "english", "hints-and-case"],
)
def test_header_variants_are_recognised(store, header, row):
    period = None if header[0] in ("Periode", "Period") else "RANPE-2020"
    result = imported(store, catalogue_file([row], header=header), period=period)
    assert result.status == "stored", [p.message("en") for p in result.problems]
    assert [a["action_code"] for a in catalogue.actions(store, "RANPE-2020")] == ["1.1.1"]


def test_messy_workbook_title_rows_numbers_total_row_hidden_sheet_and_year_targets(store):
    data = xlsx_bytes(
        {
            "Petunjuk": [["Isi satu baris per aksi"]],
            "Matriks": [
                ["MATRIKS RENCANA AKSI RAN PE 2020–2024"],
                [],
                ["No", *HEADER, "Target", "Target 2023", "Target Tahun 2024"],
                [1, "1.1.1", "Aksi satu", 1, "BNPT", "Kemenag", "2023–2024", "1.234,5", "10", 12],
                [2, "1.1.2", "Aksi dua", 2, "Polri", None, None, None, None, None],
                [],
                ["Jumlah", None, None, None, None, None, None, None, None, None],
            ],
            "Daftar": [["Kode Aksi", "Aksi", "Pilar"], ["x", "y", 9]],
        },
        hidden=("Daftar",),
    )
    result = imported(store, data)
    assert result.status == "stored", [p.message("en") for p in result.problems]
    first, second = catalogue.actions(store, "RANPE-2020")
    assert (first["action_code"], first["target"], first["years"]) == ("1.1.1", 1234.5, "2023, 2024")
    assert second["lead_agency"] == "POLRI"
    years = store.cursor().execute("select year, target from catalogue_years order by action_code, year").fetchall()
    assert years[:2] == [(2023, 10.0), (2024, 12.0)]


@pytest.mark.parametrize(("delimiter", "encoding"), [(",", "utf-8"), (";", "utf-8-sig"), (";", "cp1252")])
def test_csv_catalogue(store, delimiter, encoding):
    rows = [HEADER, ["1.1.1", "Pelatihan aparat", "1", "BNPT", "Kemenag", "2021-2024"]]
    result = imported(store, csv_bytes(rows, delimiter, encoding), "matriks.csv")
    assert result.status == "stored", [p.message("en") for p in result.problems]


def test_period_from_the_file_column_or_given_at_import(store):
    add_second_period(store)
    header = ["Periode", "Kode Aksi", "Aksi", "Tema", "Penanggung Jawab"]
    data = catalogue_file(
        [["RANPE-2026", "T1.1", "Aksi baru", "Tema 9", "BNPT"], [None, "T1.2", "x", "T2", "Polri"]], header
    )
    result = catalogue.import_bytes(store, data, "m.xlsx", actor=ANALYST)
    assert (result.status, result.period_code) == ("stored", "RANPE-2026")
    assert [a["pillar"] for a in catalogue.actions(store, "RANPE-2026")] == [9, 2]
    assert catalogue.actions(store, "RANPE-2026")[0]["years"] == "2026, 2027, 2028, 2029"
    assert catalogue.actions(store, "RANPE-2020") == []


# -- the contract: refusals -------------------------------------------------------------------------------------


GOOD = ["1.1.1", "Aksi", 1, "BNPT", "Kemenag", "2021-2024"]


@pytest.mark.parametrize(
    ("position", "value", "column", "message"),
    [
        (0, None, "Kode Aksi", "Required: Action code"),
        (1, None, "Aksi", "Required: Action"),
        (2, None, "Pilar", "Required: Pillar"),
        (3, None, "Penanggung Jawab", "Required: Lead agency"),
        (2, 4, "Pilar", "a group number 1–3"),
        (2, "Pilar 7", "Pilar", "a group number 1–3"),
        (3, "Kementerian Entah", "Penanggung Jawab", "a K/L code"),
        (3, "Kemenagri", "Penanggung Jawab", "Did you mean"),
        (4, "Kemenag; Dinas Entah", "Instansi Terkait", "a K/L code"),
        (5, "2019-2021", "Tahun Pelaksanaan", "years within the period 2020–2024"),
        (5, "2025", "Tahun Pelaksanaan", "years within the period 2020–2024"),
        (5, "2024-2021", "Tahun Pelaksanaan", "years within the period"),
        (5, "tahun depan", "Tahun Pelaksanaan", "years within the period"),
    ],
)
def test_refused_value_names_sheet_row_column_value(store, position, value, column, message):
    row = list(GOOD)
    row[position] = value
    result = imported(store, catalogue_file([row]))
    assert result.status == "refused"
    (problem,) = result.problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("matriks.xlsx", "Matriks", 2, column)
    expected_value = "" if value is None else ("Dinas Entah" if position == 4 else str(value))
    assert problem.value == expected_value
    assert message in problem.message("en")
    assert catalogue.versions(store) == []


@pytest.mark.parametrize(
    ("data", "options", "message"),
    [
        (catalogue_file([GOOD, GOOD]), {}, "already in row 2"),
        (catalogue_file([], header=HEADER), {}, "no data rows"),
        (xlsx_bytes({"S": [["apa"], ["ini"]]}), {}, "No sheet has the catalogue's column headers"),
        (catalogue_file([GOOD], header=["Kode Aksi", "Aksi", "Pilar", "Instansi Terkait", "X", "Y"]), {}, "Lead"),
        (catalogue_file([GOOD]), {"period": None}, "The period is unknown"),
        (
            catalogue_file([["RANPE-2020", *GOOD], ["RANPE-2026", *GOOD]], header=["Periode", *HEADER]),
            {"period": None},
            "another period",
        ),
        (catalogue_file([[*GOOD, 5]], header=[*HEADER, "Target 2019"]), {}, "a year this action is not carried out"),
        (catalogue_file([[*GOOD, "lima"]], header=[*HEADER, "Target"]), {}, "a number ≥ 0"),
        (b"%PDF-1.4 not a spreadsheet", {}, "not"),
    ],
    ids=[
        "duplicate",
        "no-rows",
        "no-header",
        "missing-column",
        "no-period",
        "two-periods",
        "target-year",
        "target",
        "pdf",
    ],
)
def test_refused_file_is_stored_not_at_all(store, data, options, message):
    add_second_period(store)
    result = imported(store, data, **options)
    assert result.status == "refused"
    assert any(message in p.message("en") for p in result.problems), [p.message("en") for p in result.problems]
    assert catalogue.versions(store) == []
    assert not store.uploads_dir.exists() or not any(store.uploads_dir.iterdir())


def test_every_problem_at_once_in_the_interface_language(store):
    rows = [["1.1.1", None, 5, "X", None, "1999"], ["1.1.2", "Aksi", 1, "BNPT", None, None]]
    result = imported(store, catalogue_file(rows))
    assert [(p.row, p.column) for p in result.problems] == [
        (2, "Aksi"),
        (2, "Pilar"),
        (2, "Penanggung Jawab"),
        (2, "Tahun Pelaksanaan"),
    ]
    assert result.problems[0].message("id") == "Wajib diisi: Aksi"


def test_unknown_period_given_at_import_is_a_usage_error(store):
    with pytest.raises(catalogue.UsageError, match="RANPE-2020"):
        imported(store, catalogue_file([GOOD]), period="RANPE-1999")


# -- versions ---------------------------------------------------------------------------------------------------


def test_each_import_is_a_new_version_the_same_file_is_unchanged_and_an_older_one_restores(store):
    data = catalogue_file([GOOD])
    first = imported(store, data)
    again = imported(store, data)
    assert (first.status, again.status, again.version_id) == ("stored", "unchanged", first.version_id)
    second = imported(store, catalogue_file([GOOD, ["1.1.2", "Aksi dua", 2, "Polri", None, None]]))
    assert second.version_id == 2
    assert [a["action_code"] for a in catalogue.actions(store, "RANPE-2020")] == ["1.1.1", "1.1.2"]
    assert [(v["version_id"], v["active"]) for v in catalogue.versions(store, "RANPE-2020")] == [(2, True), (1, False)]
    assert catalogue.restore_version(store, 1, actor=ANALYST) == "RANPE-2020"
    assert [a["action_code"] for a in catalogue.actions(store, "RANPE-2020")] == ["1.1.1"]
    # The same file as the older, now active, version is unchanged; the newer one is a new activation.
    assert imported(store, data).status == "unchanged"
    with pytest.raises(LookupError):
        catalogue.restore_version(store, 99, actor=ANALYST)


def test_the_original_bytes_are_kept(store):
    data = catalogue_file([GOOD])
    imported(store, data)
    (row,) = store.cursor().execute("select archive_path from catalogue_versions").fetchall()
    # A file beside the embedded store; a row of the shared store (every process and machine reads it).
    if store.is_lake:
        assert store.query_rows("store/original", archive_path=row[0])[0]["content"] == data
    else:
        assert (store.uploads_dir / row[0]).read_bytes() == data


# -- the template -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_template_filled_in_is_accepted(store, tmp_path, lang):
    path = write_catalogue_template(store, tmp_path / "t.xlsx", lang)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.append(["RANPE-2020", "1.1.1", "Aksi", "Pilar 1" if lang == "id" else "Pillar 1", None, "BNPT", "Polri"])
    sheet.append([None, "1.1.2", "Aksi", "Pilar 3" if lang == "id" else "Pillar 3", None, "Kemenlu"])
    workbook.save(path)
    result = catalogue.import_path(store, path, actor=ANALYST)
    assert result.status == "stored", [p.message("en") for p in result.problems]
    assert [a["pillar"] for a in catalogue.actions(store, "RANPE-2020")] == [1, 3]


# -- the crosswalk ----------------------------------------------------------------------------------------------

CROSS_HEADER = ["from_period", "from_code", "to_period", "to_code", "relation"]


def with_two_catalogues(store: Store) -> None:
    add_second_period(store)
    imported(
        store, catalogue_file([GOOD, ["1.1.2", "b", 1, "BNPT", None, None], ["1.1.3", "c", 1, "BNPT", None, None]])
    )
    header = ["Kode Aksi", "Aksi", "Tema", "Penanggung Jawab"]
    rows = [["T1.1", "a", 1, "BNPT"], ["T1.2", "b", 2, "BNPT"], ["T1.3", "c", 3, "BNPT"], ["T9.9", "d", 9, "BNPT"]]
    assert imported(store, catalogue_file(rows, header), period="RANPE-2026").status == "stored"


@pytest.mark.parametrize(
    "row",
    [
        ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"],
        ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "SAMA"],
        ["RAN PE 2020–2024", "1.1.3", "RANPE-2026", "T1.2", "split"],
        ["RANPE-2020", "1.1.2", "RANPE-2026", "T1.3", "digabung"],
        ["RANPE-2020", None, "RANPE-2026", "T9.9", "new"],
        ["RANPE-2020", "1.1.2", "RANPE-2026", None, "ended"],
    ],
)
def test_crosswalk_accepted_rows(store, row):
    with_two_catalogues(store)
    result = crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, row]), "cw.csv", actor=ANALYST)
    assert result.status == "stored", [p.message("en") for p in result.problems]
    (stored,) = crosswalk.rows(store)
    assert stored["relation"] in crosswalk.RELATIONS


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "sideways"], "relation", "same, split, merged, new or ended"),
        (["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", None], "relation", "Required: Relation"),
        (["RANPE-1999", "1.1.1", "RANPE-2026", "T1.1", "same"], "from_period", "a plan period's code or name"),
        (["RANPE-2020", "1.1.1", "RANPE-2020", "1.1.2", "same"], "to_period", "the same"),
        (["RANPE-2020", "9.9.9", "RANPE-2026", "T1.1", "same"], "from_code", "RANPE-2020's catalogue"),
        (["RANPE-2020", "1.1.1", "RANPE-2026", "T7", "same"], "to_code", "RANPE-2026's catalogue"),
        (["RANPE-2020", "1.1.1", "RANPE-2026", "T9.9", "new"], "from_code", "Must be blank for the relation new"),
        (["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "ended"], "to_code", "Must be blank for the relation ended"),
        (["RANPE-2020", None, "RANPE-2026", "T1.1", "same"], "from_code", "Required for the relation same"),
        (["RANPE-2020", "1.1.1", "RANPE-2026", None, "split"], "to_code", "Required for the relation split"),
    ],
)
def test_crosswalk_refused_row_names_row_column_value(store, row, column, message):
    with_two_catalogues(store)
    result = crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, row]), "cw.csv", actor=ANALYST)
    assert result.status == "refused"
    (problem,) = result.problems
    assert (problem.row, problem.column) == (2, column)
    assert message in problem.message("en")
    assert crosswalk.rows(store) == []


def test_crosswalk_refuses_duplicates_and_files_without_its_header(store):
    with_two_catalogues(store)
    row = ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"]
    result = crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, row, row]), "cw.csv", actor=ANALYST)
    assert [(p.row, p.message("en")) for p in result.problems] == [(3, "This row repeats row 2")]
    result = crosswalk.import_bytes(store, csv_bytes([["a", "b"], [1, 2]]), "cw.csv", actor=ANALYST)
    assert "No header" in result.problems[0].message("en")


def test_a_crosswalk_import_replaces_its_period_pair_and_links_an_action_both_ways(store):
    with_two_catalogues(store)
    rows = [
        ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"],
        ["RANPE-2020", "1.1.3", "RANPE-2026", "T1.2", "split"],
        ["RANPE-2020", "1.1.3", "RANPE-2026", "T1.3", "split"],
    ]
    crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, *rows]), "cw.csv", actor=ANALYST)
    assert [r["to_code"] for r in crosswalk.links(store, "RANPE-2020", "1.1.3")] == ["T1.2", "T1.3"]
    assert [(r["from_code"], r["direction"]) for r in crosswalk.links(store, "RANPE-2026", "T1.1")] == [
        ("1.1.1", "previous")
    ]
    crosswalk.import_bytes(store, csv_bytes([CROSS_HEADER, rows[0]]), "cw2.csv", actor=ANALYST)
    assert len(crosswalk.rows(store)) == 1


# -- measures and checks on a hand-made catalogue ---------------------------------------------------------------


def hand_made(store: Store) -> None:
    """Catalogue RANPE-2020: five actions. 2023 reports (TW IV):
    1.1.1 led by BNPT (Kemenag supports): BNPT Ya, Kemenag Ya
    1.1.2 led by Polri (BNPT supports): Polri Tidak, BNPT Ya
    2.1.1 led by Kemenlu: Kemenlu Ya, Kemenag Ya (Kemenag neither leads nor supports it)
    2.1.2 led by Kemenlu, 2022 only: reported in 2022 (Ya), so not a 2023 catalogue action
    3.1.1 led by Kemenag (2023–2024): no report in 2023 → unreported
    and 9.9.9 reported by BNPT (Ya): not in the catalogue."""
    rows = [
        ["1.1.1", "a", 1, "BNPT", "Kemenag", None],
        ["1.1.2", "b", 1, "Polri", "BNPT", None],
        ["2.1.1", "c", 2, "Kemenlu", None, None],
        ["2.1.2", "d", 2, "Kemenlu", None, "2022"],
        ["3.1.1", "e", 3, "Kemenag", None, "2023-2024"],
    ]
    assert imported(store, catalogue_file(rows)).status == "stored"
    header = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Komitmen"]
    reports = {
        "2022.csv": [[2022, 4, "Kemenlu", 2, "2.1.2", "Ya"], [2022, 4, "Kemenlu", 2, "2.1.1", "Tidak"]],
        "2023.csv": [
            [2023, 4, "BNPT", 1, "1.1.1", "Ya"],
            [2023, 4, "Kemenag", 1, "1.1.1", "Ya"],
            [2023, 4, "Polri", 1, "1.1.2", "Tidak"],
            [2023, 4, "BNPT", 1, "1.1.2", "Ya"],
            [2023, 4, "Kemenlu", 2, "2.1.1", "Ya"],
            [2023, 4, "Kemenag", 2, "2.1.1", "Ya"],
            [2023, 4, "BNPT", 3, "9.9.9", "Ya"],
        ],
    }
    for name, body in reports.items():
        result = ingest_bytes(store, csv_bytes([header, *body]), name, actor=ANALYST)
        assert result.status == "stored"


def test_measures_with_a_catalogue_worked_out_by_hand(store):
    hand_made(store)
    figures = summary(store, Filters(2023))
    assert figures["period"] == {"code": "RANPE-2020", "name": "RAN PE 2020–2024", "group_word": "Pilar"}
    # Catalogue actions of 2023: 1.1.1, 1.1.2, 2.1.1, 3.1.1 (2.1.2 is 2022 only); reported: the first three.
    assert figures["coverage"] == {"reported": 3, "catalogue": 4, "rate": 0.75}
    # Planned (codes in the rows): 1.1.1, 1.1.2, 2.1.1, 9.9.9; committed by their lead: 1.1.1 (BNPT), 2.1.1 (Kemenlu).
    assert figures["lead_commitment"] == {"committed_by_lead": 2, "planned": 4, "rate": 0.5}
    # Committed in 2020–2023, of the period's five actions: 2.1.2 (2022), 1.1.1, 1.1.2, 2.1.1 (2023).
    assert figures["cumulative"] == {"committed": 4, "catalogue": 5, "rate": 0.8, "through_year": 2023}
    assert summary(store, Filters(2022))["cumulative"] == {
        "committed": 1,
        "catalogue": 5,
        "rate": 0.2,
        "through_year": 2022,
    }
    # The figures of today are unchanged by the catalogue.
    assert (figures["actions_planned"], figures["actions_committed"]) == (4, 4)
    assert [(a["action_code"], a["lead_agency"]) for a in unreported_actions(store, Filters(2023))] == [
        ("3.1.1", "KEMENAG")
    ]
    assert unreported_actions(store, Filters(2023, pillar=1)) == []
    roles = {
        r["agency_code"]: tuple(r[k] for k in ("led", "led_committed", "supported", "supported_committed"))
        for r in lead_and_supporting(store, Filters(2023))
    }
    assert roles == {
        "BNPT": (1, 1, 1, 1),
        "POLRI": (1, 0, 0, 0),
        "KEMENLU": (1, 1, 0, 0),
        "KEMENAG": (1, 0, 1, 1),
    }
    with_agency = summary(store, Filters(2023, agency="KEMENAG"))
    # Kemenag leads 3.1.1 and supports 1.1.1: one of the two reported (by its own rows).
    assert with_agency["coverage"] == {"reported": 1, "catalogue": 2, "rate": 0.5}


def test_without_a_catalogue_the_plan_measures_are_null_and_the_period_is_named(store):
    header = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Komitmen"]
    ingest_bytes(store, csv_bytes([header, [2023, 4, "BNPT", 1, "1.1.1", "Ya"]]), "a.csv", actor=ANALYST)
    figures = summary(store, Filters(2023))
    assert figures["period"]["code"] == "RANPE-2020"
    assert (figures["coverage"], figures["lead_commitment"], figures["cumulative"]) == (None, None, None)
    assert figures["commitment_rate"] == 1.0
    run = run_checks(store, 2023)
    assert {r.code for r in run.skipped} == {"action_not_in_catalogue", "action_not_assigned"}
    assert summary(store, Filters(2019))["period"] is None


def test_catalogue_checks_name_the_rows_and_an_upload_warns(store):
    hand_made(store)
    run = run_checks(store, 2023)
    assert run.skipped == ()
    found = {(f.rule, f.agency_code, f.action_code, f.row) for f in run.findings(rule_codes=list(catalogue_rules()))}
    assert found == {
        ("action_not_in_catalogue", "BNPT", "9.9.9", 8),
        ("action_not_assigned", "KEMENAG", "2.1.1", 7),
    }
    header = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Komitmen"]
    result = ingest_bytes(store, csv_bytes([header, [2024, 1, "BNPT", 1, "7.7.7", "Ya"]]), "b.csv", actor=ANALYST)
    assert result.status == "stored"
    (warning,) = result.as_dict("en")["warnings"]
    assert (warning["rule"], warning["row"]) == ("action_not_in_catalogue", 2)
    assert "not in the RANPE-2020 action catalogue" in warning["message"]


def catalogue_rules() -> tuple[str, ...]:
    return ("action_not_in_catalogue", "action_not_assigned")


# -- the command line -------------------------------------------------------------------------------------------


def test_cli_import_list_versions_restore_and_summary_json(store, tmp_path, capsys):
    db = str(store.path)
    store.close()
    good, bad = tmp_path / "m.xlsx", tmp_path / "bad.csv"
    good.write_bytes(catalogue_file([GOOD]))
    bad.write_bytes(csv_bytes([HEADER, ["1.1.1", "Aksi", 7, "BNPT", None, None]]))
    code = main(["catalogue", "import", str(good), str(bad), "--period", "RANPE-2020", "--json", "--db", db])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [f["status"] for f in report["files"]] == ["stored", "refused"]
    assert report["files"][1]["errors"][0] | {"message": None} == {
        "sheet": "CSV",
        "row": 2,
        "column": "Pilar",
        "value": "7",
        "message": None,
    }
    assert main(["catalogue", "import", str(good), "--period", "RANPE-2020", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["status"] == "unchanged"
    assert main(["catalogue", "import", str(good), "--period", "X", "--db", db]) == 2
    capsys.readouterr()
    assert main(["catalogue", "list", "--period", "RANPE-2020", "--json", "--db", db]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(a["action_code"], a["lead_agency"], a["supporting_agencies"]) for a in listed["actions"]] == [
        ("1.1.1", "BNPT", "KEMENAG")
    ]
    assert main(["catalogue", "versions", "--json", "--db", db]) == 0
    assert [v["version_id"] for v in json.loads(capsys.readouterr().out)] == [1]
    assert main(["catalogue", "restore", "1", "--db", db, "--lang", "en"]) == 0
    assert "version 1 is active again" in capsys.readouterr().out
    assert main(["catalogue", "restore", "5", "--db", db]) == 1
    capsys.readouterr()
    assert main(["summary", "--year", "2023", "--json", "--db", db]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["period"]["code"] == "RANPE-2020"
    assert figures["coverage"] == {"reported": 0, "catalogue": 1, "rate": 0.0}


def test_cli_crosswalk_import_and_catalogue_template(store, tmp_path, capsys):
    with_two_catalogues(store)
    db = str(store.path)
    store.close()
    path = tmp_path / "cw.csv"
    path.write_bytes(csv_bytes([CROSS_HEADER, ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"]]))
    assert main(["crosswalk", "import", str(path), "--json", "--db", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0] | {"file": None} == {
        "file": None,
        "status": "stored",
        "rows": 1,
        "pairs": [{"from_period": "RANPE-2020", "to_period": "RANPE-2026"}],
        "errors": [],
        "error_total": 0,
        "upload_id": None,  # a stored crosswalk takes no number in the upload history
    }
    out = tmp_path / "katalog.xlsx"
    assert main(["template", str(out), "--catalogue", "--period", "RANPE-2026", "--db", db]) == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]][:4] == ["Periode", "Kode Aksi*", "Aksi*", "Tema*"]
    assert Path(out).exists()


# -- the demo ---------------------------------------------------------------------------------------------------


def test_the_demo_catalogue_is_consistent_with_the_demo_rows(demo_store_path):
    with Store(demo_store_path, read_only=True) as store:
        actions = catalogue.actions(store, "RANPE-2020")
        assert len(actions) == 135
        assert sum(1 for a in actions if a["supporting_agencies"]) >= 20
        figures = summary(store, Filters(2023))
        # Every 2023 action reported is in the catalogue; a few of the year's catalogue actions are not reported.
        assert figures["coverage"]["reported"] == figures["actions_planned"] == 79
        assert 1 <= figures["coverage"]["catalogue"] - figures["coverage"]["reported"] <= 5
        unreported = unreported_actions(store, Filters(2023))
        assert len(unreported) == figures["coverage"]["catalogue"] - 79
        assert all(row["lead_agency"] for row in unreported)
        assert figures["cumulative"]["catalogue"] == 135
        # The catalogue is made from the rows: no row is outside it or reported by a K/L it does not name.
        assert run_checks(store, 2023).selected(rule_codes=list(catalogue_rules())).num_rows == 0


def test_demo_catalogues_and_crosswalk_are_removed_with_the_demo(store):
    data = catalogue_file([GOOD])
    catalogue.import_bytes(store, data, "m.xlsx", period="RANPE-2020", actor=ANALYST, is_demo=True)
    add_second_period(store)
    header = ["Kode Aksi", "Aksi", "Tema", "Penanggung Jawab"]
    catalogue.import_bytes(
        store, catalogue_file([["T1.1", "a", 1, "BNPT"]], header), "n.xlsx", period="RANPE-2026", actor=ANALYST
    )
    cross = csv_bytes([CROSS_HEADER, ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"]])
    crosswalk.import_bytes(store, cross, "cw.csv", actor=ANALYST, is_demo=True)
    assert catalogue.remove_demo(store, actor=ANALYST) == 1
    assert [v["period_code"] for v in catalogue.versions(store)] == ["RANPE-2026"]
    assert catalogue.actions(store, "RANPE-2020") == []
    assert crosswalk.rows(store) == []
    # The original file of the version kept stays: a file beside the embedded store, a row in the shared one.
    if store.is_lake:
        assert store.query_rows("store/table_count", table_name="upload_originals")[0]["n"] == 1
    else:
        assert len(list(store.uploads_dir.iterdir())) == 1
