"""The catalogue template: an .xlsx with the catalogue's columns, drop-down lists of the period's groups and the
K/L, and an instructions sheet (python -m ranpe template OUT.xlsx --catalogue)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ranpe.i18n import t
from ranpe.plan.catalogue_file import FIELDS, REQUIRED
from ranpe.plan.periods import Period, groups, list_periods
from ranpe.store.connection import Store

INPUT_ROWS = 500
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
WRAP = Alignment(wrap_text=True, vertical="top")
WIDTHS = {"action": 50, "lead_agency": 26, "supporting_agencies": 36, "indicator": 30, "focus_area": 24}


def header_text(name: str, period: Period, lang: str) -> str:
    """A column's header: the pillar column named by the period's word (Pilar, Tema), '*' when required."""
    text = period.word(lang) if name == "pillar" else t(f"field.{name}", lang)
    return f"{text}*" if name in REQUIRED else text


def write_catalogue_template(store: Store, path: Path, lang: str = "id", period: Period | None = None) -> Path:
    """Write the catalogue template of a period (default: the latest) in lang to path and return it."""
    periods = list_periods(store)
    period = period or periods[-1]
    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("catalogue.template.sheet", lang)
    lists = workbook.create_sheet(t("template.sheet.lists", lang))
    notes = workbook.create_sheet(t("template.sheet.instructions", lang))

    group_values = [f"{period.word(lang)} {g['number']}" for g in groups(store, period.code)]
    agency_values = [a["short_name"] for a in store.query_rows("reference/agencies")]
    columns = {"period": [period.code], "pillar": group_values, "lead_agency": agency_values}
    for col, (name, values) in enumerate(columns.items(), start=1):
        lists.cell(row=1, column=col, value=header_text(name, period, lang)).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=value)
        letter = get_column_letter(col)
        columns[name] = f"'{lists.title}'!${letter}$2:${letter}${len(values) + 1}"
        lists.column_dimensions[letter].width = 28

    for col, name in enumerate(FIELDS, start=1):
        cell = sheet.cell(row=1, column=col, value=header_text(name, period, lang))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = WIDTHS.get(name, 14)
        if name in columns:
            listed = DataValidation(type="list", formula1=columns[name], allow_blank=True)
            listed.add(f"{letter}2:{letter}{INPUT_ROWS + 1}")
            sheet.add_data_validation(listed)
    sheet.freeze_panes = "A2"
    lists.sheet_state = "hidden"  # lookup lists: hidden sheets are not read on import

    notes.column_dimensions["A"].width = 110
    lines = [
        t("catalogue.template.title", lang, period=period.label(lang)),
        t("catalogue.template.intro", lang),
        t("catalogue.template.period", lang, period=period.code),
        t("catalogue.template.years", lang, first=period.first_year, last=period.last_year),
        t("catalogue.template.agencies", lang),
        t("catalogue.template.targets", lang, year=period.first_year + 1),
    ]
    for row, text in enumerate(lines, start=1):
        cell = notes.cell(row=row, column=1, value=text)
        cell.alignment = WRAP
        if row == 1:
            cell.font = Font(bold=True, size=14)
    workbook.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
