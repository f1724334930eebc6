"""A formula with no stored value is refused in every stored column (text, number, extra), named by sheet, Excel
row and column; a formula that stored its result, even an empty text, is read by that value."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from ranpe.ingest.pipeline import ingest_bytes
from tests.conftest import ANALYST
from tests.test_ingest import stored_rows

HEADER = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Komitmen", "Target", "Keterangan", "Catatan Pokja"]
ROWS = [
    [2023, 3, "BNPT", 1, "1.1.1", "Ya", 10, "sesuai rencana", "cek"],
    [2023, 3, "BNPT", 1, "1.1.2", "Ya", 10, "sesuai rencana", "cek"],
]


def workbook_with(column: str, formula: str) -> bytes:
    """Header in row 1, data in rows 2-3; the cell of `column` in row 3 holds a formula openpyxl writes without a
    cached value (as a file saved by a script, never opened in Excel)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Laporan"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    col = HEADER.index(column) + 1
    sheet.cell(row=3, column=col, value=formula)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet_xml(data: bytes, edit) -> bytes:
    """The workbook with its first sheet's XML edited (what Excel itself writes, which openpyxl cannot)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = edit(content.decode("utf-8")).encode("utf-8")
            target.writestr(member, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("column", "formula"),
    [
        ("Keterangan", '=E3&" selesai"'),  # notes: a text field
        ("Catatan Pokja", "=H3"),  # a column the contract does not know, kept aside with the row
        ("Target", "=G2*2"),  # a number field
        ("Kode Aksi", '="1.1."&2'),  # a required text field
    ],
    ids=["notes", "extra column", "target", "action code"],
)
def test_formula_without_stored_value_is_refused_in_any_stored_column(store, column, formula):
    result = ingest_bytes(store, workbook_with(column, formula), "rumus.xlsx", actor=ANALYST)

    assert result.status == "refused"
    told = [(p.key, p.sheet, p.row, p.column) for p in result.problems]
    assert told == [("problem.formula_no_value", "Laporan", 3, column)]
    assert "Excel" in result.problems[0].message("en")
    assert stored_rows(store) == []


def test_formula_after_a_styled_empty_cell_is_named_in_its_own_column(store):
    """A self-closed empty cell (<c r="G3" s="1"/>, as Excel writes a formatted blank) just before the formula must
    not take the formula's place."""
    data = with_sheet_xml(
        workbook_with("Keterangan", "=E3"),
        lambda xml: xml.replace('<c r="G3" t="n"><v>10</v></c>', '<c r="G3" s="1"/>'),
    )
    assert b'<c r="G3" s="1"/><c r="H3"><f>' in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")

    result = ingest_bytes(store, data, "rumus.xlsx", actor=ANALYST)

    assert [(p.key, p.row, p.column) for p in result.problems if p.key == "problem.formula_no_value"] == [
        ("problem.formula_no_value", 3, "Keterangan")
    ]


def test_formula_that_stored_an_empty_text_is_read_as_empty(store):
    """Excel writes =IF(…;"";…) that gave the empty text as t="str" with an empty <v>: a stored value."""
    data = with_sheet_xml(
        workbook_with("Keterangan", '=IF(E3="","x","")'),
        lambda xml: xml.replace('<c r="H3"><f>', '<c r="H3" t="str"><f>', 1),
    )

    result = ingest_bytes(store, data, "rumus.xlsx", actor=ANALYST)

    assert result.status == "stored", [p.as_dict("en") for p in result.problems]
    notes = {row["action_code"]: row["notes"] for row in stored_rows(store)}
    assert notes == {"1.1.1": "sesuai rencana", "1.1.2": None}


def test_formula_with_a_stored_text_value_is_read_by_that_value(store):
    data = with_sheet_xml(
        workbook_with("Keterangan", '=E3&" selesai"'),
        lambda xml: xml.replace(
            '<c r="H3"><f>E3&amp;" selesai"</f><v></v></c>',
            '<c r="H3" t="str"><f>E3&amp;" selesai"</f><v>1.1.2 selesai</v></c>',
            1,
        ),
    )

    result = ingest_bytes(store, data, "rumus.xlsx", actor=ANALYST)

    assert result.status == "stored", [p.as_dict("en") for p in result.problems]
    notes = {row["action_code"]: row["notes"] for row in stored_rows(store)}
    assert notes["1.1.2"] == "1.1.2 selesai"
