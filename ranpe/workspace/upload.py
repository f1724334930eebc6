"""Uploads in the workspace: the preview of what was understood, storing, and the error report."""

from __future__ import annotations

from typing import Any

from ranpe import config
from ranpe.access.roles import Actor, require
from ranpe.exports.files import xlsx_bytes
from ranpe.i18n import fmt_int, fmt_quarter, t
from ranpe.ingest.pipeline import IngestResult, ingest_bytes
from ranpe.store.connection import Store
from ranpe.workspace.common import WorkspaceError


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
