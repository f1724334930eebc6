"""Uploads in the workspace: the preview of what was understood, storing, and the error report."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from ranpe import config
from ranpe.access.roles import Actor, require
from ranpe.exports.files import xlsx_bytes
from ranpe.i18n import fmt_date, fmt_int, fmt_num, fmt_quarter, t
from ranpe.ingest import contract
from ranpe.ingest.pipeline import IngestResult, ingest_bytes
from ranpe.store.connection import Store
from ranpe.workspace.common import Names, WorkspaceError, name_order

# The files the upload page accepts.
FILE_TYPES = ("xlsx", "csv")
# Rows of a checked file shown in its preview (the count of all of them is shown beside).
PREVIEW_ROWS = 50


# Streamlit's uploader writes its own words in English and has no parameter for them (1.67: the button "Upload",
# "50MB per file • XLSX, CSV", and "Drag and drop files here" while a file is dragged over it). These rules,
# keyed on the uploader's data-testid attributes, hide those words and show the translation table's instead.
_UPLOADER_TEXTS = {
    "[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary'] p": "ws.upload.drop_button",
    "[data-testid='stFileUploaderDropzoneInstructions'] span": "ws.upload.drop_limit",
    "[data-testid='stFileUploaderDropzone'] > div:not([data-testid]) > span": "ws.upload.drop_here",
}


def uploader_css(lang: str, types: tuple[str, ...]) -> str:
    """The style rules that show the file uploader's own words in lang (the limit and the file types included)."""
    rules = []
    for selector, key in _UPLOADER_TEXTS.items():
        text = t(key, lang, limit=config.MAX_UPLOAD_BYTES // (1024 * 1024), types=", ".join(x.upper() for x in types))
        content = text.replace("\\", "\\\\").replace('"', '\\"')
        rules.append(f"{selector} {{ font-size: 0; }}")
        rules.append(f'{selector}::after {{ content: "{content}"; font-size: 0.875rem; }}')
    return "\n".join(rules)


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
    """What storing the file would do, without storing anything (status checked or refused); of the rows, the
    first PREVIEW_ROWS are kept (a page keeps the preview for the session), their count and slices in full."""
    check_size(data)
    result = ingest_bytes(store, data, file_name, year=year, quarter=quarter, agency=agency, actor=actor, dry_run=True)
    if result.table is not None:
        # A copy, not a slice: a slice would keep every row of the file alive.
        first = result.table.slice(0, PREVIEW_ROWS)
        result.table = pa.Table.from_pylist(first.to_pylist(), schema=first.schema)
    return result


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
    """The K/L (short names), periods and pillars read from the file, also when it was refused, as short texts."""
    found = result.found or {}
    agency_names = found.get("agency_names") or {}
    agencies = sorted((agency_names.get(code, code) for code in found.get("agencies", [])), key=str.casefold)
    periods = [f"{year} {fmt_quarter(quarter, lang)}" for year, quarter in found.get("periods", [])]
    return {
        "rows": fmt_int(sum(sheet.rows for sheet in result.sheets), lang),
        "agencies": ", ".join(agencies) or "–",
        "periods": ", ".join(periods) or "–",
        "pillars": ", ".join(str(p) for p in found.get("pillars", [])) or "–",
    }


# The preview shows every field of the contract, in its order.
PREVIEW_FIELDS = contract.FIELDS


def preview_rows(result: IngestResult, names: Names, limit: int = PREVIEW_ROWS) -> list[dict[str, Any]]:
    """The first rows of a checked file as they will be stored, codes shown as names: sheet and row in the file,
    then every field (K/L short name, province name, pillar, committed yes/no, quarter as TW II / Q2)."""
    if result.table is None:
        return []
    lang = names.lang
    # The group column says the word of the file's period ("Tema"), over every row of the file, not just those shown.
    headers = {name: t(f"field.{name}", lang) for name in PREVIEW_FIELDS}
    headers["pillar"] = names.group_header(result.table.column("year").unique().to_pylist())
    rows = []
    for row in result.table.slice(0, limit).to_pylist():
        shown = {
            "year": row["year"],
            "quarter": fmt_quarter(row["quarter"], lang),
            "agency": names.agency(row["agency_code"]),
            "pillar": names.pillar(row["pillar"], row["year"]),
            "action_code": row["action_code"],
            "action": row["action"] or "",
            "province": names.province(row["province_code"]),
            "committed": t("committed.yes" if row["committed"] else "committed.no", lang),
            "status": t(f"status.{row['status']}", lang) if row["status"] else "",
            "target": _number(row["target"], lang),
            "realization": _number(row["realization"], lang),
            "output": row["output"] or "",
            "obstacles": row["obstacles"] or "",
            "follow_up": row["follow_up"] or "",
            "notes": row["notes"] or "",
        }
        rows.append(
            {
                t("ws.col.sheet", lang): row["source_sheet"],
                t("ws.col.row", lang): row["source_row"],
                **{headers[name]: shown[name] for name in PREVIEW_FIELDS},
            }
        )
    return rows


def _number(value: float | None, lang: str) -> str:
    """A target or realization as the interface writes numbers (1.234,5 / 1,234.5), no trailing zeros."""
    if value is None:
        return ""
    if float(value).is_integer():
        return fmt_int(value, lang)
    decimals = min(len(repr(float(value)).partition(".")[2]), 4)
    return fmt_num(value, lang, decimals)


def replace_plan(store: Store, result: IngestResult) -> list[dict[str, Any]]:
    """Per (K/L, year, quarter, pillar) slice of a checked file: its rows in the file and the version storing it
    replaces (upload id, date, file, rows), or none when the slice is new."""
    slices = (result.found or {}).get("slices")
    if result.status != "checked" or not slices:
        return []
    return store.query_rows("workspace/replace_plan", **slices)


def plan_rows(plan: list[dict[str, Any]], names: Names) -> list[dict[str, Any]]:
    """The replace plan as a table: the slice, its rows in the file, what storing does to it, and the version it
    replaces (upload number, when it was uploaded, its file and rows)."""
    lang = names.lang
    group = names.group_header({item["year"] for item in plan})
    rows = []
    for item in sorted(
        plan, key=lambda i: (name_order(names.agency(i["agency_code"])), i["year"], i["quarter"], i["pillar"])
    ):
        replaces = item["current_upload_id"] is not None
        rows.append(
            {
                t("ws.col.kl", lang): names.agency(item["agency_code"]),
                t("ws.col.period", lang): f"{item['year']} {fmt_quarter(item['quarter'], lang)}",
                group: names.pillar(item["pillar"], item["year"]),
                t("ws.col.rows_in_file", lang): item["incoming_rows"],
                t("ws.col.effect", lang): t("ws.upload.plan_replaces", lang, upload_id=item["current_upload_id"])
                if replaces
                else t("ws.upload.plan_new", lang),
                t("ws.col.replaced_when", lang): fmt_date(item["current_uploaded_at"], lang, with_time=True)
                if replaces
                else "",
                t("ws.col.replaced_file", lang): item["current_file_name"] or "",
                t("ws.col.replaced_rows", lang): fmt_int(item["current_rows"], lang) if replaces else "",
            }
        )
    return rows


def plan_text(plan: list[dict[str, Any]], lang: str) -> str:
    """One line: how many slices storing replaces and how many it adds new."""
    replaced = sum(1 for item in plan if item["current_upload_id"] is not None)
    return t(
        "ws.upload.plan_summary",
        lang,
        replaced=fmt_int(replaced, lang),
        added=fmt_int(len(plan) - replaced, lang),
    )


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
        agency_names = (result.found or {}).get("agency_names") or {}
        text += " — " + t("ws.upload.stored_detail", lang, **found)
        for item in result.replaced:
            text += "\n- " + t(
                "ws.upload.replaced_slice",
                lang,
                agency=agency_names.get(item["agency_code"], item["agency_code"]),
                year=item["year"],
                quarter=fmt_quarter(item["quarter"], lang),
                pillar=item["pillar"],
                previous=item["previous_upload_id"],
            )
    return text
