"""Upload history: versions, the original file, restore, and the comparison of two versions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ranpe.access.roles import Actor, require
from ranpe.exports.files import xlsx_bytes
from ranpe.i18n import fmt_date, fmt_quarter, t
from ranpe.ingest.pipeline import restore_upload
from ranpe.store.connection import Store
from ranpe.workspace.common import WorkspaceError
from ranpe.workspace.upload import problem_headers


def history(store: Store, *, agency: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """Every upload, newest first: who, when, file, rows, status (active, replaced, refused) and demo flag."""
    return store.query_rows("workspace/upload_history", agency=agency, year=year)


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
    found = store.query_rows("workspace/refused_errors", upload_id=upload_id)
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
    return store.query_rows("workspace/version_chain", agency=agency, year=year, quarter=quarter)


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
    rows = store.query_rows("workspace/compare_versions", old_upload_id=old_upload_id, new_upload_id=new_upload_id)
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
    found = store.query_rows("workspace/upload_original", upload_id=upload_id)
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
