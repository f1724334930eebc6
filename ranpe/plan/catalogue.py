"""The action catalogue (matriks rencana aksi) of a plan period: its contract, import, versions and restore.

One row per action: its code, text, group (pillar or theme) of the period, lead K/L, supporting K/L, years and
targets (DOMAIN.md, "The plan itself"). A file is read by the submissions' reader (ranpe.ingest.reader) in the
parsing sandbox, every problem is named (file, sheet, row, column, value) and it is stored whole or not at all; a
refused one leaves only its record in the upload history (catalogue_refusals, numbered with the uploads). Each
import of a period's catalogue is a new version, the latest active; an older version can be made active again.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from ranpe import config, i18n
from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.i18n import t
from ranpe.ingest import contract, sandbox
from ranpe.ingest.contract import Invalid, as_text, header_key, is_blank, value_key
from ranpe.ingest.pipeline import _archive, problems_json
from ranpe.ingest.problems import Problem, Refused
from ranpe.ingest.reader import Sheet, read
from ranpe.ingest.reference import load_reference
from ranpe.plan.periods import Period, groups, list_periods
from ranpe.store import sql
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


class UsageError(ValueError):
    """A period given at import that names no period (message in both languages)."""

    def __init__(self, key: str, **values: object):
        super().__init__(f"{t(key, 'id', **values)} / {t(key, 'en', **values)}")
        self.key = key


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


@dataclass
class CatalogueResult:
    """What happened to one catalogue file; shaped like an ingest result (stored / unchanged / refused)."""

    file_name: str
    status: str  # stored | unchanged | refused | checked (dry run)
    period_code: str | None = None
    version_id: int | None = None
    upload_id: int | None = None  # a refused import's number in the upload history (numbered with the uploads)
    actions: list[Action] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error_total: int = 0
    first_imported_at: datetime | None = None

    @property
    def rows(self) -> int:
        return len(self.actions)

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "status": self.status,
            "period": self.period_code,
            "version_id": self.version_id,
            "upload_id": self.upload_id,
            "actions": len(self.actions),
            "errors": [
                {k: v for k, v in p.as_dict(lang).items() if k in ("sheet", "row", "column", "value", "message")}
                for p in self.problems
            ],
            "error_total": self.error_total,
            "warnings": [p.as_dict(lang) for p in self.warnings],
            "first_imported_at": self.first_imported_at.isoformat() if self.first_imported_at else None,
        }

    def message(self, lang: str = "id") -> str:
        if self.status == "stored":
            count = len(self.actions)
            return t("catalogue.stored", lang, count=count, period=self.period_code, version=self.version_id)
        if self.status == "unchanged":
            return t(
                "catalogue.unchanged",
                lang,
                when=i18n.fmt_date(self.first_imported_at, lang, with_time=True),
                version=self.version_id,
            )
        if self.status == "checked":
            return t("catalogue.checked", lang, count=len(self.actions), period=self.period_code)
        return t("result.refused", lang, count=self.error_total)


def find_period(periods: list[Period], value: object) -> Period | None:
    """The period named by its code or name (id or en), any case."""
    key = value_key(as_text(value))
    return next(
        (p for p in periods if key in (value_key(p.code), value_key(p.name), value_key(p.name_en))),
        None,
    )


def resolve_period(store: Store, value: object) -> Period | None:
    """The period given at import (None when none was given); raises UsageError for a name of no period."""
    if value in (None, ""):
        return None
    periods = list_periods(store)
    found = find_period(periods, value)
    if found is None:
        raise UsageError("catalogue.unknown_period", value=value, periods=", ".join(p.code for p in periods))
    return found


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


def check_bytes(store: Store, data: bytes, file_name: str, period: Period | None = None) -> Checked:
    """Read and check a catalogue file without storing it, in the parsing sandbox (ranpe.ingest.sandbox: a child
    process under a time and a memory limit) as a submission is: a file that outlasts them is refused."""
    return sandbox.run(check_file, (data, file_name, period, Known.of(store)), partial(_refusal, file_name, period))


def _refusal(file_name: str, period: Period | None, key: str, **params: object) -> Checked:
    return Checked(period, [], [Problem(key, file_name, params=params)], 1)


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


def import_bytes(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    period: object = None,
    actor: Actor,
    is_demo: bool = False,
    imported_at: datetime | None = None,
    dry_run: bool = False,
) -> CatalogueResult:
    """Check a catalogue file and store it whole as its period's new active version, or refuse it whole and record
    the refusal in the upload history (who, when, file, hash, every problem; no version, nothing else kept)."""
    if not dry_run:
        require(actor, "analyst", "catalogue import")
    display_name = Path(str(file_name).replace("\\", "/")).name or "catalogue"
    given = resolve_period(store, period)
    sha256 = hashlib.sha256(data).hexdigest()
    checked = check_bytes(store, data, display_name, given)
    result = CatalogueResult(
        display_name,
        "refused",
        checked.period.code if checked.period else None,
        actions=checked.actions,
        problems=checked.problems,
        error_total=checked.error_total,
    )
    if not checked.ok:
        if not dry_run:
            result.upload_id = _record_refusal(store, result, sha256, actor, imported_at or datetime.now())
        return result
    if dry_run:
        result.status = "checked"
        return result
    code = checked.period.code
    active = store.query_rows("plan/catalogue_active_version", period=code, as_of=None)
    if active and active[0]["sha256"] == sha256:
        result.status = "unchanged"
        result.version_id = int(active[0]["version_id"])
        result.first_imported_at = active[0]["imported_at"]
        return result
    when = imported_at or datetime.now()
    archive_name = f"{uuid.uuid4().hex}.{'csv' if display_name.lower().endswith('.csv') else 'xlsx'}"
    # The embedded store archives the original as a file before the transaction; the shared one in it.
    archive_path = None if store.is_lake else _archive(store, data, archive_name)
    try:
        with store.transaction() as cur:
            if store.is_lake:
                cur.execute(sql.load("store/original_insert"), {"archive_path": archive_name, "content": data})
            ids = cur.execute(sql.load("plan/catalogue_next_ids")).fetchone()
            version_id, activation_id = int(ids[0]), int(ids[1])
            cur.execute(
                sql.load("plan/catalogue_insert_version"),
                {
                    "version_id": version_id,
                    "period": code,
                    "file_name": display_name,
                    "sha256": sha256,
                    "archive_path": archive_name,
                    "imported_at": when,
                    "imported_by": actor.name,
                    "action_count": len(checked.actions),
                    "is_demo": is_demo,
                },
            )
            _insert_actions(cur, version_id, checked.actions)
            cur.execute(
                sql.load("plan/catalogue_activate"),
                {
                    "activation_id": activation_id,
                    "period": code,
                    "version_id": version_id,
                    "activated_at": when,
                    "activated_by": actor.name,
                },
            )
            audit.write(
                cur,
                actor,
                "upload",
                {"catalogue_version": version_id, "period": code, "file": display_name, "sha256": sha256},
            )
    except BaseException:
        if archive_path is not None:
            archive_path.unlink(missing_ok=True)
        raise
    result.status = "stored"
    result.version_id = version_id
    return result


def _record_refusal(store: Store, result: CatalogueResult, sha256: str, actor: Actor, when: datetime) -> int:
    """Record a refused catalogue import as a refused upload is recorded: numbered with the uploads, audited."""
    return record_refusal(
        store,
        "plan/catalogue_insert_refusal",
        {"period": result.period_code, "error_count": result.error_total},
        {"catalogue": True, "period": result.period_code, "errors": result.error_total},
        (result.file_name, sha256, result.problems),
        actor,
        when,
    )


def record_refusal(
    store: Store,
    query: str,
    fields: dict[str, Any],
    details: dict[str, Any],
    refused: tuple[str, str, list[Problem]],
    actor: Actor,
    when: datetime,
) -> int:
    """Keep a refused plan file (catalogue or crosswalk) in the history: its record (query, with the fields of its
    kind) numbered with the uploads inside the write, and the refusal audited with the details of its kind; the
    upload number it took."""
    file_name, sha256, problems = refused
    with store.transaction() as cur:
        upload_id = int(cur.execute(sql.load("ingest/next_upload_id")).fetchone()[0])
        record = {"upload_id": upload_id, "file_name": file_name, "sha256": sha256, "uploaded_at": when}
        record |= {"uploaded_by": actor.name, "errors": problems_json(problems)}
        cur.execute(sql.load(query), record | fields)
        audit.write(cur, actor, "refuse", {"upload_id": upload_id, "file": file_name, "sha256": sha256} | details)
    return upload_id


def _insert_actions(cur, version_id: int, actions: list[Action]) -> None:
    import pyarrow as pa

    table = pa.table(
        {
            "action_code": [a.action_code for a in actions],
            "action": [a.action for a in actions],
            "pillar": pa.array([a.pillar for a in actions], pa.int32()),
            "focus_area": pa.array([a.focus_area for a in actions], pa.string()),
            "lead_agency": [a.lead_agency for a in actions],
            "indicator": pa.array([a.indicator for a in actions], pa.string()),
            "unit": pa.array([a.unit for a in actions], pa.string()),
            "target": pa.array([a.target for a in actions], pa.float64()),
            "source_sheet": [a.source_sheet for a in actions],
            "source_row": pa.array([a.source_row for a in actions], pa.int32()),
        }
    )
    supporting = pa.table(
        {
            "action_code": pa.array([a.action_code for a in actions for _ in a.supporting], pa.string()),
            "agency_code": pa.array([code for a in actions for code in a.supporting], pa.string()),
        }
    )
    years = pa.table(
        {
            "action_code": pa.array([a.action_code for a in actions for _ in a.years], pa.string()),
            "year": pa.array([year for a in actions for year in a.years], pa.int32()),
            "target": pa.array([target for a in actions for target in a.years.values()], pa.float64()),
        }
    )
    for name, rows in (("incoming_actions", table), ("incoming_supporting", supporting), ("incoming_years", years)):
        cur.register(name, rows)
    try:
        for name in (
            "plan/catalogue_insert_actions",
            "plan/catalogue_insert_supporting",
            "plan/catalogue_insert_years",
        ):
            cur.execute(sql.load(name), {"version_id": version_id})
    finally:
        for name in ("incoming_actions", "incoming_supporting", "incoming_years"):
            cur.unregister(name)


def import_path(store: Store, path: Path | str, **options: Any) -> CatalogueResult:
    """import_bytes for a file on disk."""
    path = Path(path)
    return import_bytes(store, path.read_bytes(), path.name, **options)


def versions(store: Store, period: str | None = None) -> list[dict[str, Any]]:
    """Every imported version (of one period, or all), newest first, with whether it is the active one."""
    return store.query_rows("plan/catalogue_versions", period=period)


def restore_version(store: Store, version_id: int, *, actor: Actor, restored_at: datetime | None = None) -> str:
    """Make an earlier version its period's catalogue again; the period's code."""
    require(actor, "analyst", "restore")
    found = [v for v in versions(store) if int(v["version_id"]) == int(version_id)]
    if not found:
        raise LookupError(version_id)
    period = found[0]["period_code"]
    with store.transaction() as cur:
        activation_id = int(cur.execute(sql.load("plan/catalogue_next_ids")).fetchone()[1])
        cur.execute(
            sql.load("plan/catalogue_activate"),
            {
                "activation_id": activation_id,
                "period": period,
                "version_id": int(version_id),
                "activated_at": restored_at or datetime.now(),
                "activated_by": actor.name,
            },
        )
        audit.write(cur, actor, "restore", {"catalogue_version": int(version_id), "period": period})
    return period


def actions(store: Store, period: str) -> list[dict[str, Any]]:
    """The active catalogue of a period: each action with its lead, supporting K/L (codes, "; ") and years."""
    return store.query_rows("plan/catalogue_actions", period=period, as_of=None)


def has_catalogue(store: Store, period: str) -> bool:
    return bool(store.query_rows("plan/catalogue_active_version", period=period, as_of=None))


def remove_demo(store: Store, *, actor: Actor) -> int:
    """Delete the demo's catalogue versions (their actions, activations and archived files) and its crosswalk;
    the number of versions removed."""
    require(actor, "analyst", "remove demo data")
    archives = store.query_rows("plan/catalogue_demo_archives")
    with store.transaction() as cur:
        for name in (
            *(["plan/delete_demo_catalogue_originals"] if store.is_lake else []),
            "plan/delete_demo_catalogue_actions",
            "plan/delete_demo_catalogue_supporting",
            "plan/delete_demo_catalogue_years",
            "plan/delete_demo_catalogue_activations",
            "plan/delete_demo_catalogue_versions",
            "plan/delete_demo_crosswalk",
        ):
            cur.execute(sql.load(name))
    for row in [] if store.is_lake else archives:
        (store.uploads_dir / row["archive_path"]).unlink(missing_ok=True)
    return len(archives)
