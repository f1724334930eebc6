"""The submission template: an .xlsx a K/L fills in, with drop-down lists, instructions and reference lists."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ranpe.i18n import t
from ranpe.ingest import contract
from ranpe.store.connection import Store

# Rows of the data sheet that carry drop-downs and number formats.
INPUT_ROWS = 1000
# The example sits below the rows the header search looks at, so an uploaded template never stores it.
EXAMPLE_HEADER_ROW = 30
NUMBER_FORMAT = "#,##0.##"
COLUMN_WIDTHS = {
    "year": 8,
    "quarter": 10,
    "agency": 26,
    "pillar": 12,
    "action_code": 11,
    "action": 44,
    "province": 22,
    "committed": 12,
    "status": 18,
    "target": 12,
    "realization": 12,
    "output": 32,
    "obstacles": 36,
    "follow_up": 36,
    "notes": 24,
}
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
ROMAN = ("I", "II", "III", "IV")
ACCEPTED_KEYS = {
    "year": "template.accepted.year",
    "quarter": "template.accepted.quarter",
    "agency": "template.accepted.agency",
    "pillar": "template.accepted.pillar",
    "action_code": "template.accepted.action_code",
    "province": "template.accepted.province",
    "committed": "template.accepted.committed",
    "status": "template.accepted.status",
    "target": "template.accepted.number",
    "realization": "template.accepted.number",
}
# Fields offered as a drop-down, in the order of the lists sheet.
LISTED_FIELDS = ("pillar", "agency", "province", "committed", "status", "quarter")


def header_text(field: str, lang: str, group_word: str | None = None) -> str:
    """The template's header of a field, with '*' when required (the header matcher ignores it); the pillar's is
    the period's word for its groups (Pilar, Tema: both contract headers)."""
    text = group_word if field == "pillar" and group_word else t(f"field.{field}", lang)
    return f"{text}*" if field in contract.REQUIRED else text


def period_of(store: Store, year: int | None) -> dict | None:
    """The plan period of a year (a row of plan/periods), the latest period that is not illustrative without one."""
    periods = store.query_rows("plan/periods")
    if year is not None:
        return next((p for p in periods if p["first_year"] <= int(year) <= p["last_year"]), None)
    real = [p for p in periods if not p["illustrative"]] or periods
    return real[-1] if real else None


def group_words(period: dict, pillars: list[dict]) -> dict[str, dict[str, object]]:
    """Per language, what the template's texts say of the period's groups: its word ("Tema", "tema"), the last
    group's number and roman numeral ("9", "IX")."""
    last = max((int(p["number"]) for p in pillars), default=1)
    return {
        lang: {"Word": word, "word": word.lower(), "last": last, "roman": contract.roman(last)}
        for lang, word in (("id", period["group_word"]), ("en", period["group_word_en"]))
    }


def _groups(store: Store, year: int | None) -> tuple[dict | None, list[dict]]:
    period = period_of(store, year)
    if period is None:
        return None, []
    return period, store.query_rows("plan/period_groups", period=period["code"])


def choices(store: Store, lang: str, year: int | None = None) -> dict[str, list[str]]:
    """The drop-down values of each listed field, each accepted by the submission contract; the groups are those
    of the year's period (of the latest real period without a year)."""
    period, pillars = _groups(store, year)
    agencies = store.query_rows("reference/agencies")
    provinces = store.query_rows("reference/provinces")
    provinces = sorted(provinces, key=lambda p: (not p["is_focus"], p["name"]))
    return {
        "pillar": [_pillar_choice(p, period, lang) for p in pillars],
        "agency": [a["short_name"] for a in agencies],
        "province": [t("national", lang)] + [p["name"] for p in provinces],
        "committed": [t("committed.yes", lang), t("committed.no", lang)],
        "status": [t(f"status.{code}", lang) for code in contract.STATUSES],
        "quarter": [f"TW {r}" for r in ROMAN] if lang != "en" else [f"Q{n}" for n in range(1, 5)],
    }


def _pillar_choice(pillar: dict, period: dict, lang: str) -> str:
    """'Pilar 3' / 'Tema 4' in Indonesian; in English the group's short name as the dashboard writes it (accepted
    by the contract), so the template and the charts name a group alike."""
    if lang != "en":
        return f"{period['group_word']} {pillar['number']}"
    return pillar["short_name_en"] or pillar["name_en"]


def write_template(store: Store, path: Path, lang: str = "id", year: int | None = None) -> Path:
    """Write the template in lang ('id' or 'en') to path and return it; its group list is that of the year's
    period (the latest real period without a year). A year in no period raises ValueError."""
    path = Path(path)
    workbook = Workbook()
    data_sheet = workbook.active
    data_sheet.title = t("template.sheet.data", lang)
    instructions = workbook.create_sheet(t("template.sheet.instructions", lang))
    lists_sheet = workbook.create_sheet(t("template.sheet.lists", lang))

    period, pillars = _groups(store, year)
    if period is None:
        raise ValueError(f"year {year} is in no plan period")
    words = group_words(period, pillars)
    word = str(words["en" if lang == "en" else "id"]["Word"])
    values = choices(store, lang, year)
    ranges = _write_lists(lists_sheet, store, values, lang, year)
    _write_data_sheet(data_sheet, ranges, lang, word)
    example = _example_action(store, period, pillars, values, year)
    _write_instructions(instructions, values, lang, words, year or 2024, example)
    workbook.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _write_header(sheet: Worksheet, row: int, lang: str, word: str | None = None) -> None:
    for col, field in enumerate(contract.FIELDS, start=1):
        cell = sheet.cell(row=row, column=col, value=header_text(field, lang, word))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _write_data_sheet(sheet: Worksheet, ranges: dict[str, str], lang: str, word: str | None = None) -> None:
    _write_header(sheet, 1, lang, word)
    sheet.freeze_panes = "A2"
    for col, field in enumerate(contract.FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = COLUMN_WIDTHS[field]
    last = INPUT_ROWS + 1
    for field in LISTED_FIELDS:
        column = get_column_letter(contract.FIELDS.index(field) + 1)
        validation = DataValidation(type="list", formula1=ranges[field], allow_blank=True)
        validation.error = t("template.validation.error", lang)
        validation.errorTitle = t("template.validation.error_title", lang)
        validation.showErrorMessage = True
        validation.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(validation)
    year_column = get_column_letter(contract.FIELDS.index("year") + 1)
    year_check = DataValidation(
        type="whole",
        operator="between",
        formula1=str(contract.YEAR_MIN),
        formula2=str(contract.YEAR_MAX),
        allow_blank=True,
    )
    year_check.error = t("template.validation.year", lang)
    year_check.errorTitle = t("template.validation.error_title", lang)
    year_check.showErrorMessage = True
    year_check.add(f"{year_column}2:{year_column}{last}")
    sheet.add_data_validation(year_check)
    for field in contract.NUMBER_FIELDS:
        col = contract.FIELDS.index(field) + 1
        for row in range(2, last + 1):
            sheet.cell(row=row, column=col).number_format = NUMBER_FORMAT


def _write_lists(
    sheet: Worksheet, store: Store, values: dict[str, list[str]], lang: str, year: int | None = None
) -> dict[str, str]:
    """The visible lists sheet; returns each listed field's range formula. No title is a contract header."""
    period, pillars = _groups(store, year)
    words = group_words(period, pillars)["en" if lang == "en" else "id"] if period is not None else {}
    agencies = store.query_rows("reference/agencies")
    provinces = {p["name"]: p for p in store.query_rows("reference/provinces")}
    name_field = "name_en" if lang == "en" else "name"
    columns: list[tuple[str, list[object], str | None]] = [
        ("template.list.pillar", values["pillar"], "pillar"),
        ("template.list.pillar_name", [p[name_field] for p in pillars], None),
        ("template.list.agency", values["agency"], "agency"),
        ("template.list.agency_code", [a["code"] for a in agencies], None),
        ("template.list.agency_name", [a["name"] for a in agencies], None),
        ("template.list.agency_name_en", [a["name_en"] for a in agencies], None),
        ("template.list.province", values["province"], "province"),
        ("template.list.province_code", [""] + [provinces[n]["code"] for n in values["province"][1:]], None),
        (
            "template.list.focus",
            [""] + [t("committed.yes", lang) if provinces[n]["is_focus"] else "" for n in values["province"][1:]],
            None,
        ),
        ("template.list.committed", values["committed"], "committed"),
        ("template.list.status", values["status"], "status"),
        ("template.list.quarter", values["quarter"], "quarter"),
    ]
    ranges: dict[str, str] = {}
    title = sheet.title.replace("'", "''")
    for col, (key, items, field) in enumerate(columns, start=1):
        letter = get_column_letter(col)
        title_text = t(key, lang, **words)
        head = sheet.cell(row=1, column=col, value=title_text)
        head.font = BOLD
        for row, item in enumerate(items, start=2):
            sheet.cell(row=row, column=col, value=item if item != "" else None)
        width = max(len(str(v)) for v in [title_text, *items]) + 2
        sheet.column_dimensions[letter].width = min(width, 60)
        if field is not None:
            ranges[field] = f"'{title}'!${letter}$2:${letter}${len(items) + 1}"
    sheet.freeze_panes = "A2"
    return ranges


def _example_action(
    store: Store, period: dict, pillars: list[dict], values: dict[str, list[str]], year: int | None
) -> dict[str, str]:
    """The example row's action, K/L and group: an action of the period's active catalogue planned in the year (the
    first that BNPT leads, else the first), so that the example names an action the period has; without a catalogue,
    an illustrative action of BNPT in the first group."""
    actions = store.query_rows("plan/catalogue_actions", period=period["code"], as_of=None)
    if year is not None:
        actions = [a for a in actions if not a["years"] or str(year) in a["years"].split(", ")] or actions
    group_of = {int(p["number"]): index for index, p in enumerate(pillars)}
    actions = [a for a in actions if a["pillar"] in group_of]
    if not actions:
        return {}
    action = next((a for a in actions if a["lead_agency"] == "BNPT"), actions[0])
    short_names = {a["code"]: a["short_name"] for a in store.query_rows("reference/agencies")}
    return {
        "action_code": action["action_code"],
        "action": action["action"],
        "agency": short_names.get(action["lead_agency"], action["lead_agency"]),
        "pillar": values["pillar"][group_of[action["pillar"]]],
    }


def _write_instructions(
    sheet: Worksheet,
    values: dict[str, list[str]],
    lang: str,
    words: dict[str, dict[str, object]],
    year: int = 2024,
    action: dict[str, str] | None = None,
) -> None:
    """Title, rules, deadline, a bilingual table of every column, and the example well below row 20 (its action, K/L
    and group: action, from _example_action); the groups named in the period's word (words: group_words)."""
    own = words["en" if lang == "en" else "id"]
    word = str(own["Word"])
    sheet.cell(row=1, column=1, value=t("template.title", lang)).font = TITLE_FONT
    for row, key in ((2, "template.intro"), (3, "template.rules"), (4, "template.deadline")):
        sheet.cell(row=row, column=1, value=t(key, lang, **own)).alignment = Alignment(wrap_text=False)
    table_head = 6
    heads = (
        "template.table.column",
        "template.table.required",
        "template.table.explanation_id",
        "template.table.explanation_en",
        "template.table.accepted",
    )
    for col, key in enumerate(heads, start=1):
        cell = sheet.cell(row=table_head, column=col, value=t(key, lang))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for offset, field in enumerate(contract.FIELDS, start=1):
        row = table_head + offset
        required = "template.required.yes" if field in contract.REQUIRED else "template.required.no"
        cells = (
            header_text(field, lang, word),
            t(required, lang),
            t(f"template.help.{field}", "id", **words["id"]),
            t(f"template.help.{field}", "en", **words["en"]),
            t(ACCEPTED_KEYS.get(field, "template.accepted.text"), lang, **own),
        )
        for col, value in enumerate(cells, start=1):
            sheet.cell(row=row, column=col, value=value).alignment = WRAP
    for col, width in enumerate((24, 12, 48, 48, 44), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width

    sheet.cell(row=EXAMPLE_HEADER_ROW - 1, column=1, value=t("template.example_title", lang)).font = TITLE_FONT
    _write_header(sheet, EXAMPLE_HEADER_ROW, lang, word)
    example = {
        "year": year,
        "quarter": values["quarter"][2],
        "agency": "BNPT",
        "pillar": values["pillar"][0],
        "action_code": "1.3.2",
        "action": t("template.example.action", lang),
        "province": "Sulawesi Tengah",
        "committed": values["committed"][0],
        "status": values["status"][1],
        "target": 12,
        "realization": 9,
        "output": t("template.example.output", lang),
        "obstacles": t("template.example.obstacles", lang),
        "follow_up": t("template.example.follow_up", lang),
        "notes": None,
        **(action or {}),
    }
    for col, field in enumerate(contract.FIELDS, start=1):
        cell = sheet.cell(row=EXAMPLE_HEADER_ROW + 1, column=col, value=example[field])
        cell.alignment = WRAP
        if field in contract.NUMBER_FIELDS:
            cell.number_format = NUMBER_FORMAT
