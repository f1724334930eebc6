"""Validation of a read file against the submission contract: header, columns, every value, duplicates.

Every problem is collected (not only the first), each with the file, sheet, Excel row, the column as
the file names it, and the value. Values are parsed column by column with a cache per distinct value,
so a 100,000-row sheet costs one parse per distinct text, not one per cell.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ranpe import config
from ranpe.ingest import contract
from ranpe.ingest.contract import Invalid, as_text, header_key, is_blank
from ranpe.ingest.problems import Problem
from ranpe.ingest.reader import Sheet, Workbook, column_letter

HEADER_SEARCH_ROWS = 20
MIN_HEADER_FIELDS = 3

ROW_SCHEMA = pa.schema(
    [
        ("year", pa.int32()),
        ("quarter", pa.int32()),
        ("agency_code", pa.string()),
        ("pillar", pa.int32()),
        ("action_code", pa.string()),
        ("action", pa.string()),
        ("province_code", pa.string()),
        ("committed", pa.bool_()),
        ("status", pa.string()),
        ("target", pa.float64()),
        ("realization", pa.float64()),
        ("output", pa.string()),
        ("obstacles", pa.string()),
        ("follow_up", pa.string()),
        ("notes", pa.string()),
        ("extra", pa.map_(pa.string(), pa.string())),
        ("source_sheet", pa.string()),
        ("source_row", pa.int32()),
    ]
)
_OUTPUT_NAMES = {"agency": "agency_code", "province": "province_code"}


@dataclass
class Given:
    """Year, quarter and agency given at upload for the whole file."""

    year: int | None = None
    quarter: int | None = None
    agency: str | None = None

    def get(self, name: str) -> Any:
        return getattr(self, name)


@dataclass
class SheetReport:
    """What was understood of one sheet."""

    name: str
    status: str  # read | hidden | no_header
    header_row: int | None = None
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header in the file, field|extra|row_number)
    rows: int = 0


@dataclass
class Validation:
    file_name: str
    problems: list[Problem]
    warnings: list[Problem]
    sheets: list[SheetReport]
    error_total: int
    table: pa.Table | None = None
    found: Found | None = None

    @property
    def ok(self) -> bool:
        return self.error_total == 0

    def summary(self) -> dict[str, Any]:
        """The K/L (codes, and their short names), periods and pillars read, also from a refused file; for a
        valid one, also its (K/L, year, quarter, pillar) slices with their rows, as parallel lists."""
        found = self.found or Found()
        summary: dict[str, Any] = {
            "agencies": sorted(found.agencies),
            "agency_names": {code: found.agency_names.get(code, code) for code in sorted(found.agencies)},
            "periods": [list(p) for p in sorted(found.periods)],
            "pillars": sorted(found.pillars),
        }
        if self.table is not None and self.table.num_rows:
            counts = (
                self.table.group_by(["agency_code", "year", "quarter", "pillar"], use_threads=False)
                .aggregate([([], "count_all")])
                .to_pydict()
            )
            summary["slices"] = {
                "agencies": counts["agency_code"],
                "years": counts["year"],
                "quarters": counts["quarter"],
                "pillars": counts["pillar"],
                "row_counts": counts["count_all"],
            }
        return summary


@dataclass
class Found:
    """The K/L, (year, quarter) periods and pillars read from a file's valid values, whatever else is wrong."""

    agencies: set[str] = field(default_factory=set)
    periods: set[tuple[int, int]] = field(default_factory=set)
    pillars: set[int] = field(default_factory=set)
    agency_names: dict[str, str] = field(default_factory=dict)

    def add(self, out: dict[str, list]) -> None:
        self.agencies.update(code for code in out["agency"] if code is not None)
        self.pillars.update(pillar for pillar in out["pillar"] if pillar is not None)
        self.periods.update(
            (year, quarter)
            for year, quarter in set(zip(out["year"], out["quarter"], strict=True))
            if year is not None and quarter is not None
        )


@dataclass
class _Mapped:
    """A sheet after its header was found: which column holds which field, and its data rows."""

    sheet: Sheet
    report: SheetReport
    header_index: int
    fields: dict[str, int]
    extras: list[tuple[str, int]]
    names: dict[int, str]  # column index → header as the file names it
    kept: list[int]  # indexes into sheet.rows of the data rows (blank and total rows left out)


class _Collector:
    """Problems as light tuples while validating; sorted and capped at the end."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        self.items: list[tuple] = []

    def add(
        self,
        key: str,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: str | None = None,
        col_order: int = 0,
        **params: object,
    ) -> None:
        self.items.append((sheet or "", row or 0, col_order, key, column, value, params))

    def problems(self) -> tuple[list[Problem], int]:
        self.items.sort(key=lambda item: (item[0], item[1], item[2]))
        total = len(self.items)
        shown = [
            Problem(key, self.file_name, sheet or None, row or None, column, value, params)
            for sheet, row, _, key, column, value, params in self.items[: config.MAX_REPORTED_ERRORS]
        ]
        if total > config.MAX_REPORTED_ERRORS:
            shown.append(
                Problem(
                    "problem.too_many_errors",
                    self.file_name,
                    params={"more": total - config.MAX_REPORTED_ERRORS, "total": total},
                )
            )
        return shown, total


def validate(workbook: Workbook, file_name: str, given: Given, reference: contract.Reference) -> Validation:
    """Check every sheet and value; build the normalised rows when nothing is wrong."""
    errors = _Collector(file_name)
    warnings = _Collector(file_name)
    mapped: list[_Mapped] = []
    reports: list[SheetReport] = []
    for sheet in workbook.sheets:
        if sheet.hidden:
            reports.append(SheetReport(sheet.name, "hidden"))
            continue
        found = _map_sheet(sheet, errors)
        if found is None:
            reports.append(SheetReport(sheet.name, "no_header"))
            continue
        reports.append(found.report)
        mapped.append(found)

    if not mapped:
        errors.add("problem.no_header")
    elif sum(len(m.kept) for m in mapped) == 0:
        first = mapped[0]
        errors.add("problem.no_rows", first.sheet.name, first.sheet.excel_row(first.header_index))

    style = _number_style(mapped)
    tables = []
    found = Found()
    for item in mapped:
        if not item.kept:  # a header with no rows under it: nothing to parse (no_rows is told above)
            continue
        columns = _parse_sheet(item, given, reference, style, errors, found)
        if columns is not None:
            tables.append(columns)
    table = None
    if not errors.items and tables:
        table = pa.concat_tables(tables)
        table = _check_duplicates(table, errors, warnings)
    problems, total = errors.problems()
    shown_warnings, _ = warnings.problems()
    for warning in shown_warnings:
        warning.severity = "warning"
    labels = reference.labels.get("agency", {})
    found.agency_names = {code: labels[code][0] for code in found.agencies if code in labels}
    return Validation(file_name, problems, shown_warnings, reports, total, table if total == 0 else None, found)


def _map_sheet(sheet: Sheet, errors: _Collector) -> _Mapped | None:
    rows = sheet.rows
    header_index = None
    for index in range(min(HEADER_SEARCH_ROWS, len(rows))):
        recognised = {contract.HEADER_FIELDS.get(header_key(c)) for c in rows[index] if not is_blank(c)}
        recognised.discard(None)
        if len(recognised) >= MIN_HEADER_FIELDS:
            header_index = index
            break
    if header_index is None:
        return None
    header = rows[header_index]
    header_row = sheet.excel_row(header_index)
    data = rows[header_index + 1 :]
    fields: dict[str, int] = {}
    extras: list[tuple[str, int]] = []
    names: dict[int, str] = {}
    described: list[tuple[str, str]] = []
    for col, cell in enumerate(header):
        if is_blank(cell):
            if not any(not is_blank(r[col]) for r in data):
                continue
            name = f"{column_letter(col)}"
            names[col] = name
            extras.append((name, col))
            described.append((name, "extra"))
            continue
        name = " ".join(as_text(cell).split())
        names[col] = name
        key = header_key(cell)
        target = contract.HEADER_FIELDS.get(key)
        if target is None:
            if key in contract.ROW_NUMBER_KEYS:
                described.append((name, "row_number"))
            else:
                extras.append((name, col))
                described.append((name, "extra"))
            continue
        if target in fields:
            errors.add(
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
        described.append((name, target))

    data_cols = sorted(set(fields.values()) | {c for _, c in extras})
    code_col = fields.get("action_code")
    first_data = header_index + 1
    if code_col is None:
        with_code: set[int] = set()
    else:
        with_code = {
            offset
            for offset, row in enumerate(data)
            if (value := row[code_col]) is not None and value != "" and not (value.__class__ is str and value.isspace())
        }
    kept = []
    for offset, row in enumerate(data):
        if offset in with_code:
            kept.append(first_data + offset)
            continue
        values = [row[c] for c in data_cols if not is_blank(row[c])]
        if not values:
            continue
        first = next((c for c in row if not is_blank(c)), None)
        if first is not None and contract.value_key(as_text(first)) in contract.TOTAL_WORDS:
            continue
        kept.append(first_data + offset)
    report = SheetReport(sheet.name, "read", header_row, described, len(kept))
    return _Mapped(sheet, report, header_index, fields, extras, names, kept)


def _number_style(mapped: list[_Mapped]) -> str | None:
    """The file's number style from its own text cells: 'id', 'en', 'conflict' or None (no evidence)."""
    seen: set[str] = set()
    for item in mapped:
        rows = item.sheet.rows
        for name in contract.NUMBER_FIELDS:
            col = item.fields.get(name)
            if col is not None:
                seen.update(v for v in {rows[i][col] for i in item.kept} if isinstance(v, str) and v.strip())
    styles = {contract.number_style(text) for text in seen}
    has_id, has_en = "id" in styles, "en" in styles
    if has_id and has_en:
        return "conflict"
    return "id" if has_id else "en" if has_en else None


def _parser(name: str, reference: contract.Reference, style: str | None):
    if name == "year":
        return reference.year
    if name == "quarter":
        return contract.parse_quarter
    if name == "agency":
        return reference.agency
    if name == "pillar":
        return reference.pillar
    if name == "province":
        return reference.province
    if name == "action_code":
        return contract.parse_action_code
    if name == "committed":
        return contract.parse_committed
    if name == "status":
        return contract.parse_status
    if name in contract.NUMBER_FIELDS:
        if style == "conflict":

            def conflicted(value: object) -> float:
                if isinstance(value, str) and contract.number_style(value) == "either":
                    raise Invalid("expect.number_conflict", **contract.ambiguous_readings(value))
                return contract.parse_number(value, None)

            return conflicted
        return lambda value: contract.parse_number(value, style)
    return as_text


class _Blank:
    """Marks an empty cell in a parsed column."""


class _Bad:
    """Marks a value that failed its parser: the translation key of what was expected, and its parameters
    (a near-miss's suggestion, an ambiguous number's two readings)."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, params: dict[str, object]):
        self.key = key
        self.params = params


_BLANK = _Blank()


def _parse_distinct(values: list[object], parse) -> tuple[list[object], bool, bool]:
    """Parse each distinct value once: the parsed column (with _BLANK and _Bad markers), any blank, any bad."""
    kinds = set(map(type, values))
    # True == 1.0 for a dict, so a column mixing booleans and numbers is keyed by (type, value).
    mixed = bool in kinds and (int in kinds or float in kinds)
    keys = [(type(v), v) for v in values] if mixed else values
    mapping: dict[object, object] = {}
    for key in dict.fromkeys(keys):
        value = key[1] if mixed else key
        if is_blank(value):
            mapping[key] = _BLANK
            continue
        try:
            mapping[key] = parse(value)
        except Invalid as exc:
            mapping[key] = _Bad(exc.key, exc.params)
    results = mapping.values()
    has_blank = any(v is _BLANK for v in results)
    has_bad = any(isinstance(v, _Bad) for v in results)
    return list(map(mapping.__getitem__, keys)), has_blank, has_bad


def _parse_groups(
    values: list[object], years: list[int | None], reference: contract.Reference
) -> tuple[list[object], bool, bool]:
    """The pillar column, each value read as a group of its row's year's period (a row whose year is refused or
    missing is told about its year only, unless there is one period: then its groups are the only ones)."""
    by_year: dict[int | None, list[int]] = {}
    for position, year in enumerate(years):
        by_year.setdefault(year, []).append(position)
    parsed: list[object] = [None] * len(values)
    any_blank = any_bad = False
    for year, positions in by_year.items():
        if year is None and len(reference.periods) <= 1:
            parse = reference.pillar  # one period only: its groups, whatever the unread year
        elif year is None or (reference.periods and reference.period_of(year) is None):
            parse = _unread
        else:
            parse = functools.partial(reference.pillar, year=year)
        subset = values if len(by_year) == 1 else [values[i] for i in positions]
        result, has_blank, has_bad = _parse_distinct(subset, parse)
        any_blank, any_bad = any_blank or has_blank, any_bad or has_bad
        if len(by_year) == 1:
            return result, has_blank, has_bad
        for position, value in zip(positions, result, strict=True):
            parsed[position] = value
    return parsed, any_blank, any_bad


def _unread(value: object) -> None:
    """A value left unread: its row's year is refused, so its group cannot be known."""
    return None


def _parse_sheet(
    item: _Mapped, given: Given, reference: contract.Reference, style: str | None, errors: _Collector, found: Found
) -> pa.Table | None:
    sheet = item.sheet
    rows = sheet.rows
    kept = item.kept
    kept_rows = [rows[i] for i in kept]
    columns = list(zip(*kept_rows, strict=True)) if kept_rows else []
    excel_rows = [sheet.excel_row(i) for i in kept]
    header_row = sheet.excel_row(item.header_index)
    formula_cells = set(sheet.formulas_without_value)
    before = len(errors.items)
    if formula_cells:
        _formulas_without_value(item, excel_rows, formula_cells, errors)
    out: dict[str, list] = {}

    for name in contract.FIELDS:
        col = item.fields.get(name)
        given_value = given.get(name) if name in contract.GIVEN_AT_UPLOAD else None
        if col is None:
            if given_value is None and name in contract.REQUIRED:
                key = "problem.missing_column"
                if name not in contract.GIVEN_AT_UPLOAD:
                    key = "problem.missing_required_column"
                errors.add(key, sheet.name, header_row, None, None, -1, field=name)
            out[name] = [given_value] * len(kept)
            continue
        raw_values = columns[col]
        required = name in contract.REQUIRED
        if name in contract.TEXT_FIELDS and set(map(type, raw_values)) == {str}:
            out[name] = [text or None for text in map(str.strip, raw_values)]
            continue
        if name == "pillar":
            parsed, has_blank, has_bad = _parse_groups(raw_values, out["year"], reference)
        else:
            parsed, has_blank, has_bad = _parse_distinct(raw_values, _parser(name, reference, style))
        if not (has_blank or has_bad or given_value is not None):
            out[name] = parsed
            continue
        if not (has_bad or required or given_value is not None or formula_cells):
            out[name] = [None if value is _BLANK else value for value in parsed]
            continue
        column_name = item.names[col]
        for position, value in enumerate(parsed):
            if value is _BLANK:
                if (excel_rows[position], col) in formula_cells:
                    value = None  # told once for every stored column by _formulas_without_value
                elif given_value is not None:
                    value = given_value
                elif required:
                    errors.add("problem.required", sheet.name, excel_rows[position], column_name, "", col, field=name)
                    value = None
                else:
                    value = None
            elif isinstance(value, _Bad):
                errors.add(
                    "problem.invalid",
                    sheet.name,
                    excel_rows[position],
                    column_name,
                    as_text(raw_values[position]),
                    col,
                    expected=value.key,
                    **value.params,
                )
                value = None
            elif given_value is not None and value != given_value:
                errors.add(
                    "problem.contradicts_given",
                    sheet.name,
                    excel_rows[position],
                    column_name,
                    as_text(raw_values[position]),
                    col,
                    field=name,
                    given=given_value,
                )
            parsed[position] = value
        out[name] = parsed

    found.add(out)
    if len(errors.items) > before or not kept:
        return None
    if item.extras:
        extras = [
            [(label, as_text(row[col])) for label, col in item.extras if not is_blank(row[col])] or None
            for row in kept_rows
        ]
    else:
        extras = [None] * len(kept)
    arrays = {_OUTPUT_NAMES.get(name, name): out[name] for name in contract.FIELDS}
    arrays["extra"] = extras
    arrays["source_sheet"] = [sheet.name] * len(kept)
    arrays["source_row"] = excel_rows
    return pa.table({f.name: pa.array(arrays[f.name], type=f.type) for f in ROW_SCHEMA}, schema=ROW_SCHEMA)


def _formulas_without_value(
    item: _Mapped, excel_rows: list[int], formula_cells: set[tuple[int, int]], errors: _Collector
) -> None:
    """A formula with no stored value is an error in every column that is stored, text, number or extra alike."""
    stored_columns = set(item.fields.values()) | {col for _, col in item.extras}
    data_rows = set(excel_rows)
    for row, col in sorted(formula_cells):
        if row in data_rows and col in stored_columns:
            errors.add("problem.formula_no_value", item.sheet.name, row, item.names[col], "", col)


_KEY_COLUMNS = ("year", "quarter", "agency_code", "action_code", "province_code")
_CONTENT_COLUMNS = tuple(
    f.name for f in ROW_SCHEMA if f.name not in (*_KEY_COLUMNS, "extra", "source_sheet", "source_row")
)


def _check_duplicates(table: pa.Table, errors: _Collector, warnings: _Collector) -> pa.Table:
    """Conflicting rows with one key are errors; identical ones a warning, kept once."""
    counts = table.select(list(_KEY_COLUMNS)).group_by(list(_KEY_COLUMNS), use_threads=False).aggregate([])
    if counts.num_rows == table.num_rows:
        return table
    keys = list(zip(*(table.column(c).to_pylist() for c in _KEY_COLUMNS), strict=True))
    first_seen: dict[tuple, int] = {}
    duplicates = []
    for index, key in enumerate(keys):
        if key in first_seen:
            duplicates.append((first_seen[key], index))
        else:
            first_seen[key] = index
    sheets = table.column("source_sheet").to_pylist()
    rows = table.column("source_row").to_pylist()
    content = {c: table.column(c).to_pylist() for c in _CONTENT_COLUMNS}
    drop = set()
    for first, later in duplicates:
        if all(content[c][first] == content[c][later] for c in _CONTENT_COLUMNS):
            warnings.add(
                "warning.duplicate_identical",
                sheets[later],
                rows[later],
                None,
                keys[later][3],
                0,
                other_row=rows[first],
                other_sheet=sheets[first],
            )
            drop.add(later)
        else:
            for this, other in ((first, later), (later, first)):
                errors.add(
                    "problem.duplicate_key",
                    sheets[this],
                    rows[this],
                    None,
                    keys[this][3],
                    0,
                    other_row=rows[other],
                    other_sheet=sheets[other],
                )
    if errors.items:
        return table
    return table.filter(pa.array([i not in drop for i in range(table.num_rows)]))
