"""A catalogue file (matriks rencana aksi) read and checked: its contract (the columns and their names, the groups,
years, supporting K/L and targets as written), and check_file(), which the parsing sandbox's child runs (no store:
what the file is checked against, Known, is read before). Every problem is named (file, sheet, row, column, value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ranpe import config
from ranpe.ingest import contract
from ranpe.ingest.contract import Invalid, as_text, header_key, is_blank, value_key
from ranpe.ingest.problems import Problem, Refused
from ranpe.ingest.reader import Sheet, read
from ranpe.ingest.reference import load_reference
from ranpe.plan.periods import Period, groups, list_periods
from ranpe.store.connection import Store

FIELDS = (
    "period",
    "action_code",
    "action",
    "pillar",
    "focus_area",
    "lead_agency",
    "supporting_agencies",
    "indicator",
    "unit",
    "years",
    "target",
)
REQUIRED = ("action_code", "action", "pillar", "lead_agency")
TEXT_FIELDS = ("action", "focus_area", "indicator", "unit")
HEADERS = {
    "period": ("Periode", "Period"),
    "action_code": ("Kode Aksi", "Kode", "Action code", "Code"),
    "action": ("Aksi", "Rencana Aksi", "Nama Aksi", "Action"),
    "pillar": ("Pilar", "Tema", "Pillar", "Theme"),
    "focus_area": ("Fokus", "Fokus Kegiatan", "Strategi", "Focus area", "Strategy"),
    "lead_agency": (
        "Penanggung Jawab",
        "Koordinator",
        "Instansi Penanggung Jawab",
        "K/L Penanggung Jawab",
        "Lead agency",
        "Lead",
    ),
    "supporting_agencies": ("Instansi Terkait", "Pendukung", "K/L Terkait", "K/L Pendukung", "Supporting agencies"),
    "indicator": ("Indikator", "Indicator"),
    "unit": ("Satuan", "Unit"),
    "years": ("Tahun Pelaksanaan", "Tahun", "Years", "Year"),
    "target": ("Target",),
}
HEADER_FIELDS = {header_key(h): name for name, names in HEADERS.items() for h in names}
# "Target 2023", "Target Tahun 2023", "Target (2023)": the target of one year.
_YEAR_TARGET = re.compile(r"^target(?:tahun|year)?(\d{4})$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11}
_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
_SEPARATORS = re.compile(r"[;,\n\r]+")
HEADER_SEARCH_ROWS = 20
MIN_HEADER_FIELDS = 3


@dataclass
class Action:
    """One action of a catalogue as stored."""

    action_code: str
    action: str
    pillar: int
    lead_agency: str
    supporting: list[str]
    years: dict[int, float | None]  # year → that year's target
    focus_area: str | None = None
    indicator: str | None = None
    unit: str | None = None
    target: float | None = None
    source_sheet: str = ""
    source_row: int = 0


def find_period(periods: list[Period], value: object) -> Period | None:
    """The period named by its code or name (id or en), any case."""
    key = value_key(as_text(value))
    return next(
        (p for p in periods if key in (value_key(p.code), value_key(p.name), value_key(p.name_en))),
        None,
    )


def group_parser(period: Period, period_groups: list[dict[str, Any]]):
    """The parser of a group of the period (its groups as periods.groups gives them): its number, roman numeral,
    "Pilar 2"/"Tema 2", name or alias."""
    index: dict[str, int] = {}
    numbers: set[int] = set()
    words = {value_key(w) for w in (period.group_word, period.group_word_en, "pilar", "pillar", "tema", "theme")}
    for group in period_groups:
        number = int(group["number"])
        numbers.add(number)
        spellings = [str(number), group["name"], group["name_en"], *str(group["aliases"] or "").split(";")]
        roman = next((r for r, n in _ROMAN.items() if n == number), None)
        spellings += [roman] if roman else []
        spellings += [f"{word} {s}" for word in words for s in (str(number), roman) if s]
        for spelling in spellings:
            if value_key(spelling or ""):
                index.setdefault(value_key(spelling), number)

    expected = Invalid(
        "expect.catalogue_group", groups=_numbers_text(numbers), word=(period.word("id"), period.word("en"))
    )

    def parse(value: object) -> int:
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value == int(value) and int(value) in numbers:
                return int(value)
            raise expected
        number = index.get(value_key(as_text(value)))
        if number is None:
            raise expected
        return number

    return parse


def _numbers_text(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    return f"{ordered[0]}–{ordered[-1]}" if ordered else "–"


def parse_years(value: object, period: Period) -> list[int]:
    """ "2021–2024", "2022, 2023", one year; blank = every year of the period; each year within the period."""
    expected = Invalid("expect.catalogue_years", first=period.first_year, last=period.last_year)
    if is_blank(value):
        return list(range(period.first_year, period.last_year + 1))
    if isinstance(value, bool):
        raise expected
    if isinstance(value, int | float):
        if value != int(value):
            raise expected
        years = [int(value)]
    else:
        text = as_text(value).replace("s.d.", "-").replace("s/d", "-")
        found = _RANGE.match(text)
        if found:
            first, last = int(found[1]), int(found[2])
            if first > last:
                raise expected
            years = list(range(first, last + 1))
        else:
            parts = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
            if not parts or not all(re.fullmatch(r"\d{4}", p) for p in parts):
                raise expected
            years = sorted({int(p) for p in parts})
    if not all(period.covers(year) for year in years):
        raise expected
    return years


def parse_supporting(value: object, agency) -> tuple[list[str], list[tuple[str, Invalid]]]:
    """Several K/L separated by ; , or line breaks: their codes, and each name that names no K/L.

    A comma may also stand inside a K/L's full name ("Kementerian Koordinator Bidang Politik, Hukum, dan
    Keamanan"): between two semicolons or line breaks, the longest run of comma-separated pieces that names a
    K/L is taken first."""
    codes: list[str] = []
    bad: list[tuple[str, Invalid]] = []
    for chunk in re.split(r"[;\n\r]+", as_text(value)):
        pieces = [p.strip() for p in chunk.split(",")]
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                name = ", ".join(p for p in pieces[start:end] if p)
                if not name:
                    break
                try:
                    code = agency(name)
                except Invalid as exc:
                    if end == start + 1:
                        bad.append((name, exc))
                    continue
                if code not in codes:
                    codes.append(code)
                break
            start = end
    return codes, bad


@dataclass
class _Mapped:
    sheet: Sheet
    header_index: int
    fields: dict[str, int]
    year_targets: dict[int, int]  # year → column
    names: dict[int, str]
    kept: list[int]


class _Problems:
    """Problems in file order, then capped as ingest caps them."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        self.items: list[tuple] = []

    def add(self, key: str, sheet=None, row=None, column=None, value=None, col: int = 0, **params: object) -> None:
        self.items.append((sheet or "", row or 0, col, Problem(key, self.file_name, sheet, row, column, value, params)))

    def invalid(self, sheet: Sheet, row: int, column: str, value: object, col: int, exc: Invalid) -> None:
        self.add("problem.invalid", sheet.name, row, column, as_text(value), col, expected=exc.key, **exc.params)

    def shown(self) -> tuple[list[Problem], int]:
        self.items.sort(key=lambda item: item[:3])
        total = len(self.items)
        shown = [item[3] for item in self.items[: config.MAX_REPORTED_ERRORS]]
        if total > config.MAX_REPORTED_ERRORS:
            more = {"more": total - config.MAX_REPORTED_ERRORS, "total": total}
            shown.append(Problem("problem.too_many_errors", self.file_name, params=more))
        return shown, total


def _map_sheet(sheet: Sheet, problems: _Problems) -> _Mapped | None:
    rows = sheet.rows
    header_index = None
    for index in range(min(HEADER_SEARCH_ROWS, len(rows))):
        recognised = {HEADER_FIELDS.get(header_key(c)) for c in rows[index] if not is_blank(c)}
        recognised.discard(None)
        if len(recognised) >= MIN_HEADER_FIELDS:
            header_index = index
            break
    if header_index is None:
        return None
    header_row = sheet.excel_row(header_index)
    fields: dict[str, int] = {}
    year_targets: dict[int, int] = {}
    names: dict[int, str] = {}
    for col, cell in enumerate(rows[header_index]):
        if is_blank(cell):
            continue
        name = " ".join(as_text(cell).split())
        names[col] = name
        key = header_key(cell)
        year_target = _YEAR_TARGET.match(key)
        if year_target:
            year_targets[int(year_target[1])] = col
            continue
        target = HEADER_FIELDS.get(key)
        if target is None:
            continue  # a "No" column or an extra one: not read
        if target in fields:
            problems.add(
                "problem.duplicate_column",
                sheet.name,
                header_row,
                name,
                name,
                col,
                other=names[fields[target]],
                field=target,
            )
            continue
        fields[target] = col
    read_cols = sorted(set(fields.values()) | set(year_targets.values()))
    code_col = fields.get("action_code")
    kept = []
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(not is_blank(row[c]) for c in read_cols if c < len(row)):
            continue
        has_code = code_col is not None and code_col < len(row) and not is_blank(row[code_col])
        first = next((c for c in row if not is_blank(c)), None)
        if not has_code and first is not None and value_key(as_text(first)) in contract.TOTAL_WORDS:
            continue
        kept.append(index)
    return _Mapped(sheet, header_index, fields, year_targets, names, kept)


def _number_style(mapped: list[_Mapped]) -> str | None:
    seen: set[str] = set()
    for item in mapped:
        cols = [c for c in (item.fields.get("target"),) if c is not None] + list(item.year_targets.values())
        for index in item.kept:
            seen.update(v for c in cols if isinstance(v := item.sheet.rows[index][c], str) and v.strip())
    styles = {contract.number_style(text) for text in seen}
    if "id" in styles and "en" in styles:
        return "conflict"
    return "id" if "id" in styles else "en" if "en" in styles else None


@dataclass
class Checked:
    """A catalogue file read and checked: its period and actions, or every problem."""

    period: Period | None
    actions: list[Action]
    problems: list[Problem]
    error_total: int

    @property
    def ok(self) -> bool:
        return self.error_total == 0


@dataclass(frozen=True)
class Known:
    """What a catalogue file is checked against, read from the store before the file is: the periods, the reference
    data (K/L), each period's groups. The file is read in the parsing sandbox's child, which opens no store."""

    periods: list[Period]
    reference: contract.Reference
    groups: dict[str, list[dict[str, Any]]]  # period code → its groups

    @classmethod
    def of(cls, store: Store) -> Known:
        periods = list_periods(store)
        return cls(periods, load_reference(store), {p.code: groups(store, p.code) for p in periods})


def check_file(data: bytes, file_name: str, period: Period | None, known: Known) -> Checked:
    """Read and check a catalogue file against what the store knows (no store: run in the sandbox's child)."""
    try:
        workbook = read(data, file_name)
    except Refused as refused:
        return Checked(period, [], refused.problems, len(refused.problems))
    problems = _Problems(file_name)
    mapped = []
    for sheet in workbook.sheets:
        if sheet.hidden:
            continue
        found = _map_sheet(sheet, problems)
        if found is not None:
            mapped.append(found)
    if not mapped:
        problems.add("catalogue.no_header")
    elif not any(m.kept for m in mapped):
        first = mapped[0]
        problems.add("problem.no_rows", first.sheet.name, first.sheet.excel_row(first.header_index))
    for item in mapped:
        for name in REQUIRED:
            if name not in item.fields:
                row = item.sheet.excel_row(item.header_index)
                problems.add("problem.missing_required_column", item.sheet.name, row, None, None, -1, field=name)
    period = period or _period_of_file(known.periods, mapped, problems)
    if period is None or problems.items:
        shown, total = problems.shown()
        return Checked(period, [], shown, total)

    group = group_parser(period, known.groups.get(period.code, []))
    style = _number_style(mapped)
    actions: list[Action] = []
    seen: dict[str, tuple[str, int]] = {}
    for item in mapped:
        for index in item.kept:
            action = _parse_row(item, index, period, known.periods, known.reference, group, style, problems)
            if action is None:
                continue
            if action.action_code in seen:
                other_sheet, other_row = seen[action.action_code]
                col = item.fields["action_code"]
                problems.add(
                    "catalogue.duplicate_code",
                    item.sheet.name,
                    action.source_row,
                    item.names[col],
                    action.action_code,
                    col,
                    other_sheet=other_sheet,
                    other_row=other_row,
                )
                continue
            seen[action.action_code] = (item.sheet.name, action.source_row)
            actions.append(action)
    shown, total = problems.shown()
    return Checked(period, actions if total == 0 else [], shown, total)


def _period_of_file(periods: list[Period], mapped: list[_Mapped], problems: _Problems) -> Period | None:
    """The period the file's Periode column names (the first row's; other rows are checked against it)."""
    for item in mapped:
        col = item.fields.get("period")
        if col is None:
            continue
        for index in item.kept:
            value = item.sheet.rows[index][col]
            if is_blank(value):
                continue
            found = find_period(periods, value)
            if found is None:
                problems.add(
                    "problem.invalid",
                    item.sheet.name,
                    item.sheet.excel_row(index),
                    item.names[col],
                    as_text(value),
                    col,
                    expected="expect.catalogue_period",
                    periods=", ".join(p.code for p in periods),
                )
                return None
            return found
    if not problems.items:
        problems.add("catalogue.no_period", periods=", ".join(p.code for p in periods))
    return None


def _parse_row(
    item: _Mapped,
    index: int,
    period: Period,
    periods: list[Period],
    reference: contract.Reference,
    group,
    style: str | None,
    problems: _Problems,
) -> Action | None:
    sheet = item.sheet
    row = sheet.rows[index]
    excel_row = sheet.excel_row(index)
    before = len(problems.items)
    values: dict[str, Any] = {}

    def cell(name: str) -> tuple[object, int | None]:
        col = item.fields.get(name)
        return (row[col] if col is not None and col < len(row) else None), col

    for name in FIELDS:
        value, col = cell(name)
        if col is None:
            continue
        column = item.names[col]
        if is_blank(value) and name != "years":
            if name in REQUIRED:
                problems.add("problem.required", sheet.name, excel_row, column, "", col, field=name)
            continue
        try:
            if name == "period":
                named = find_period(periods, value)
                if named is None or named.code != period.code:
                    problems.add(
                        "catalogue.other_period", sheet.name, excel_row, column, as_text(value), col, period=period.code
                    )
            elif name == "action_code":
                values[name] = contract.parse_action_code(value)
            elif name in TEXT_FIELDS:
                values[name] = " ".join(as_text(value).split())
            elif name == "pillar":
                values[name] = group(value)
            elif name == "lead_agency":
                values[name] = reference.agency(value)
            elif name == "supporting_agencies":
                codes, bad = parse_supporting(value, reference.agency)
                for text, exc in bad:
                    problems.invalid(sheet, excel_row, column, text, col, exc)
                values[name] = codes
            elif name == "years":
                values[name] = parse_years(value, period)
            elif name == "target":
                values[name] = _number(value, style)
        except Invalid as exc:
            problems.invalid(sheet, excel_row, column, value, col, exc)
    years = values.get("years") or list(range(period.first_year, period.last_year + 1))
    year_targets: dict[int, float | None] = dict.fromkeys(years)
    for year, col in item.year_targets.items():
        value = row[col] if col < len(row) else None
        if is_blank(value):
            continue
        try:
            number = _number(value, style)
        except Invalid as exc:
            problems.invalid(sheet, excel_row, item.names[col], value, col, exc)
            continue
        if year not in year_targets:
            problems.add(
                "catalogue.target_outside_years", sheet.name, excel_row, item.names[col], as_text(value), col, year=year
            )
            continue
        year_targets[year] = number
    if len(problems.items) > before:
        return None
    lead = values["lead_agency"]
    return Action(
        action_code=values["action_code"],
        action=values["action"],
        pillar=values["pillar"],
        lead_agency=lead,
        supporting=[code for code in values.get("supporting_agencies", []) if code != lead],
        years=year_targets,
        focus_area=values.get("focus_area"),
        indicator=values.get("indicator"),
        unit=values.get("unit"),
        target=values.get("target"),
        source_sheet=sheet.name,
        source_row=excel_row,
    )


def _number(value: object, style: str | None) -> float:
    if style == "conflict" and isinstance(value, str) and contract.number_style(value) in ("id", "en", "either"):
        raise Invalid("expect.number_conflict")
    return contract.parse_number(value, style)
