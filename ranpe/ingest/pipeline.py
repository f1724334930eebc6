"""Ingest: read, validate and store one file in one transaction; versions, replacement and restore."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ranpe import config
from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.checks.rules import Finding, check_upload
from ranpe.i18n import t
from ranpe.ingest import contract, sandbox
from ranpe.ingest.contract import Invalid
from ranpe.ingest.problems import Problem
from ranpe.ingest.reference import load_reference
from ranpe.ingest.validate import Given, SheetReport, Validation
from ranpe.store import sql
from ranpe.store.connection import Store


class UsageError(ValueError):
    """A year, quarter or agency given at upload that is not valid (message in both languages)."""

    def __init__(self, key: str, value: object, **params: object):
        super().__init__(f"{t(key, 'id', value=value, **params)} / {t(key, 'en', value=value, **params)}")
        self.key = key
        self.value = value


@dataclass
class IngestResult:
    """What happened to one file."""

    file_name: str
    status: str  # stored | unchanged | refused | checked (dry run)
    upload_id: int | None = None
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem | Finding] = field(default_factory=list)  # the file's own, then the data checks'
    error_total: int = 0
    sheets: list[SheetReport] = field(default_factory=list)
    replaced: list[dict[str, Any]] = field(default_factory=list)
    first_imported_at: datetime | None = None
    found: dict[str, Any] = field(default_factory=dict)
    table: pa.Table | None = None  # the rows as they will be stored, kept by a dry run for its preview

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "status": self.status,
            "upload_id": self.upload_id,
            "rows": self.rows,
            "errors": [
                {k: v for k, v in p.as_dict(lang).items() if k in ("sheet", "row", "column", "value", "message")}
                for p in self.problems
            ],
            "error_total": self.error_total,
            "warnings": [p.as_dict(lang) for p in self.warnings],
            "replaced": self.replaced,
            "first_imported_at": self.first_imported_at.isoformat() if self.first_imported_at else None,
        }

    def message(self, lang: str = "id") -> str:
        if self.status == "stored":
            text = t("result.stored", lang, rows=self.rows, upload_id=self.upload_id)
            if self.replaced:
                text += ". " + t("result.replaced", lang, count=len(self.replaced))
            return text
        if self.status == "unchanged":
            from ranpe.i18n import fmt_date

            return t(
                "result.unchanged",
                lang,
                when=fmt_date(self.first_imported_at, lang, with_time=True),
                upload_id=self.upload_id,
            )
        return t("result.refused", lang, count=self.error_total)


def resolve_given(store: Store, year: object = None, quarter: object = None, agency: object = None) -> Given:
    """Check and normalise what was given at upload; raises UsageError."""
    reference = load_reference(store)
    given = Given()
    try:
        given.year = contract.parse_year(year) if year not in (None, "") else None
    except Invalid as exc:
        raise UsageError("given.bad_year", year) from exc
    if given.year is not None and reference.periods and reference.period_of(given.year) is None:
        raise UsageError("given.year_no_period", year, periods=reference.periods_text()[0])
    try:
        given.quarter = contract.parse_quarter(quarter) if quarter not in (None, "") else None
    except Invalid as exc:
        raise UsageError("given.bad_quarter", quarter) from exc
    try:
        given.agency = reference.agency(agency) if agency not in (None, "") else None
    except Invalid as exc:
        raise UsageError("given.unknown_agency", agency) from exc
    return given


def check_bytes(store: Store, data: bytes, file_name: str, given: Given) -> Validation:
    """Read and validate without storing: what would be stored, or every problem."""
    file_name = Path(file_name).name or "upload"
    # Parsing runs in a child process under time and memory limits (ranpe.sandbox).
    return sandbox.read_and_validate(data, file_name, given, load_reference(store))


def ingest_bytes(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    year: object = None,
    quarter: object = None,
    agency: object = None,
    actor: Actor,
    is_demo: bool = False,
    uploaded_at: datetime | None = None,
    dry_run: bool = False,
) -> IngestResult:
    """Validate one file and store it whole, or refuse it whole and record the refusal (analysts and up)."""
    if not dry_run:
        require(actor, "analyst", "upload")
    user = actor.name
    display_name = Path(str(file_name).replace("\\", "/")).name or "upload"
    given = resolve_given(store, year, quarter, agency)
    sha256 = hashlib.sha256(data).hexdigest()
    content_key = f"{sha256}|{given.year}|{given.quarter}|{given.agency}"
    when = uploaded_at or datetime.now()

    if not dry_run:
        previous = store.query_rows("ingest/upload_by_content", content_key=content_key)
        if previous and previous[0]["fully_active"]:
            first = previous[0]
            return IngestResult(
                display_name,
                "unchanged",
                first["upload_id"],
                first["row_count"],
                first_imported_at=first["uploaded_at"],
            )

    validation = check_bytes(store, data, display_name, given)
    result = IngestResult(
        display_name,
        "refused",
        problems=validation.problems,
        warnings=validation.warnings,
        error_total=validation.error_total,
        sheets=validation.sheets,
        found=validation.summary(),
    )
    if not validation.ok:
        if not dry_run:
            result.upload_id = _record_refusal(store, display_name, sha256, content_key, given, user, when, validation)
            audit.record(
                store,
                actor,
                "refuse",
                {
                    "upload_id": result.upload_id,
                    "file": display_name,
                    "sha256": sha256,
                    "errors": validation.error_total,
                },
            )
        return result
    table = validation.table
    result.rows = table.num_rows
    if not is_demo:  # the demo loader shows no warnings: its generated files skip the data checks
        # The data checks over the store as it would be after storing: warnings, never a refusal.
        findings, total = check_upload(store, table, display_name, limit=config.MAX_REPORTED_ERRORS)
        result.warnings = [*result.warnings, *findings]
        if total > len(findings):
            more = {"more": total - len(findings), "total": total}
            result.warnings.append(Problem("check.more_findings", display_name, params=more, severity="warning"))
    if dry_run:
        result.status = "checked"
        result.table = table
        return result

    archive_name = f"{uuid.uuid4().hex}.{'csv' if display_name.lower().endswith('.csv') else 'xlsx'}"
    # The embedded store archives the original as a file before the transaction; the shared one in it.
    archive_path = None if store.is_lake else _archive(store, data, archive_name)

    def store_upload(cur: duckdb.DuckDBPyConnection) -> tuple[int, list[tuple]]:
        if store.is_lake:
            cur.execute(sql.load("store/original_insert"), {"archive_path": archive_name, "content": data})
        upload_id = cur.execute(sql.load("ingest/next_upload_id")).fetchone()[0]
        cur.execute(
            sql.load("ingest/insert_upload"),
            {
                "upload_id": upload_id,
                "file_name": display_name,
                "sha256": sha256,
                "content_key": content_key,
                "archive_path": archive_name,
                "uploaded_at": when,
                "uploaded_by": user,
                "given_year": given.year,
                "given_quarter": given.quarter,
                "given_agency": given.agency,
                "row_count": table.num_rows,
                "is_demo": is_demo,
            },
        )
        cur.register("incoming_rows", table)
        try:
            cur.execute(sql.load("ingest/insert_rows"), {"upload_id": upload_id})
            replaced = cur.execute(sql.load("ingest/replaced_slices")).fetchall()
            cur.execute(sql.load("ingest/deactivate_slices"))
            cur.execute(sql.load("ingest/activate_slices"), {"upload_id": upload_id, "activated_at": when})
            cur.execute(sql.load("ingest/clear_current"))
            cur.execute(sql.load("ingest/insert_current"), {"upload_id": upload_id})
            audit.write(
                cur,
                actor,
                "replace" if replaced else "upload",
                {
                    "upload_id": upload_id,
                    "file": display_name,
                    "sha256": sha256,
                    "rows": table.num_rows,
                    "replaced": [list(item) for item in replaced],
                    "demo": is_demo,
                },
            )
        finally:
            cur.unregister("incoming_rows")
        return upload_id, replaced

    try:
        # Run again from the start if it lost a race with a writer outside the write lock (Store.retrying).
        upload_id, replaced = store.retrying(store_upload)
    except BaseException:
        if archive_path is not None:
            archive_path.unlink(missing_ok=True)
        raise
    result.status = "stored"
    result.upload_id = int(upload_id)
    result.replaced = [
        {"agency_code": a, "year": y, "quarter": q, "pillar": p, "previous_upload_id": u} for a, y, q, p, u in replaced
    ]
    return result


def ingest_path(store: Store, path: Path | str, **options: Any) -> IngestResult:
    """ingest_bytes for a file on disk."""
    path = Path(path)
    return ingest_bytes(store, path.read_bytes(), path.name, **options)


def _archive(store: Store, data: bytes, archive_name: str) -> Path:
    """Write the original bytes under a generated name, durably, before the transaction."""
    store.uploads_dir.mkdir(parents=True, exist_ok=True)
    final = store.uploads_dir / archive_name
    partial = final.with_suffix(final.suffix + ".part")
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(final)
    return final


def _record_refusal(
    store: Store,
    file_name: str,
    sha256: str,
    content_key: str,
    given: Given,
    user: str,
    when: datetime,
    validation: Validation,
) -> int:
    errors = problems_json(validation.problems)
    with store.transaction() as cur:
        upload_id = cur.execute(sql.load("ingest/next_upload_id")).fetchone()[0]
        cur.execute(
            sql.load("ingest/insert_refusal"),
            {
                "upload_id": upload_id,
                "file_name": file_name,
                "sha256": sha256,
                "content_key": content_key,
                "uploaded_at": when,
                "uploaded_by": user,
                "given_year": given.year,
                "given_quarter": given.quarter,
                "given_agency": given.agency,
                "error_count": validation.error_total,
                "errors": errors,
            },
        )
    return int(upload_id)


def problems_json(problems: list[Problem]) -> str:
    """A refused file's problems as recorded with it (JSON; each message in both languages) for its error report."""
    return json.dumps(
        [p.as_dict("id") | {"message_en": p.message("en")} for p in problems], ensure_ascii=False, default=str
    )


def restore_upload(
    store: Store, upload_id: int, *, actor: Actor, restored_at: datetime | None = None
) -> list[dict[str, Any]]:
    """Make an earlier version active again for every (agency, year, quarter, pillar) it holds, from restored_at
    (default now) on."""
    require(actor, "analyst", "restore")
    upload = store.query_rows("ingest/upload_by_id", upload_id=upload_id)
    if not upload or upload[0]["status"] != "stored":
        raise LookupError(upload_id)
    with store.transaction() as cur:
        params = {"upload_id": upload_id}
        slices = cur.execute(sql.load("ingest/restore_slices"), params).fetchall()
        cur.execute(sql.load("ingest/restore_deactivate_slices"), params)
        cur.execute(
            sql.load("ingest/restore_activate_slices"), params | {"activated_at": restored_at or datetime.now()}
        )
        cur.execute(sql.load("ingest/restore_clear_current"), params)
        cur.execute(sql.load("ingest/restore_insert_current"), params)
        audit.write(cur, actor, "restore", {"upload_id": upload_id, "slices": [list(item) for item in slices]})
    return [{"agency_code": a, "year": y, "quarter": q, "pillar": p} for a, y, q, p in slices]


def remove_demo(store: Store, *, actor: Actor) -> int:
    """Delete every demo upload, its rows and archived files; the number of uploads removed."""
    require(actor, "analyst", "remove demo data")
    demo = store.query_rows("demo/uploads")
    with store.transaction() as cur:
        for name in (
            "demo/delete_current",
            "demo/delete_slices",
            "demo/delete_activations",
            "demo/delete_rows",
            *(["store/originals_delete_demo"] if store.is_lake else []),
            "demo/delete_uploads",
        ):
            cur.execute(sql.load(name))
        audit.write(cur, actor, "remove_demo", {"uploads": [u["upload_id"] for u in demo]})
    for upload in [] if store.is_lake else demo:
        if upload["archive_path"]:
            (store.uploads_dir / upload["archive_path"]).unlink(missing_ok=True)
    return len(demo)
