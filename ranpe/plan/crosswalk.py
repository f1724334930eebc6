"""The crosswalk: how the action codes of one plan period continue in the next (same, split, merged, new, ended).

A file (.xlsx/.csv, read by the submissions' reader) has the columns from_period, from_code, to_period, to_code,
relation; every problem is named (file, sheet, row, column, value) and it is stored whole or not at all. An import
replaces the crosswalk of each (from period, to period) pair it holds. A refused one leaves only its record in the
upload history (crosswalk_refusals, numbered with the uploads), as a refused catalogue does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.i18n import t
from ranpe.ingest import sandbox
from ranpe.ingest.contract import as_text, header_key, is_blank, value_key
from ranpe.ingest.problems import Problem, Refused
from ranpe.ingest.reader import Workbook, read
from ranpe.plan.catalogue import record_refusal
from ranpe.plan.catalogue_file import find_period
from ranpe.plan.periods import list_periods
from ranpe.store import sql
from ranpe.store.connection import Store

FIELDS = ("from_period", "from_code", "to_period", "to_code", "relation")
RELATIONS = ("same", "split", "merged", "new", "ended")
# The relation as written in Indonesian is accepted too.
_RELATION_WORDS = {
    **{r: r for r in RELATIONS},
    "sama": "same",
    "dipecah": "split",
    "pecah": "split",
    "digabung": "merged",
    "gabung": "merged",
    "baru": "new",
    "berakhir": "ended",
    "selesai": "ended",
}
HEADER_FIELDS = {header_key(name): name for name in FIELDS} | {
    header_key("Periode asal"): "from_period",
    header_key("Kode asal"): "from_code",
    header_key("Periode tujuan"): "to_period",
    header_key("Kode tujuan"): "to_code",
    header_key("Hubungan"): "relation",
}
HEADER_SEARCH_ROWS = 20
MIN_HEADER_FIELDS = 3


@dataclass
class CrosswalkResult:
    """What happened to one crosswalk file (stored or refused, with every problem)."""

    file_name: str
    status: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    upload_id: int | None = None  # a refused import's number in the upload history (numbered with the uploads)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return sorted({(r["from_period"], r["to_period"]) for r in self.rows})

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "status": self.status,
            "rows": len(self.rows),
            "pairs": [{"from_period": a, "to_period": b} for a, b in self.pairs],
            "errors": [
                {k: v for k, v in p.as_dict(lang).items() if k in ("sheet", "row", "column", "value", "message")}
                for p in self.problems
            ],
            "error_total": len(self.problems),
            "upload_id": self.upload_id,
        }

    def message(self, lang: str = "id") -> str:
        if self.status == "stored":
            pairs = ", ".join(f"{a} → {b}" for a, b in self.pairs)
            return t("crosswalk.stored", lang, count=len(self.rows), pairs=pairs)
        return t("result.refused", lang, count=len(self.problems))


def _read(data: bytes, file_name: str) -> tuple[Workbook | None, list[Problem]]:
    """The file's sheets, or the reader's refusal (run in the parsing sandbox's child)."""
    try:
        return read(data, file_name), []
    except Refused as refused:
        return None, refused.problems


def _refusal(file_name: str, key: str, **params: object) -> tuple[None, list[Problem]]:
    return None, [Problem(key, file_name, params=params)]


def check_bytes(store: Store, data: bytes, file_name: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The crosswalk rows of a file, or every problem (then no rows). The file is read in the parsing sandbox
    (ranpe.ingest.sandbox), as a submission or a catalogue is; its rows are checked here against the catalogues."""
    workbook, refused = sandbox.run(_read, (data, file_name), partial(_refusal, file_name))
    if workbook is None:
        return [], refused
    problems: list[Problem] = []
    periods = list_periods(store)
    codes: dict[str, set[str] | None] = {}

    def catalogue_codes(period: str) -> set[str] | None:
        if period not in codes:
            rows = store.query_rows("plan/catalogue_actions", period=period, as_of=None)
            codes[period] = {r["action_code"] for r in rows} if rows else None
        return codes[period]

    out: list[dict[str, Any]] = []
    seen: dict[tuple, int] = {}
    found_header = False
    for sheet in workbook.sheets:
        if sheet.hidden:
            continue
        header_index, columns = _header(sheet.rows)
        if header_index is None:
            continue
        found_header = True
        names = {col: " ".join(as_text(sheet.rows[header_index][col]).split()) for col in columns.values()}
        for name in FIELDS:
            if name not in columns:
                row = sheet.excel_row(header_index)
                problems.append(
                    Problem("problem.missing_required_column", file_name, sheet.name, row, params={"field": name})
                )
        if any(name not in columns for name in FIELDS):
            continue
        headers = {name: names[col] for name, col in columns.items()}
        for index in range(header_index + 1, len(sheet.rows)):
            cells = sheet.rows[index]
            raw = {name: cells[col] if col < len(cells) else None for name, col in columns.items()}
            if all(is_blank(v) for v in raw.values()):
                continue
            place = _Place(file_name, sheet.name, sheet.excel_row(index), raw, headers)
            row = _check_row(place, periods, catalogue_codes)
            if place.problems:
                problems.extend(place.problems)
                continue
            key = tuple(row[name] for name in FIELDS)
            if key in seen:
                place.add("crosswalk.duplicate", "from_code", other_row=seen[key])
                problems.extend(place.problems)
                continue
            seen[key] = place.row
            out.append(row)
    if not found_header:
        problems.append(Problem("crosswalk.no_header", file_name))
    elif not out and not problems:
        problems.append(Problem("problem.no_rows", file_name))
    return (out if not problems else []), problems


@dataclass
class _Place:
    """One row of a crosswalk file, its cells by field and the problems found in it."""

    file_name: str
    sheet: str
    row: int
    raw: dict[str, object]
    columns: dict[str, str]
    problems: list[Problem] = field(default_factory=list)

    def add(self, key: str, name: str, **params: object) -> None:
        value = "" if is_blank(self.raw[name]) else as_text(self.raw[name])
        self.problems.append(Problem(key, self.file_name, self.sheet, self.row, self.columns[name], value, params))


def _check_row(place: _Place, periods: list, catalogue_codes) -> dict[str, Any]:
    raw = place.raw
    row: dict[str, Any] = {}
    for name in ("from_period", "to_period"):
        if is_blank(raw[name]):
            place.add("problem.required", name, field=name)
            continue
        period = find_period(periods, raw[name])
        if period is None:
            expected = {"expected": "expect.catalogue_period", "periods": ", ".join(p.code for p in periods)}
            place.add("problem.invalid", name, **expected)
            continue
        row[name] = period.code
    relation = _RELATION_WORDS.get(value_key(as_text(raw["relation"])))
    if is_blank(raw["relation"]):
        place.add("problem.required", "relation", field="relation")
    elif relation is None:
        place.add("problem.invalid", "relation", expected="expect.crosswalk_relation")
    row["relation"] = relation
    if row.get("from_period") and row.get("from_period") == row.get("to_period"):
        place.add("crosswalk.same_period", "to_period")
    for name, period_field, blank_when in (("from_code", "from_period", "new"), ("to_code", "to_period", "ended")):
        word = tuple(t(f"crosswalk.relation.{relation}", lang) if relation else "" for lang in ("id", "en"))
        if relation == blank_when:
            if not is_blank(raw[name]):
                place.add("crosswalk.code_not_allowed", name, relation=word, field=name)
            row[name] = None
            continue
        if is_blank(raw[name]):
            if relation is not None:
                place.add("crosswalk.code_required", name, relation=word, field=name)
            continue
        code = as_text(raw[name])
        known = catalogue_codes(row[period_field]) if row.get(period_field) else None
        if known is not None and code not in known:
            place.add("problem.invalid", name, expected="expect.crosswalk_code", period=row[period_field])
        row[name] = code
    return row


def _header(rows: list[list[object]]) -> tuple[int | None, dict[str, int]]:
    for index in range(min(HEADER_SEARCH_ROWS, len(rows))):
        columns = {}
        for col, cell in enumerate(rows[index]):
            name = HEADER_FIELDS.get(header_key(cell)) if not is_blank(cell) else None
            if name is not None and name not in columns:
                columns[name] = col
        if len(columns) >= MIN_HEADER_FIELDS:
            return index, columns
    return None, {}


def import_bytes(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    actor: Actor,
    imported_at: datetime | None = None,
    is_demo: bool = False,
) -> CrosswalkResult:
    """Check a crosswalk file and store it, replacing the crosswalk of each period pair it holds (the replaced rows
    are kept: figures as of an earlier date read the crosswalk as imported then); or refuse it whole and record the
    refusal in the upload history (who, when, file, hash, every problem; nothing else kept)."""
    require(actor, "analyst", "crosswalk import")
    display_name = Path(str(file_name).replace("\\", "/")).name or "crosswalk"
    rows, problems = check_bytes(store, data, display_name)
    result = CrosswalkResult(display_name, "refused" if problems else "stored", rows, problems)
    when = imported_at or datetime.now()
    if problems:
        result.upload_id = _record_refusal(store, result, hashlib.sha256(data).hexdigest(), actor, when)
        return result
    table = pa.table(
        {name: pa.array([r[name] for r in rows], pa.string()) for name in FIELDS}
        | {"imported_at": pa.array([when] * len(rows), pa.timestamp("us"))}
    )
    with store.transaction() as cur:
        cur.register("incoming_crosswalk", table)
        try:
            params = {"imported_by": actor.name, "file_name": display_name, "is_demo": is_demo}
            cur.execute(sql.load("plan/crosswalk_insert"), params)
        finally:
            cur.unregister("incoming_crosswalk")
        audit.write(cur, actor, "upload", {"crosswalk": display_name, "rows": len(rows), "pairs": result.pairs})
    return result


def _record_refusal(store: Store, result: CrosswalkResult, sha256: str, actor: Actor, when: datetime) -> int:
    """Record a refused crosswalk import as a refused catalogue is recorded: numbered with the uploads, audited."""
    return record_refusal(
        store,
        "plan/crosswalk_insert_refusal",
        {"error_count": len(result.problems)},
        {"crosswalk": True, "errors": len(result.problems)},
        (result.file_name, sha256, result.problems),
        actor,
        when,
    )


def import_path(store: Store, path: Path | str, **options: Any) -> CrosswalkResult:
    path = Path(path)
    return import_bytes(store, path.read_bytes(), path.name, **options)


def links(store: Store, period: str, action_code: str) -> list[dict[str, Any]]:
    """Where an action of a period comes from and goes to: the crosswalk rows naming it, either side."""
    return store.query_rows("plan/crosswalk_links", period=period, action_code=action_code)


def rows(store: Store) -> list[dict[str, Any]]:
    """The whole crosswalk, as it stands (each period pair as its latest import left it)."""
    return store.query_rows("plan/crosswalk_rows")
