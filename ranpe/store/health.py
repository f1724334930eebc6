"""Start-up check of the store: schema version, rows against uploads, active slices, archive, audit log.

The app shows the findings instead of serving numbers that may be wrong; an empty list means healthy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from ranpe.i18n import t
from ranpe.store import sql
from ranpe.store.connection import Store


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the store, told in the user's language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.params)


def expected_schema_version() -> int:
    """The highest migration this version of the app ships."""
    return max((version for version, _ in sql.migrations()), default=0)


def check(store: Store, *, archive: bool = True) -> list[Finding]:
    """Every problem found in the store (empty when it is in good order)."""
    try:
        return _check(store, archive)
    except duckdb.Error as exc:
        return [Finding("reliability.health_failed", {"detail": str(exc).splitlines()[0][:200]})]


def _check(store: Store, archive: bool) -> list[Finding]:
    findings: list[Finding] = []
    found, expected = store.schema_version(), expected_schema_version()
    if found != expected:
        key = "reliability.health_schema_old" if found < expected else "reliability.health_schema_new"
        findings.append(Finding(key, {"found": found, "expected": expected}))
        if found < expected:
            return findings
    for row in store.query_rows("health/row_count_mismatches"):
        findings.append(Finding("reliability.health_row_count", row))
    for row in store.query_rows("health/dangling_slices"):
        findings.append(Finding("reliability.health_active_missing", row))
    if archive:
        if store.is_lake:
            # One query: read one by one, every original's bytes came from PostgreSQL (each page run after a commit).
            missing = [row["upload_id"] for row in store.query_rows("health/archived_missing_lake")]
        else:
            archived = store.query_rows("health/archived_uploads")
            missing = [row["upload_id"] for row in archived if store.original(row["archive_path"]) is None]
        for upload_id in missing:
            findings.append(Finding("reliability.health_archive_missing", {"upload_id": upload_id}))
    tables = {row["table_name"] for row in store.query_rows("health/tables")}
    if "audit_log" in tables:
        for row in store.query_rows("health/audit_missing"):
            findings.append(Finding("reliability.health_audit_missing", row))
        for row in store.query_rows("health/audit_orphans"):
            findings.append(Finding("reliability.health_audit_orphan", row))
    return findings


def stored_rows(store: Store, upload_id: int) -> list[dict[str, Any]]:
    """Every row stored for one upload, in the order of its file (to check an upload against its original)."""
    return store.query_rows("health/upload_rows", upload_id=upload_id)
