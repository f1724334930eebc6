"""The submission template: sheets, headers, drop-downs, instructions; filled it is stored, empty it is refused."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from ranpe.i18n import t
from ranpe.ingest import contract
from ranpe.ingest.contract import header_key
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.ingest.reference import load_reference
from ranpe.ingest.template import EXAMPLE_HEADER_ROW, LISTED_FIELDS, choices, write_template
from ranpe.ingest.validate import HEADER_SEARCH_ROWS
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO

SHEETS = {
    "id": ["Laporan", "Petunjuk", "Daftar Referensi"],
    "en": ["Report", "Instructions", "Reference lists"],
}
EXAMPLE_WORD = {"id": "Contoh", "en": "Example"}


def column_of(field: str) -> str:
    return get_column_letter(contract.FIELDS.index(field) + 1)


def fill(path: Path, rows: list[dict]) -> bytes:
    """The template with rows typed into its data sheet, saved as a K/L would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    for offset, row in enumerate(rows, start=2):
        for field, value in row.items():
            sheet.cell(row=offset, column=contract.FIELDS.index(field) + 1, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(params=["id", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture
def template_path(store: Store, tmp_path: Path, lang: str) -> Path:
    return write_template(store, tmp_path / f"template_{lang}.xlsx", lang=lang)


def test_sheets_and_headers(template_path: Path, lang: str):
    workbook = openpyxl.load_workbook(template_path)
    assert workbook.sheetnames == SHEETS[lang]
    assert all(s.sheet_state == "visible" for s in workbook.worksheets)
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert [contract.HEADER_FIELDS[header_key(h)] for h in headers] == list(contract.FIELDS)
    assert {h.rstrip("*") for h in headers if h.endswith("*")} == {h.rstrip("*") for h in [*headers[:5], headers[7]]}
    assert sum(h.endswith("*") for h in headers) == len(contract.REQUIRED)
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions[column_of("action")].width > sheet.column_dimensions[column_of("year")].width
    assert sheet[f"{column_of('target')}2"].number_format == "#,##0.##"


def test_drop_downs_reference_the_visible_lists_sheet(template_path: Path, lang: str):
    workbook = openpyxl.load_workbook(template_path)
    validations = workbook.worksheets[0].data_validations.dataValidation
    lists_title = SHEETS[lang][2]
    by_column = {str(v.sqref).split(":")[0].rstrip("0123456789"): v for v in validations}
    for field in LISTED_FIELDS:
        validation = by_column[column_of(field)]
        assert validation.type == "list"
        assert lists_title in validation.formula1
    assert by_column[column_of("year")].type == "whole"


def test_lists_sheet_titles_are_no_contract_headers(template_path: Path):
    lists = openpyxl.load_workbook(template_path).worksheets[2]
    titles = [c.value for c in lists[1] if c.value]
    assert len(titles) >= 6
    assert not [t for t in titles if header_key(t) in contract.HEADER_FIELDS]
    codes = [c.value for c in lists["D"][1:] if c.value]
    assert "BNPT" in codes and len(codes) == 49


def test_every_choice_is_accepted(store: Store, lang: str):
    reference = load_reference(store)
    parsers = {
        "pillar": reference.pillar,
        "agency": reference.agency,
        "province": reference.province,
        "committed": contract.parse_committed,
        "status": contract.parse_status,
        "quarter": contract.parse_quarter,
    }
    values = choices(store, lang)
    for field, parse in parsers.items():
        parsed = [parse(value) for value in values[field]]
        assert len(set(parsed)) == len(parsed), field
    assert len(values["agency"]) == 49
    assert len(values["province"]) == 39


def test_instructions_explain_every_column_and_hold_the_example_below_the_header_search(template_path: Path, lang):
    sheet = openpyxl.load_workbook(template_path).worksheets[1]
    text = " ".join(str(c.value) for row in sheet.iter_rows(max_row=HEADER_SEARCH_ROWS) for c in row if c.value)
    explained = {
        contract.HEADER_FIELDS[header_key(row[0])]: row[2:4]
        for row in sheet.iter_rows(max_row=EXAMPLE_HEADER_ROW - 2, values_only=True)
        if row[0] and header_key(row[0]) in contract.HEADER_FIELDS
    }
    # The template of the current period, RAN PE 2020–2024, names its groups pillars.
    pillars = {"id": {"Word": "Pilar", "word": "pilar"}, "en": {"Word": "Pillar", "word": "pillar"}}
    assert explained == {
        f: (t(f"template.help.{f}", "id", **pillars["id"]), t(f"template.help.{f}", "en", **pillars["en"]))
        for f in contract.FIELDS
    }
    assert explained["pillar"] == ("Pilar RAN PE dari aksi.", "RAN PE pillar of the action.")
    assert "15" in text and ("Januari" in text or "January" in text)
    assert EXAMPLE_HEADER_ROW > HEADER_SEARCH_ROWS
    assert EXAMPLE_WORD[lang] in str(sheet.cell(row=EXAMPLE_HEADER_ROW - 1, column=1).value)
    example_headers = [c.value for c in sheet[EXAMPLE_HEADER_ROW]]
    assert [contract.HEADER_FIELDS[header_key(h)] for h in example_headers] == list(contract.FIELDS)
    assert sheet.cell(row=EXAMPLE_HEADER_ROW + 1, column=contract.FIELDS.index("action_code") + 1).value == "1.3.2"


def test_filled_template_is_stored_without_the_example(store: Store, template_path: Path, lang: str):
    values = choices(store, lang)
    rows = [
        {
            "year": 2024,
            "quarter": values["quarter"][i % 4],
            "agency": values["agency"][i],
            "pillar": values["pillar"][i % 3],
            "action_code": f"{i % 3 + 1}.1.{i + 1}",
            "action": "Aksi uji",
            "province": values["province"][i],
            "committed": values["committed"][i % 2],
            "status": values["status"][i % 4],
            "target": 10 * (i + 1),
            # Consistent rows (no data-check warning): a committed action met its target, an uncommitted one has none.
            "realization": 10 * (i + 1) if i % 2 == 0 else None,
        }
        for i in range(4)
    ]
    result = ingest_bytes(store, fill(template_path, rows), template_path.name, actor=ANALYST)
    assert result.status == "stored", [p.message("en") for p in result.problems]
    assert result.rows == 4
    assert not result.warnings
    stored = store.query_rows("workspace/upload_history", agency=None, year=None)
    assert stored[0]["row_count"] == 4
    sheets = {s.name: s.status for s in result.sheets}
    assert sheets == dict(zip(SHEETS[lang], ["read", "no_header", "no_header"], strict=True))


def test_empty_template_is_refused_header_and_no_rows(store: Store, template_path: Path):
    result = ingest_bytes(store, template_path.read_bytes(), template_path.name, actor=ANALYST)
    assert result.status == "refused"
    assert [p.key for p in result.problems] == ["problem.no_rows"]
    assert "header row but no data rows" in result.problems[0].message("en")


def test_cli_writes_the_english_template(tmp_path: Path):
    out = tmp_path / "template.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "ranpe", "template", str(out), "--lang", "en", "--db", str(tmp_path / "t.duckdb")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(out).sheetnames == SHEETS["en"]
