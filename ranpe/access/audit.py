"""The audit log: who did what and when (uploads, refusals, restores, reference edits, exports, sign-ins)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import duckdb

from ranpe.access.roles import Actor, require
from ranpe.store import sql
from ranpe.store.connection import Store

ACTIONS = (
    "upload",
    "replace",
    "refuse",
    "restore",
    "undo",
    "remove_demo",
    "reference_change",
    "setting",
    "export",
    "sign_in",
    "sign_in_failed",
    "sign_out",
    "user_change",
    "store_tidy",
)


def _params(actor: Actor, action: str, details: dict[str, Any] | None) -> dict[str, Any]:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action: {action}")
    return {
        "logged_at": datetime.now(),
        "actor": actor.name,
        "role": actor.role,
        "action": action,
        "details": json.dumps(details or {}, ensure_ascii=False, default=str, sort_keys=True),
    }


def write(cur: duckdb.DuckDBPyConnection, actor: Actor, action: str, details: dict[str, Any] | None = None) -> None:
    """Record an action inside the caller's open transaction (stored with it, or not at all)."""
    cur.execute(sql.load("access/audit_insert"), _params(actor, action, details))


def record(store: Store, actor: Actor, action: str, details: dict[str, Any] | None = None) -> None:
    """Record an action on its own; does not move the data version, so caches stay valid."""
    with store.write_alone() as cur:
        cur.execute(sql.load("access/audit_insert"), _params(actor, action, details))


def entries(store: Store, actor: Actor, *, action: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """The audit log, newest first, with details decoded (admins only)."""
    require(actor, "admin", "read the audit log")
    rows = store.query_rows("access/audit_log", action=action, limit=limit)
    for row in rows:
        row["details"] = json.loads(row["details"]) if row["details"] else {}
    return rows
