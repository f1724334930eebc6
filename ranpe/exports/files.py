"""Spreadsheet and CSV files that are safe to open: text that a spreadsheet would run as a formula is made plain
text; plain .xlsx (no formulas, no links) and UTF-8 .csv with BOM writers, the CSV in the language's own style."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

import xlsxwriter

# A spreadsheet treats a cell starting with one of these as a formula (or DDE); an apostrophe makes it text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# (separator, decimal mark) of a CSV: Excel set to Indonesian opens a file split by ";" with "," decimals, and
# leaves a ","-separated file in one column; Excel set to English expects "," and ".".
CSV_STYLES = {"id": (";", ","), "en": (",", ".")}


def csv_style(lang: str) -> tuple[str, str]:
    """The CSV separator and decimal mark for the language."""
    return CSV_STYLES["en" if lang == "en" else "id"]


def neutralise(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula, made plain text; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def xlsx_bytes(sheets: dict[str, tuple[list[str], list[list[Any]]]]) -> bytes:
    """An .xlsx workbook of plain values (no formulas, no links): sheet name → (headers, rows)."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    workbook = xlsxwriter.Workbook(buffer, options)
    bold = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for name, (headers, rows) in sheets.items():
        sheet = workbook.add_worksheet(name[:31])
        widths = [len(str(h)) for h in headers]
        for col, header in enumerate(headers):
            sheet.write_string(0, col, str(neutralise(header)), bold)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, datetime | date):
                    sheet.write_datetime(row_index, col, value, when)
                elif isinstance(value, bool):
                    sheet.write_boolean(row_index, col, value)
                elif isinstance(value, int | float):
                    sheet.write_number(row_index, col, value)
                else:
                    text = str(neutralise(str(value)))
                    sheet.write_string(row_index, col, text)
                    widths[col] = max(widths[col], min(len(text), 60))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width + 2)
        sheet.freeze_panes(1, 0)
        if rows:
            sheet.autofilter(0, 0, len(rows), max(len(headers) - 1, 0))
    workbook.close()
    return buffer.getvalue()


def _csv_cell(value: Any, decimal: str) -> str:
    """A number as a number in the style (a negative number is not a formula); anything else neutralised text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", decimal)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return neutralise(value if isinstance(value, str) else str(value))


def csv_bytes(headers: list[str], rows: list[list[Any]], lang: str) -> bytes:
    """A UTF-8 CSV (with BOM, so that Excel reads it right) of neutralised values, in the language's CSV style."""
    separator, decimal = csv_style(lang)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v, decimal) for v in row])
    return buffer.getvalue().encode("utf-8-sig")
