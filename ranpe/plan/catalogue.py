"""The action catalogue (matriks rencana aksi) of a plan period: its import, versions and restore.

One row per action: its code, text, group (pillar or theme) of the period, lead K/L, supporting K/L, years and
targets (DOMAIN.md, "The plan itself"). A file is read by the submissions' reader (ranpe.ingest.reader) in the
parsing sandbox (ranpe.plan.catalogue_file.check_file), every problem is named (file, sheet, row, column, value) and
it is stored whole or not at all; a refused one leaves only its record in the upload history (catalogue_refusals,
numbered with the uploads). Each import of a period's catalogue is a new version, the latest active; an older version
can be made active again.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from ranpe import i18n
from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.i18n import t
from ranpe.ingest import sandbox
from ranpe.ingest.pipeline import _archive, problems_json
from ranpe.ingest.problems import Problem
from ranpe.plan.catalogue_file import Action, Checked, Known, check_file, find_period
from ranpe.plan.periods import Period, list_periods
from ranpe.store import sql
from ranpe.store.connection import Store


class UsageError(ValueError):
    """A period given at import that names no period (message in both languages)."""

    def __init__(self, key: str, **values: object):
        super().__init__(f"{t(key, 'id', **values)} / {t(key, 'en', **values)}")
        self.key = key


@dataclass
class CatalogueResult:
    """What happened to one catalogue file; shaped like an ingest result (stored / unchanged / refused)."""

    file_name: str
    status: str  # stored | unchanged | refused | checked (dry run)
    period_code: str | None = None
    version_id: int | None = None
    upload_id: int | None = None  # a refused import's number in the upload history (numbered with the uploads)
    actions: list[Action] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error_total: int = 0
    first_imported_at: datetime | None = None

    @property
    def rows(self) -> int:
        return len(self.actions)

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.file_name,
            "status": self.status,
            "period": self.period_code,
            "version_id": self.version_id,
            "upload_id": self.upload_id,
            "actions": len(self.actions),
            "errors": [
                {k: v for k, v in p.as_dict(lang).items() if k in ("sheet", "row", "column", "value", "message")}
                for p in self.problems
            ],
            "error_total": self.error_total,
            "warnings": [p.as_dict(lang) for p in self.warnings],
            "first_imported_at": self.first_imported_at.isoformat() if self.first_imported_at else None,
        }

    def message(self, lang: str = "id") -> str:
        if self.status == "stored":
            count = len(self.actions)
            return t("catalogue.stored", lang, count=count, period=self.period_code, version=self.version_id)
        if self.status == "unchanged":
            return t(
                "catalogue.unchanged",
                lang,
                when=i18n.fmt_date(self.first_imported_at, lang, with_time=True),
                version=self.version_id,
            )
        if self.status == "checked":
            return t("catalogue.checked", lang, count=len(self.actions), period=self.period_code)
        return t("result.refused", lang, count=self.error_total)


def resolve_period(store: Store, value: object) -> Period | None:
    """The period given at import (None when none was given); raises UsageError for a name of no period."""
    if value in (None, ""):
        return None
    periods = list_periods(store)
    found = find_period(periods, value)
    if found is None:
        raise UsageError("catalogue.unknown_period", value=value, periods=", ".join(p.code for p in periods))
    return found


def check_bytes(store: Store, data: bytes, file_name: str, period: Period | None = None) -> Checked:
    """Read and check a catalogue file without storing it, in the parsing sandbox (ranpe.ingest.sandbox: a child
    process under a time and a memory limit) as a submission is: a file that outlasts them is refused."""
    return sandbox.run(check_file, (data, file_name, period, Known.of(store)), partial(_refusal, file_name, period))


def _refusal(file_name: str, period: Period | None, key: str, **params: object) -> Checked:
    return Checked(period, [], [Problem(key, file_name, params=params)], 1)


def import_bytes(
    store: Store,
    data: bytes,
    file_name: str,
    *,
    period: object = None,
    actor: Actor,
    is_demo: bool = False,
    imported_at: datetime | None = None,
    dry_run: bool = False,
) -> CatalogueResult:
    """Check a catalogue file and store it whole as its period's new active version, or refuse it whole and record
    the refusal in the upload history (who, when, file, hash, every problem; no version, nothing else kept)."""
    if not dry_run:
        require(actor, "analyst", "catalogue import")
    display_name = Path(str(file_name).replace("\\", "/")).name or "catalogue"
    given = resolve_period(store, period)
    sha256 = hashlib.sha256(data).hexdigest()
    checked = check_bytes(store, data, display_name, given)
    result = CatalogueResult(
        display_name,
        "refused",
        checked.period.code if checked.period else None,
        actions=checked.actions,
        problems=checked.problems,
        error_total=checked.error_total,
    )
    if not checked.ok:
        if not dry_run:
            result.upload_id = _record_refusal(store, result, sha256, actor, imported_at or datetime.now())
        return result
    if dry_run:
        result.status = "checked"
        return result
    code = checked.period.code
    active = store.query_rows("plan/catalogue_active_version", period=code, as_of=None)
    if active and active[0]["sha256"] == sha256:
        result.status = "unchanged"
        result.version_id = int(active[0]["version_id"])
        result.first_imported_at = active[0]["imported_at"]
        return result
    when = imported_at or datetime.now()
    archive_name = f"{uuid.uuid4().hex}.{'csv' if display_name.lower().endswith('.csv') else 'xlsx'}"
    # The embedded store archives the original as a file before the transaction; the shared one in it.
    archive_path = None if store.is_lake else _archive(store, data, archive_name)
    try:
        with store.transaction() as cur:
            if store.is_lake:
                cur.execute(sql.load("store/original_insert"), {"archive_path": archive_name, "content": data})
            ids = cur.execute(sql.load("plan/catalogue_next_ids")).fetchone()
            version_id, activation_id = int(ids[0]), int(ids[1])
            cur.execute(
                sql.load("plan/catalogue_insert_version"),
                {
                    "version_id": version_id,
                    "period": code,
                    "file_name": display_name,
                    "sha256": sha256,
                    "archive_path": archive_name,
                    "imported_at": when,
                    "imported_by": actor.name,
                    "action_count": len(checked.actions),
                    "is_demo": is_demo,
                },
            )
            _insert_actions(cur, version_id, checked.actions)
            cur.execute(
                sql.load("plan/catalogue_activate"),
                {
                    "activation_id": activation_id,
                    "period": code,
                    "version_id": version_id,
                    "activated_at": when,
                    "activated_by": actor.name,
                },
            )
            audit.write(
                cur,
                actor,
                "upload",
                {"catalogue_version": version_id, "period": code, "file": display_name, "sha256": sha256},
            )
    except BaseException:
        if archive_path is not None:
            archive_path.unlink(missing_ok=True)
        raise
    result.status = "stored"
    result.version_id = version_id
    return result


def _record_refusal(store: Store, result: CatalogueResult, sha256: str, actor: Actor, when: datetime) -> int:
    """Record a refused catalogue import as a refused upload is recorded: numbered with the uploads, audited."""
    return record_refusal(
        store,
        "plan/catalogue_insert_refusal",
        {"period": result.period_code, "error_count": result.error_total},
        {"catalogue": True, "period": result.period_code, "errors": result.error_total},
        (result.file_name, sha256, result.problems),
        actor,
        when,
    )


def record_refusal(
    store: Store,
    query: str,
    fields: dict[str, Any],
    details: dict[str, Any],
    refused: tuple[str, str, list[Problem]],
    actor: Actor,
    when: datetime,
) -> int:
    """Keep a refused plan file (catalogue or crosswalk) in the history: its record (query, with the fields of its
    kind) numbered with the uploads inside the write, and the refusal audited with the details of its kind; the
    upload number it took."""
    file_name, sha256, problems = refused
    with store.transaction() as cur:
        upload_id = int(cur.execute(sql.load("ingest/next_upload_id")).fetchone()[0])
        record = {"upload_id": upload_id, "file_name": file_name, "sha256": sha256, "uploaded_at": when}
        record |= {"uploaded_by": actor.name, "errors": problems_json(problems)}
        cur.execute(sql.load(query), record | fields)
        audit.write(cur, actor, "refuse", {"upload_id": upload_id, "file": file_name, "sha256": sha256} | details)
    return upload_id


def _insert_actions(cur, version_id: int, actions: list[Action]) -> None:
    import pyarrow as pa

    table = pa.table(
        {
            "action_code": [a.action_code for a in actions],
            "action": [a.action for a in actions],
            "pillar": pa.array([a.pillar for a in actions], pa.int32()),
            "focus_area": pa.array([a.focus_area for a in actions], pa.string()),
            "lead_agency": [a.lead_agency for a in actions],
            "indicator": pa.array([a.indicator for a in actions], pa.string()),
            "unit": pa.array([a.unit for a in actions], pa.string()),
            "target": pa.array([a.target for a in actions], pa.float64()),
            "source_sheet": [a.source_sheet for a in actions],
            "source_row": pa.array([a.source_row for a in actions], pa.int32()),
        }
    )
    supporting = pa.table(
        {
            "action_code": pa.array([a.action_code for a in actions for _ in a.supporting], pa.string()),
            "agency_code": pa.array([code for a in actions for code in a.supporting], pa.string()),
        }
    )
    years = pa.table(
        {
            "action_code": pa.array([a.action_code for a in actions for _ in a.years], pa.string()),
            "year": pa.array([year for a in actions for year in a.years], pa.int32()),
            "target": pa.array([target for a in actions for target in a.years.values()], pa.float64()),
        }
    )
    for name, rows in (("incoming_actions", table), ("incoming_supporting", supporting), ("incoming_years", years)):
        cur.register(name, rows)
    try:
        for name in (
            "plan/catalogue_insert_actions",
            "plan/catalogue_insert_supporting",
            "plan/catalogue_insert_years",
        ):
            cur.execute(sql.load(name), {"version_id": version_id})
    finally:
        for name in ("incoming_actions", "incoming_supporting", "incoming_years"):
            cur.unregister(name)


def import_path(store: Store, path: Path | str, **options: Any) -> CatalogueResult:
    """import_bytes for a file on disk."""
    path = Path(path)
    return import_bytes(store, path.read_bytes(), path.name, **options)


def versions(store: Store, period: str | None = None) -> list[dict[str, Any]]:
    """Every imported version (of one period, or all), newest first, with whether it is the active one."""
    return store.query_rows("plan/catalogue_versions", period=period)


def restore_version(store: Store, version_id: int, *, actor: Actor, restored_at: datetime | None = None) -> str:
    """Make an earlier version its period's catalogue again; the period's code."""
    require(actor, "analyst", "restore")
    found = [v for v in versions(store) if int(v["version_id"]) == int(version_id)]
    if not found:
        raise LookupError(version_id)
    period = found[0]["period_code"]
    with store.transaction() as cur:
        activation_id = int(cur.execute(sql.load("plan/catalogue_next_ids")).fetchone()[1])
        cur.execute(
            sql.load("plan/catalogue_activate"),
            {
                "activation_id": activation_id,
                "period": period,
                "version_id": int(version_id),
                "activated_at": restored_at or datetime.now(),
                "activated_by": actor.name,
            },
        )
        audit.write(cur, actor, "restore", {"catalogue_version": int(version_id), "period": period})
    return period


def actions(store: Store, period: str) -> list[dict[str, Any]]:
    """The active catalogue of a period: each action with its lead, supporting K/L (codes, "; ") and years."""
    return store.query_rows("plan/catalogue_actions", period=period, as_of=None)


def has_catalogue(store: Store, period: str) -> bool:
    return bool(store.query_rows("plan/catalogue_active_version", period=period, as_of=None))


def remove_demo(store: Store, *, actor: Actor) -> int:
    """Delete the demo's catalogue versions (their actions, activations and archived files) and its crosswalk;
    the number of versions removed."""
    require(actor, "analyst", "remove demo data")
    archives = store.query_rows("plan/catalogue_demo_archives")
    with store.transaction() as cur:
        for name in (
            *(["plan/delete_demo_catalogue_originals"] if store.is_lake else []),
            "plan/delete_demo_catalogue_actions",
            "plan/delete_demo_catalogue_supporting",
            "plan/delete_demo_catalogue_years",
            "plan/delete_demo_catalogue_activations",
            "plan/delete_demo_catalogue_versions",
            "plan/delete_demo_crosswalk",
        ):
            cur.execute(sql.load(name))
    for row in [] if store.is_lake else archives:
        (store.uploads_dir / row["archive_path"]).unlink(missing_ok=True)
    return len(archives)
