"""Upload history: versions, the original file, restore, and the comparison of two versions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.exports.files import xlsx_bytes
from ranpe.i18n import fmt_date, fmt_int, fmt_quarter, t
from ranpe.ingest.pipeline import restore_upload
from ranpe.store import sql
from ranpe.store.connection import Store
from ranpe.workspace.common import Names, WorkspaceError, name_order
from ranpe.workspace.upload import problem_headers


def history(store: Store, *, agency: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
    """Every upload, newest first: who, when, file, rows, status (active, replaced, refused) and demo flag; with them,
    numbered with them, every refused catalogue import (kind "catalogue", its period; none when a K/L is chosen) and
    every refused crosswalk import (kind "crosswalk"; none when a K/L or a year is chosen)."""
    return store.query_rows("workspace/upload_history", agency=agency, year=year)


def history_rows(uploads: list[dict[str, Any]], names: Names) -> list[dict[str, Any]]:
    """The uploads as a table for the page: number, when, who, file, rows, status, K/L (short names) and periods."""
    lang = names.lang
    return [
        {
            "#": u["upload_id"],
            t("ws.col.when", lang): fmt_date(u["uploaded_at"], lang, with_time=True),
            t("ws.col.who", lang): u["uploaded_by"],
            t("ws.col.file", lang): u["file_name"],
            t("ws.col.rows", lang): u["row_count"],
            t("ws.col.status", lang): status_text(u, lang)
            + (f" · {t('ws.upload_status.demo', lang)}" if u["is_demo"] else ""),
            t("ws.col.errors", lang): u["error_count"],
            t("field.agency", lang): _agencies_text(u, names),
            # A catalogue names its plan period (its code), a submission the years and quarters it holds; a
            # crosswalk neither.
            t("ws.col.periods", lang): _periods_text(u["periods"], lang)
            if u.get("kind", "submission") == "submission"
            else (u["period_code"] or ""),
        }
        for u in uploads
    ]


def status_text(upload: dict[str, Any], lang: str) -> str:
    """Active, replaced or refused; an upload active for only some of its slices says for how many; a catalogue
    or crosswalk import is marked so ("ditolak · katalog", "ditolak · crosswalk")."""
    text = t(f"ws.upload_status.{upload['status']}", lang)
    held, active = upload.get("slices_held") or 0, upload.get("slices_active") or 0
    if upload["status"] == "active" and active < held:
        text = t("ws.upload_status.partly_active", lang, active=fmt_int(active, lang), held=fmt_int(held, lang))
    if upload.get("kind") in PLAN_KINDS:
        text += " · " + t("ws.upload_status." + upload["kind"], lang)
    return text


# The history's rows that are plan files (a catalogue or a crosswalk refused), not submissions.
PLAN_KINDS = ("catalogue", "crosswalk")


def _agencies_text(upload: dict[str, Any], names: Names) -> str:
    codes = (upload["agencies"] or upload["given_agency"] or "").split(", ")
    return ", ".join(sorted((names.agency(code) for code in codes if code), key=name_order))


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
    status = status_text(upload, lang)
    return f"#{upload['upload_id']} · {upload['file_name']} · {fmt_date(upload['uploaded_at'], lang)} · {status}"


def chain_rows(chain: list[dict[str, Any]], names: Names, chosen: int | None = None) -> list[dict[str, Any]]:
    """The versions of each (K/L, year, quarter, pillar) as a table, the active one marked (and the chosen one)."""
    lang = names.lang
    ordered = sorted(
        chain, key=lambda r: (name_order(names.agency(r["agency_code"])), r["year"], r["quarter"], r["pillar"])
    )
    group = names.group_header({row["year"] for row in chain})
    return [
        {
            t("field.agency", lang): names.agency(row["agency_code"]),
            t("field.year", lang): row["year"],
            t("field.quarter", lang): fmt_quarter(row["quarter"], lang),
            group: names.pillar(row["pillar"], row["year"]),
            t("ws.col.version", lang): row["version"],
            "#": f"#{row['upload_id']}" + (" ◀" if row["upload_id"] == chosen else ""),
            t("ws.col.file", lang): row["file_name"],
            t("ws.col.when", lang): fmt_date(row["uploaded_at"], lang, with_time=True),
            t("ws.col.who", lang): row["uploaded_by"],
            t("ws.col.rows", lang): row["row_count"],
            t("ws.col.committed", lang): row["committed_count"],
            t("ws.col.active", lang): "●" if row["is_active"] else "",
        }
        for row in ordered
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
    store: Store,
    *,
    agency: str | None = None,
    year: int | None = None,
    quarter: int | None = None,
    upload_id: int | None = None,
) -> list[dict[str, Any]]:
    """Per (K/L, year, quarter, pillar) every upload that held it, oldest first, and which is active; with
    upload_id, only the slices that upload holds."""
    return store.query_rows("workspace/version_chain", agency=agency, year=year, quarter=quarter, upload_id=upload_id)


def compare_choices(chain: list[dict[str, Any]], chosen: int) -> tuple[list[int], int, int]:
    """The versions of the chosen upload's slices, and the pair compared first: the chosen upload and the
    version before it (or, for a first version, the chosen upload and the one after it)."""
    versions = sorted({row["upload_id"] for row in chain})
    before = [v for v in versions if v < chosen]
    after = [v for v in versions if v > chosen]
    if before:
        return versions, before[-1], chosen
    if after:
        return versions, chosen, after[0]
    return versions, chosen, chosen


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


def comparison_rows(comparison: Comparison, names: Names) -> list[dict[str, Any]]:
    """The differences as a table for the page, codes shown as names (K/L, province, pillar)."""
    lang = names.lang

    def yes_no(value: bool | None) -> str:
        return "" if value is None else t("committed.yes" if value else "committed.no", lang)

    differences = comparison.differences()
    group = names.group_header({row["year"] for row in differences})
    return [
        {
            t("ws.col.change", lang): t(f"ws.change.{row['change']}", lang),
            t("field.agency", lang): names.agency(row["agency_code"]),
            t("field.year", lang): row["year"],
            t("field.quarter", lang): fmt_quarter(row["quarter"], lang),
            group: names.pillar(row["pillar"], row["year"]),
            t("field.action_code", lang): row["action_code"],
            t("field.province", lang): names.province(row["province_code"]),
            t("ws.col.committed_before", lang): yes_no(row["old_committed"]),
            t("ws.col.committed_after", lang): yes_no(row["new_committed"]),
            t("ws.col.flipped", lang): "⇄" if row["committed_flipped"] else "",
        }
        for row in differences
    ]


def original_file(store: Store, upload_id: int, *, actor: Actor) -> tuple[str, bytes]:
    """The file as it was uploaded: (its name, its bytes); analysts and admins only."""
    require(actor, "analyst", "download an original upload")
    found = store.query_rows("workspace/upload_original", upload_id=upload_id)
    if not found or not found[0]["archive_path"]:
        raise WorkspaceError("ws.history.no_original", upload_id=upload_id)
    content = store.original(found[0]["archive_path"])
    if content is None:
        raise WorkspaceError("ws.history.no_original", upload_id=upload_id)
    return found[0]["file_name"], content


def restore(store: Store, upload_id: int, *, actor: Actor) -> list[dict[str, Any]]:
    """Make an earlier upload the active version again for every slice it holds (analysts and admins)."""
    try:
        return restore_upload(store, upload_id, actor=actor)
    except LookupError as exc:
        raise WorkspaceError("ws.history.cannot_restore", upload_id=upload_id) from exc


def restore_plan(store: Store, upload_id: int) -> list[dict[str, Any]]:
    """What restoring an upload changes: each slice it holds that another version (or none) provides now."""
    return store.query_rows("workspace/restore_plan", upload_id=upload_id)


def undo_plan(store: Store, upload_id: int) -> list[dict[str, Any]]:
    """What undoing an upload changes: each slice it provides now, and the earlier version that becomes active
    again there (none when the upload added the slice: it then leaves the figures)."""
    return store.query_rows("workspace/undo_plan", upload_id=upload_id)


def undo(store: Store, upload_id: int, *, actor: Actor) -> list[dict[str, Any]]:
    """Undo an upload for exactly the slices it provides now: each gets back its previous version, or none
    (analysts and admins; audited). The upload stays in the history and can be restored."""
    require(actor, "analyst", "undo an upload")
    with store.transaction() as cur:
        params = {"upload_id": upload_id}
        result = cur.execute(sql.load("workspace/undo_plan"), params)
        columns = [d[0] for d in result.description]
        plan = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
        if not plan:
            raise WorkspaceError("ws.history.cannot_undo", upload_id=upload_id)
        # The upload leaves every slice it provides; the slices with an earlier version get it back.
        cur.execute(sql.load("workspace/undo_clear_current"), params)
        cur.execute(sql.load("workspace/undo_remove_slices"), params)
        back = [item for item in plan if item["previous_upload_id"] is not None]
        if back:
            slices = {
                "agencies": [item["agency_code"] for item in back],
                "years": [item["year"] for item in back],
                "quarters": [item["quarter"] for item in back],
                "pillars": [item["pillar"] for item in back],
                "upload_ids": [item["previous_upload_id"] for item in back],
            }
            cur.execute(sql.load("workspace/undo_insert_current"), slices)
            keys = {name: slices[name] for name in ("agencies", "years", "quarters", "pillars")}
            cur.execute(sql.load("workspace/undo_deactivate_slices"), keys)
            cur.execute(sql.load("workspace/undo_activate_slices"), slices | {"activated_at": datetime.now()})
        audit.write(
            cur,
            actor,
            "undo",
            {
                "upload_id": upload_id,
                "slices": [
                    [i["agency_code"], i["year"], i["quarter"], i["pillar"], i["previous_upload_id"]] for i in plan
                ],
            },
        )
    return plan


def _version_text(
    upload_id: int | None, file_name: str | None, when: datetime | None, rows: int | None, lang: str
) -> str:
    """One version in a plan: number, file, date and rows; or none."""
    if upload_id is None:
        return t("ws.history.no_version", lang)
    text = f"#{upload_id} · {file_name} · {fmt_date(when, lang, with_time=True)}"
    return text if rows is None else text + " · " + t("ws.history.rows", lang, rows=fmt_int(rows, lang))


def _slice_columns(item: dict[str, Any], names: Names, group: str) -> dict[str, Any]:
    """A slice's K/L, year and quarter, and its group under the plan's group header."""
    lang = names.lang
    return {
        t("ws.col.kl", lang): names.agency(item["agency_code"]),
        t("ws.col.period", lang): f"{item['year']} {fmt_quarter(item['quarter'], lang)}",
        group: names.pillar(item["pillar"], item["year"]),
    }


def undo_rows(plan: list[dict[str, Any]], names: Names) -> list[dict[str, Any]]:
    """The undo plan as a table: per slice, the chosen upload's rows there now, and the version it goes back to."""
    lang = names.lang
    group = names.group_header({item["year"] for item in plan})
    return [
        {
            **_slice_columns(item, names, group),
            t("ws.col.rows_now", lang): fmt_int(item["current_rows"], lang),
            t("ws.col.after_undo", lang): _version_text(
                item["previous_upload_id"],
                item["previous_file_name"],
                item["previous_uploaded_at"],
                item["previous_rows"],
                lang,
            ),
        }
        for item in _by_name(plan, names)
    ]


def restore_rows(plan: list[dict[str, Any]], names: Names) -> list[dict[str, Any]]:
    """The restore plan as a table: per slice, the version it displaces, and the chosen upload's rows there."""
    lang = names.lang
    group = names.group_header({item["year"] for item in plan})
    return [
        {
            **_slice_columns(item, names, group),
            t("ws.col.version_now", lang): _version_text(
                item["current_upload_id"], item["current_file_name"], item["current_uploaded_at"], None, lang
            ),
            t("ws.col.rows_restored", lang): fmt_int(item["restored_rows"], lang),
        }
        for item in _by_name(plan, names)
    ]


def _by_name(plan: list[dict[str, Any]], names: Names) -> list[dict[str, Any]]:
    return sorted(
        plan, key=lambda i: (name_order(names.agency(i["agency_code"])), i["year"], i["quarter"], i["pillar"])
    )
