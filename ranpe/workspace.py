"""The analyst workspace engine: upload previews and error reports, history and version comparison,
reporting completeness against deadlines, and audited reference-data edits."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import xlsxwriter

from ranpe import audit, config, sql
from ranpe.access import Actor, require
from ranpe.contract import value_key
from ranpe.i18n import fmt_date, fmt_int, fmt_quarter, t
from ranpe.ingest import IngestResult, ingest_bytes, restore_upload
from ranpe.store import Store

QUARTERS = (1, 2, 3, 4)
DEFAULT_DEADLINE_DAYS = 15
# A spreadsheet reads a cell starting with one of these as a formula (CSV/formula injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
AGENCY_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_]{1,31}$")
YEAR_RANGE = (2000, 2100)


class WorkspaceError(ValueError):
    """A request the workspace refuses, with a translatable reason."""

    def __init__(self, key: str, **params: Any):
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params

    def message(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.params)


def safe_cell(value: Any) -> Any:
    """A value as written to a spreadsheet or CSV: text that would start a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
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
            sheet.write_string(0, col, str(safe_cell(header)), bold)
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
                    text = str(safe_cell(str(value)))
                    sheet.write_string(row_index, col, text)
                    widths[col] = max(widths[col], min(len(text), 60))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width + 2)
        sheet.freeze_panes(1, 0)
        if rows:
            sheet.autofilter(0, 0, len(rows), max(len(headers) - 1, 0))
    workbook.close()
    return buffer.getvalue()


def csv_bytes(headers: list[str], rows: list[list[Any]]) -> bytes:
    """A UTF-8 CSV (with BOM, so that Excel reads it right) of neutralised values."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in headers])
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v if isinstance(v, str) else str(v)) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


# -- upload ----------------------------------------------------------------------------------------


def check_size(data: bytes) -> None:
    """Refuse a file beyond the upload limit before anything reads it."""
    if len(data) > config.MAX_UPLOAD_BYTES:
        raise WorkspaceError(
            "ws.upload.too_big", size=len(data) // (1024 * 1024), limit=config.MAX_UPLOAD_BYTES // (1024 * 1024)
        )


def preview(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    year: object = None,
    quarter: object = None,
    agency: object = None,
    actor: Actor,
) -> IngestResult:
    """What storing the file would do, without storing anything (status checked or refused)."""
    check_size(data)
    return ingest_bytes(store, data, file_name, year=year, quarter=quarter, agency=agency, actor=actor, dry_run=True)


def store_file(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    year: object = None,
    quarter: object = None,
    agency: object = None,
    actor: Actor,
) -> IngestResult:
    """Store the file (or record its refusal); analysts and admins only."""
    require(actor, "analyst", "upload")
    check_size(data)
    return ingest_bytes(store, data, file_name, year=year, quarter=quarter, agency=agency, actor=actor)


def sheet_rows(result: IngestResult, lang: str) -> list[dict[str, Any]]:
    """Per sheet: its name, whether it was read, the header row and the rows found."""
    return [
        {
            t("ws.col.sheet", lang): sheet.name,
            t("ws.col.sheet_status", lang): t(f"sheet.{sheet.status}", lang),
            t("ws.col.header_row", lang): sheet.header_row,
            t("ws.col.rows", lang): sheet.rows,
        }
        for sheet in result.sheets
    ]


def mapping_rows(result: IngestResult, lang: str) -> list[dict[str, Any]]:
    """Per read sheet and column: the header as the file names it and the field it became."""
    rows = []
    for sheet in result.sheets:
        for header, meaning in sheet.columns:
            if meaning == "extra":
                became = t("ws.mapping.extra", lang)
            elif meaning == "row_number":
                became = t("ws.mapping.row_number", lang)
            else:
                became = t(f"field.{meaning}", lang)
            rows.append(
                {t("ws.col.sheet", lang): sheet.name, t("ws.col.header", lang): header, t("ws.col.field", lang): became}
            )
    return rows


def found_text(result: IngestResult, lang: str) -> dict[str, str]:
    """The K/L, periods and pillars found, as short texts."""
    found = result.found or {}
    periods = [f"{year} {fmt_quarter(quarter, lang)}" for year, quarter in found.get("periods", [])]
    return {
        "rows": fmt_int(sum(sheet.rows for sheet in result.sheets), lang),
        "agencies": ", ".join(found.get("agencies", [])) or "–",
        "periods": ", ".join(periods) or "–",
        "pillars": ", ".join(str(p) for p in found.get("pillars", [])) or "–",
    }


PROBLEM_COLUMNS = ("file", "sheet", "row", "column", "value", "expected", "severity")


def problem_rows(results: list[IngestResult], lang: str) -> list[dict[str, Any]]:
    """Every problem and warning of the files: file, sheet, row, column, value, what is expected, severity."""
    rows = []
    for result in results:
        for problem in [*result.problems, *result.warnings]:
            rows.append(
                {
                    "file": problem.file or result.file_name,
                    "sheet": problem.sheet or "",
                    "row": problem.row,
                    "column": problem.column or "",
                    "value": "" if problem.value is None else str(problem.value),
                    "expected": problem.message(lang),
                    "severity": t(f"ws.severity.{problem.severity}", lang),
                }
            )
    return rows


def problem_headers(lang: str) -> list[str]:
    return [t(f"ws.col.{name}", lang) for name in PROBLEM_COLUMNS]


def error_report_xlsx(results: list[IngestResult], lang: str) -> bytes:
    """The problems of the files as a spreadsheet to send back to the K/L (values neutralised, no formulas)."""
    problems = problem_rows(results, lang)
    summary = [[r.file_name, t(f"ws.status.{r.status}", lang), r.error_total, len(r.warnings), r.rows] for r in results]
    return xlsx_bytes(
        {
            t("ws.report.problems_sheet", lang): (problem_headers(lang), [list(p.values()) for p in problems]),
            t("ws.report.files_sheet", lang): (
                [
                    t("ws.col.file", lang),
                    t("ws.col.status", lang),
                    t("ws.col.errors", lang),
                    t("ws.col.warnings", lang),
                    t("ws.col.rows", lang),
                ],
                summary,
            ),
        }
    )


def outcome_text(result: IngestResult, lang: str) -> str:
    """Exactly what was stored or replaced (or why nothing was)."""
    text = result.message(lang)
    if result.status == "stored":
        found = found_text(result, lang)
        text += " — " + t("ws.upload.stored_detail", lang, **found)
        for item in result.replaced:
            text += "\n- " + t(
                "ws.upload.replaced_slice",
                lang,
                agency=item["agency_code"],
                year=item["year"],
                quarter=fmt_quarter(item["quarter"], lang),
                pillar=item["pillar"],
                previous=item["previous_upload_id"],
            )
    return text


# -- history ---------------------------------------------------------------------------------------


def history(store: Store, *, agency: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """Every upload, newest first: who, when, file, rows, status (active, replaced, refused) and demo flag."""
    return store.query_rows("upload_history", agency=agency, year=year)


def history_rows(uploads: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The uploads as a table for the page: number, when, who, file, rows, status, K/L and periods."""
    return [
        {
            "#": u["upload_id"],
            t("ws.col.when", lang): fmt_date(u["uploaded_at"], lang, with_time=True),
            t("ws.col.who", lang): u["uploaded_by"],
            t("ws.col.file", lang): u["file_name"],
            t("ws.col.rows", lang): u["row_count"],
            t("ws.col.status", lang): t(f"ws.upload_status.{u['status']}", lang)
            + (f" · {t('ws.upload_status.demo', lang)}" if u["is_demo"] else ""),
            t("ws.col.errors", lang): u["error_count"],
            t("field.agency", lang): u["agencies"] or u["given_agency"] or "",
            t("ws.col.periods", lang): _periods_text(u["periods"], lang),
        }
        for u in uploads
    ]


def _periods_text(periods: str | None, lang: str) -> str:
    if not periods:
        return ""
    parts = []
    for item in periods.split(", "):
        year, _, quarter = item.partition("-")
        parts.append(f"{year} {fmt_quarter(int(quarter), lang)}" if quarter else item)
    return ", ".join(parts)


def upload_label(upload: dict[str, Any], lang: str) -> str:
    """One line naming an upload: number, file, date and status."""
    status = t(f"ws.upload_status.{upload['status']}", lang)
    return f"#{upload['upload_id']} · {upload['file_name']} · {fmt_date(upload['uploaded_at'], lang)} · {status}"


def upload_slice(upload: dict[str, Any], agency: str | None, years: list[int]) -> tuple[Any, Any, Any]:
    """The K/L, year and quarter an upload's versions are looked at by default: its first K/L and period."""
    agencies = (upload.get("agencies") or upload.get("given_agency") or "").split(", ")
    periods = (upload.get("periods") or "").split(", ")
    year, _, quarter = periods[0].partition("-")
    return (
        agency or agencies[0] or None,
        int(year) if year else (years[-1] if years else None),
        int(quarter) if quarter else upload.get("given_quarter"),
    )


def chain_rows(chain: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The versions of each (K/L, year, quarter, pillar) as a table, the active one marked."""
    return [
        {
            t("field.pillar", lang): row["pillar"],
            t("ws.col.version", lang): row["version"],
            "#": row["upload_id"],
            t("ws.col.file", lang): row["file_name"],
            t("ws.col.when", lang): fmt_date(row["uploaded_at"], lang, with_time=True),
            t("ws.col.who", lang): row["uploaded_by"],
            t("ws.col.rows", lang): row["row_count"],
            t("ws.col.committed", lang): row["committed_count"],
            t("ws.col.active", lang): "●" if row["is_active"] else "",
        }
        for row in chain
    ]


def refused_report_xlsx(store: Store, upload_id: int, lang: str) -> bytes:
    """The error report of a refused upload, from the problems recorded with it."""
    found = store.query_rows("ws_refused_errors", upload_id=upload_id)
    if not found:
        raise WorkspaceError("ws.history.no_original", upload_id=upload_id)
    problems = json.loads(found[0]["errors"] or "[]")
    rows = [
        [
            p.get("file") or found[0]["file_name"],
            p.get("sheet") or "",
            p.get("row"),
            p.get("column") or "",
            "" if p.get("value") is None else str(p.get("value")),
            p.get("message_en") if lang == "en" else p.get("message"),
            t("ws.severity.error", lang),
        ]
        for p in problems
    ]
    return xlsx_bytes({t("ws.report.problems_sheet", lang): (problem_headers(lang), rows)})


def version_chain(
    store: Store, *, agency: str | None = None, year: int | None = None, quarter: int | None = None
) -> list[dict[str, Any]]:
    """Per (K/L, year, quarter, pillar) every upload that held it, oldest first, and which is active."""
    return store.query_rows("ws_version_chain", agency=agency, year=year, quarter=quarter)


@dataclass
class Comparison:
    """Two versions of a submission compared row by row."""

    old_upload_id: int
    new_upload_id: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    def count(self, change: str) -> int:
        return sum(1 for row in self.rows if row["change"] == change)

    @property
    def flipped(self) -> list[dict[str, Any]]:
        return [row for row in self.rows if row["committed_flipped"]]

    def differences(self) -> list[dict[str, Any]]:
        return [row for row in self.rows if row["change"] != "same"]


def compare_versions(store: Store, old_upload_id: int, new_upload_id: int) -> Comparison:
    """Rows added, removed, changed and commitments flipped between two uploads, over the slices both hold."""
    rows = store.query_rows("ws_compare_versions", old_upload_id=old_upload_id, new_upload_id=new_upload_id)
    return Comparison(old_upload_id, new_upload_id, rows)


def comparison_rows(comparison: Comparison, lang: str) -> list[dict[str, Any]]:
    """The differences as a table for the page."""

    def yes_no(value: bool | None) -> str:
        return "" if value is None else t("committed.yes" if value else "committed.no", lang)

    return [
        {
            t("ws.col.change", lang): t(f"ws.change.{row['change']}", lang),
            t("field.agency", lang): row["agency_code"],
            t("field.year", lang): row["year"],
            t("field.quarter", lang): fmt_quarter(row["quarter"], lang),
            t("field.pillar", lang): row["pillar"],
            t("field.action_code", lang): row["action_code"],
            t("field.province", lang): row["province_code"] or t("national", lang),
            t("ws.col.committed_before", lang): yes_no(row["old_committed"]),
            t("ws.col.committed_after", lang): yes_no(row["new_committed"]),
            t("ws.col.flipped", lang): "⇄" if row["committed_flipped"] else "",
        }
        for row in comparison.differences()
    ]


def original_file(store: Store, upload_id: int, *, actor: Actor) -> tuple[str, bytes]:
    """The file as it was uploaded: (its name, its bytes); analysts and admins only."""
    require(actor, "analyst", "download an original upload")
    found = store.query_rows("ws_upload_original", upload_id=upload_id)
    if not found or not found[0]["archive_path"]:
        raise WorkspaceError("ws.history.no_original", upload_id=upload_id)
    base = store.uploads_dir.resolve()
    path = (base / found[0]["archive_path"]).resolve()
    if not path.is_relative_to(base) or not path.is_file():
        raise WorkspaceError("ws.history.no_original", upload_id=upload_id)
    return found[0]["file_name"], path.read_bytes()


def restore(store: Store, upload_id: int, *, actor: Actor) -> list[dict[str, Any]]:
    """Make an earlier upload the active version again for every slice it holds (analysts and admins)."""
    try:
        return restore_upload(store, upload_id, actor=actor)
    except LookupError as exc:
        raise WorkspaceError("ws.history.cannot_restore", upload_id=upload_id) from exc


# -- completeness ----------------------------------------------------------------------------------


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a quarter."""
    first_of_next = date(year + 1, 1, 1) if quarter == 4 else date(year, quarter * 3 + 1, 1)
    return first_of_next - timedelta(days=1)


def deadline_days(store: Store) -> int:
    """Days after a quarter's end by which its report is due (stored setting)."""
    found = store.query_rows("ws_setting", key="deadline_days")
    return int(found[0]["value"]) if found else DEFAULT_DEADLINE_DAYS


def deadlines(store: Store, year: int) -> dict[int, date]:
    """The due date of each quarter of a year: a date set for that quarter, else its end plus the days."""
    days = deadline_days(store)
    prefix = f"deadline.{year}."
    overrides = {
        int(row["key"].removeprefix(prefix)): date.fromisoformat(row["value"])
        for row in store.query_rows("ws_settings_like", prefix=prefix)
    }
    return {q: overrides.get(q, quarter_end(year, q) + timedelta(days=days)) for q in QUARTERS}


def set_deadline_days(store: Store, days: int, *, actor: Actor) -> None:
    """Change the days after quarter end by which reports are due (analysts and admins; audited)."""
    require(actor, "analyst", "change the reporting deadline")
    if not 0 <= int(days) <= 365:
        raise WorkspaceError("ws.deadline.bad_days", days=days)
    _set_setting(store, actor, "deadline_days", str(int(days)))


def set_quarter_deadline(store: Store, year: int, quarter: int, due: date | None, *, actor: Actor) -> None:
    """Set (or with None, clear) the due date of one quarter (analysts and admins; audited)."""
    require(actor, "analyst", "change the reporting deadline")
    if quarter not in QUARTERS:
        raise WorkspaceError("ws.deadline.bad_days", days=quarter)
    _set_setting(store, actor, f"deadline.{int(year)}.{int(quarter)}", due.isoformat() if due else None)


def _set_setting(store: Store, actor: Actor, key: str, value: str | None) -> None:
    with store.transaction() as cur:
        if value is None:
            cur.execute(sql.load("ws_setting_delete"), {"key": key})
        else:
            cur.execute(
                sql.load("ws_setting_upsert"),
                {"key": key, "value": value, "changed_at": datetime.now(), "changed_by": actor.name},
            )
        audit.write(cur, actor, "setting", {"key": key, "value": value})


def reporting_quarter(year: int, today: date) -> int | None:
    """The latest quarter of the year that has ended by today: the one whose reports are being chased."""
    if year < today.year:
        return 4
    if year > today.year:
        return None
    ended = (today.month - 1) // 3
    return ended or None


@dataclass
class Completeness:
    """A year's K/L × quarter matrix of on time / late / missing / not yet due, with rates per quarter."""

    year: int
    today: date
    deadlines: dict[int, date]
    agencies: list[dict[str, Any]]  # code, short_name, name, cells {quarter: {state, first_at, latest_at}}
    reporting_quarter: int | None

    def rate(self, quarter: int) -> float | None:
        if not self.agencies:
            return None
        submitted = sum(1 for a in self.agencies if a["cells"][quarter]["state"] in ("on_time", "late"))
        return submitted / len(self.agencies)

    def counts(self, quarter: int) -> dict[str, int]:
        states = [a["cells"][quarter]["state"] for a in self.agencies]
        return {state: states.count(state) for state in ("on_time", "late", "missing", "not_due")}

    def not_reported(self, quarter: int) -> list[dict[str, Any]]:
        """The K/L with no report for the quarter (overdue or not yet due)."""
        return [a for a in self.agencies if a["cells"][quarter]["state"] in ("missing", "not_due")]


def completeness(
    store: Store, year: int, *, today: date | None = None, include_reference: bool = False
) -> Completeness:
    """The reporting-completeness matrix of a year: expected K/L are those with any row that year, plus,
    when asked, every K/L active that year in the reference data."""
    today = today or date.today()
    due = deadlines(store, year)
    submitted = {
        (row["agency_code"], row["quarter"]): row for row in store.query_rows("ws_completeness_submissions", year=year)
    }
    agencies = []
    for agency in store.query_rows("ws_expected_agencies", year=year, include_reference=include_reference):
        cells = {}
        for quarter in QUARTERS:
            found = submitted.get((agency["code"], quarter))
            first_at = found["first_at"] if found else None
            if found:
                state = "on_time" if first_at is None or first_at.date() <= due[quarter] else "late"
            else:
                state = "missing" if today > due[quarter] else "not_due"
            cells[quarter] = {"state": state, "first_at": first_at, "latest_at": found["latest_at"] if found else None}
        agencies.append({**agency, "cells": cells})
    return Completeness(year, today, due, agencies, reporting_quarter(year, today))


_STATE_MARKS = {"on_time": "✓", "late": "!", "missing": "✗", "not_due": "…"}


def matrix_rows(result: Completeness, lang: str) -> list[dict[str, Any]]:
    """The matrix as a table: K/L, then per quarter its state (with the date of the first report)."""
    rows = []
    for agency in result.agencies:
        row = {t("ws.col.code", lang): agency["code"], t("field.agency", lang): agency["short_name"] or agency["code"]}
        for quarter in QUARTERS:
            cell = agency["cells"][quarter]
            state = cell["state"]
            text = f"{_STATE_MARKS[state]} {t(f'ws.state.{state}', lang)}"
            if cell["first_at"]:
                text += f" ({fmt_date(cell['first_at'], lang)})"
            row[fmt_quarter(quarter, lang)] = text
        rows.append(row)
    return rows


def not_reported_rows(result: Completeness, quarter: int, lang: str) -> list[dict[str, Any]]:
    """The K/L to remind for a quarter: code, names, deadline and days overdue."""
    due = result.deadlines[quarter]
    overdue = max((result.today - due).days, 0)
    return [
        {
            t("ws.col.code", lang): agency["code"],
            t("field.agency", lang): agency["short_name"] or agency["code"],
            t("ws.col.full_name", lang): (agency["name_en"] if lang == "en" else agency["name"]) or "",
            t("ws.col.deadline", lang): fmt_date(due, lang),
            t("ws.col.days_overdue", lang): overdue,
        }
        for agency in result.not_reported(quarter)
    ]


def rate_rows(result: Completeness, lang: str) -> list[dict[str, Any]]:
    """Per quarter: deadline, counts per state and the reporting rate."""
    rows = []
    for quarter in QUARTERS:
        counts = result.counts(quarter)
        rows.append(
            {
                t("field.quarter", lang): fmt_quarter(quarter, lang),
                t("ws.col.deadline", lang): fmt_date(result.deadlines[quarter], lang),
                **{t(f"ws.state.{state}", lang): number for state, number in counts.items()},
                t("ws.col.rate", lang): result.rate(quarter),
            }
        )
    return rows


def _table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    headers = list(rows[0]) if rows else []
    return headers, [list(row.values()) for row in rows]


def completeness_xlsx(result: Completeness, quarter: int | None, lang: str) -> bytes:
    """The matrix, the rates and the K/L not reported for the quarter, as one workbook."""
    sheets = {
        t("ws.completeness.matrix_sheet", lang): _table(matrix_rows(result, lang)),
        t("ws.completeness.rates_sheet", lang): _table(rate_rows(result, lang)),
    }
    if quarter:
        missing = not_reported_rows(result, quarter, lang)
        headers = [
            t("ws.col.code", lang),
            t("field.agency", lang),
            t("ws.col.full_name", lang),
            t("ws.col.deadline", lang),
            t("ws.col.days_overdue", lang),
        ]
        sheets[t("ws.completeness.missing_sheet", lang)] = (headers, [list(r.values()) for r in missing])
    return xlsx_bytes(sheets)


def not_reported_csv(result: Completeness, quarter: int, lang: str) -> bytes:
    """The K/L not reported for the quarter, as CSV (for a reminder mailing)."""
    rows = not_reported_rows(result, quarter, lang)
    headers = [
        t("ws.col.code", lang),
        t("field.agency", lang),
        t("ws.col.full_name", lang),
        t("ws.col.deadline", lang),
        t("ws.col.days_overdue", lang),
    ]
    return csv_bytes(headers, [list(r.values()) for r in rows])


# -- reference data --------------------------------------------------------------------------------

_KEEP = object()
AGENCY_NAME_FIELDS = ("name", "short_name", "name_en")


def _split_aliases(aliases: str | list[str] | tuple[str, ...] | None) -> list[str]:
    items = aliases.split(";") if isinstance(aliases, str) else list(aliases or [])
    seen, kept = set(), []
    for item in (" ".join(str(a).split()) for a in items):
        if item and value_key(item) not in seen:
            seen.add(value_key(item))
            kept.append(item)
    return kept


def _check_year(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise WorkspaceError("ws.ref.bad_year", value=value) from None
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise WorkspaceError("ws.ref.bad_year", value=value)
    return year


def _spellings(entry: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    return [str(entry["code"])] + [str(entry.get(f) or "") for f in fields] + _split_aliases(entry.get("aliases"))


def _check_clashes(entry: dict[str, Any], others: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    """Refuse a spelling that already means another entry (it would silently stop matching either)."""
    taken = {}
    for other in others:
        for spelling in _spellings(other, fields):
            if value_key(spelling):
                taken[value_key(spelling)] = other["code"]
    for spelling in _spellings(entry, fields):
        owner = taken.get(value_key(spelling))
        if value_key(spelling) and owner is not None:
            raise WorkspaceError("ws.ref.clash", spelling=spelling, other=owner)


def _record_changes(
    cur: Any, actor: Actor, entity: str, code: str, *, before: dict[str, Any], after: dict[str, Any]
) -> dict[str, list[Any]]:
    changes = {}
    now = datetime.now()
    for name, new in after.items():
        old = before.get(name)
        if old == new:
            continue
        changes[name] = [old, new]
        cur.execute(
            sql.load("ws_reference_change_insert"),
            {
                "changed_at": now,
                "changed_by": actor.name,
                "entity": entity,
                "code": code,
                "field": name,
                "old_value": None if old is None else str(old),
                "new_value": None if new is None else str(new),
            },
        )
    if changes:
        audit.write(cur, actor, "reference_change", {"entity": entity, "code": code, "changes": changes})
    return changes


def add_agency(
    store: Store,
    *,
    code: str,
    name: str,
    short_name: str,
    name_en: str,
    aliases: str | list[str] | None = None,
    active_from: Any = None,
    active_to: Any = None,
    actor: Actor,
) -> dict[str, Any]:
    """Add a K/L (admins only; audited); it is recognised from the next ingest."""
    require(actor, "admin", "edit reference data")
    code = str(code).strip().upper()
    if not AGENCY_CODE_PATTERN.match(code):
        raise WorkspaceError("ws.ref.bad_code", code=code)
    existing = store.query_rows("reference_agencies")
    if any(a["code"] == code for a in existing):
        raise WorkspaceError("ws.ref.code_exists", code=code)
    entry = _agency_entry(
        code,
        {
            "name": name,
            "short_name": short_name,
            "name_en": name_en,
            "aliases": aliases,
            "active_from": active_from,
            "active_to": active_to,
        },
    )
    _check_clashes(entry, existing, AGENCY_NAME_FIELDS)
    with store.transaction() as cur:
        cur.execute(sql.load("ws_agency_insert"), entry)
        _record_changes(cur, actor, "agency", code, before={}, after={k: v for k, v in entry.items() if k != "code"})
    return entry


def _agency_entry(code: str, fields: dict[str, Any]) -> dict[str, Any]:
    entry = {
        "code": code,
        "name": " ".join(str(fields["name"] or "").split()),
        "short_name": " ".join(str(fields["short_name"] or "").split()),
        "name_en": " ".join(str(fields["name_en"] or "").split()),
        "aliases": ";".join(_split_aliases(fields["aliases"])),
        "active_from": _check_year(fields["active_from"]),
        "active_to": _check_year(fields["active_to"]),
    }
    if not entry["name"] or not entry["short_name"]:
        raise WorkspaceError("ws.ref.name_required")
    entry["name_en"] = entry["name_en"] or entry["name"]
    if entry["active_from"] and entry["active_to"] and entry["active_from"] > entry["active_to"]:
        raise WorkspaceError("ws.ref.bad_years", active_from=entry["active_from"], active_to=entry["active_to"])
    return entry


def update_agency(
    store: Store,
    code: str,
    *,
    name: Any = _KEEP,
    short_name: Any = _KEEP,
    name_en: Any = _KEEP,
    aliases: Any = _KEEP,
    active_from: Any = _KEEP,
    active_to: Any = _KEEP,
    actor: Actor,
) -> dict[str, list[Any]]:
    """Rename a K/L, change its aliases or active years (admins only; audited). A renamed K/L keeps its
    code and history, and its former names stay as aliases; stored submissions are not rewritten."""
    require(actor, "admin", "edit reference data")
    existing = store.query_rows("reference_agencies")
    before = next((a for a in existing if a["code"] == code), None)
    if before is None:
        raise WorkspaceError("ws.ref.unknown_code", code=code)
    given = {
        "name": name,
        "short_name": short_name,
        "name_en": name_en,
        "aliases": aliases,
        "active_from": active_from,
        "active_to": active_to,
    }
    merged = {key: before[key] if value is _KEEP else value for key, value in given.items()}
    alias_list = _split_aliases(merged["aliases"])
    new_names = {value_key(" ".join(str(merged[f] or "").split())) for f in AGENCY_NAME_FIELDS}
    for old_field in AGENCY_NAME_FIELDS:
        old_name = before[old_field]
        if old_name and value_key(old_name) not in new_names:
            alias_list.append(old_name)
    entry = _agency_entry(code, {**merged, "aliases": alias_list})
    _check_clashes(entry, [a for a in existing if a["code"] != code], AGENCY_NAME_FIELDS)
    with store.transaction() as cur:
        cur.execute(sql.load("ws_agency_update"), entry)
        changes = _record_changes(
            cur, actor, "agency", code, before=before, after={k: v for k, v in entry.items() if k != "code"}
        )
    return changes


def set_province_aliases(store: Store, code: str, aliases: str | list[str], *, actor: Actor) -> dict[str, list]:
    """Replace a province's aliases (admins only; audited); used from the next ingest."""
    require(actor, "admin", "edit reference data")
    existing = store.query_rows("reference_provinces")
    before = next((p for p in existing if p["code"] == code), None)
    if before is None:
        raise WorkspaceError("ws.ref.unknown_code", code=code)
    entry = {**before, "aliases": ";".join(_split_aliases(aliases))}
    _check_clashes(entry, [p for p in existing if p["code"] != code], ("name", "name_en", "iso"))
    with store.transaction() as cur:
        cur.execute(sql.load("ws_province_aliases_update"), {"code": code, "aliases": entry["aliases"]})
        return _record_changes(
            cur, actor, "province", code, before={"aliases": before["aliases"]}, after={"aliases": entry["aliases"]}
        )


def reference_changes(store: Store, *, actor: Actor) -> list[dict[str, Any]]:
    """Every reference-data edit, newest first (admins only)."""
    require(actor, "admin", "read the reference-data history")
    return store.query_rows("ws_reference_changes")


def agency_rows(agencies: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The K/L reference list as a table."""
    return [
        {
            t("ws.col.code", lang): a["code"],
            t("ws.reference.short_name", lang): a["short_name"],
            t("ws.reference.name", lang): a["name_en"] if lang == "en" else a["name"],
            t("ws.reference.aliases_inline", lang): a["aliases"].replace(";", "; "),
            t("ws.reference.active_years", lang): _years_text(a["active_from"], a["active_to"]),
        }
        for a in agencies
    ]


def _years_text(active_from: int | None, active_to: int | None) -> str:
    if active_from is None and active_to is None:
        return ""
    return f"{active_from or ''}–{active_to or ''}"


def reference_change_rows(store: Store, lang: str, *, actor: Actor) -> list[dict[str, Any]]:
    """The reference-data edits as a table (admins only)."""
    return [
        {
            t("ws.col.when", lang): fmt_date(c["changed_at"], lang, with_time=True),
            t("ws.col.who", lang): c["changed_by"],
            t("ws.col.code", lang): c["code"],
            t("ws.col.field", lang): c["field"],
            t("ws.col.old_value", lang): c["old_value"],
            t("ws.col.new_value", lang): c["new_value"],
        }
        for c in reference_changes(store, actor=actor)
    ]


def user_rows(lang: str) -> list[dict[str, Any]]:
    """The local users (names, roles, e-mails; never hashes)."""
    from ranpe import users

    try:
        found = users.load_users()
    except users.UserError:
        found = {}
    return [
        {t("ws.auth.user_name", lang): u.name, t("ws.col.role", lang): t(f"ws.role.{u.role}", lang), "e-mail": u.email}
        for u in sorted(found.values(), key=lambda u: u.name)
    ]


def audit_rows(store: Store, lang: str, *, actor: Actor, action: str | None = None) -> list[dict[str, Any]]:
    """The audit log as a table for the page (admins only)."""
    return [
        {
            t("ws.col.when", lang): fmt_date(entry["logged_at"], lang, with_time=True),
            t("ws.col.who", lang): f"{entry['actor']} ({entry['role']})",
            t("ws.col.action", lang): t(f"ws.audit.{entry['action']}", lang),
            t("ws.col.details", lang): json.dumps(entry["details"], ensure_ascii=False, default=str),
        }
        for entry in audit.entries(store, actor, action=action)
    ]
