"""Audited edits of the reference data (K/L, aliases, active years, province aliases, plan periods), users and the
audit log as the admin pages show them."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from ranpe.access import audit, users
from ranpe.access.roles import Actor, require
from ranpe.i18n import fmt_date, t
from ranpe.ingest.contract import value_key
from ranpe.plan import periods
from ranpe.store import sql
from ranpe.store.connection import Store
from ranpe.workspace.common import WorkspaceError, name_order

AGENCY_CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_]{1,31}$")
YEAR_RANGE = (2000, 2100)


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
            sql.load("workspace/reference_change_insert"),
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
    existing = store.query_rows("reference/agencies")
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
        cur.execute(sql.load("workspace/agency_insert"), entry)
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
    existing = store.query_rows("reference/agencies")
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
        cur.execute(sql.load("workspace/agency_update"), entry)
        changes = _record_changes(
            cur, actor, "agency", code, before=before, after={k: v for k, v in entry.items() if k != "code"}
        )
    return changes


def set_province_aliases(store: Store, code: str, aliases: str | list[str], *, actor: Actor) -> dict[str, list]:
    """Replace a province's aliases (admins only; audited); used from the next ingest."""
    require(actor, "admin", "edit reference data")
    existing = store.query_rows("reference/provinces")
    before = next((p for p in existing if p["code"] == code), None)
    if before is None:
        raise WorkspaceError("ws.ref.unknown_code", code=code)
    entry = {**before, "aliases": ";".join(_split_aliases(aliases))}
    _check_clashes(entry, [p for p in existing if p["code"] != code], ("name", "name_en", "iso"))
    with store.transaction() as cur:
        cur.execute(sql.load("workspace/province_aliases_update"), {"code": code, "aliases": entry["aliases"]})
        return _record_changes(
            cur, actor, "province", code, before={"aliases": before["aliases"]}, after={"aliases": entry["aliases"]}
        )


def reference_changes(store: Store, *, actor: Actor) -> list[dict[str, Any]]:
    """Every reference-data edit, newest first (admins only)."""
    require(actor, "admin", "read the reference-data history")
    return store.query_rows("workspace/reference_changes")


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


def user_rows(lang: str, store: Store | None = None) -> list[dict[str, Any]]:
    """The local users (names, roles, e-mails; never hashes): the users file's, or the shared store's."""

    try:
        found = users.load_users(store=store)
    except users.UserError:
        found = {}
    return [
        {t("ws.auth.user_name", lang): u.name, t("ws.col.role", lang): t(f"ws.role.{u.role}", lang), "e-mail": u.email}
        for u in sorted(found.values(), key=lambda u: name_order(u.name))
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


# -- plan periods and their groups ---------------------------------------------------------------------------

NEW_PERIOD = ""


def period_rows(store: Store, lang: str) -> list[dict[str, Any]]:
    """Every plan period as the Data rujukan page lists it: code, names, legal basis, years, group word, groups."""
    rows = []
    for period in periods.list_periods(store):
        found = periods.groups(store, period.code)
        rows.append(
            {
                t("period.col.code", lang): period.code,
                t("period.col.name", lang): period.label(lang),
                t("period.col.legal_basis", lang): period.legal_basis,
                t("period.col.years", lang): f"{period.first_year}–{period.last_year}",
                t("period.col.group_word", lang): period.word(lang),
                t("period.col.groups", lang): len(found),
                t("period.col.illustrative", lang): t("committed.yes", lang) if period.illustrative else "",
            }
        )
    return rows


def period_form(store: Store, code: str) -> dict[str, Any]:
    """The values an add/edit form starts from: the period's (empty for a new one) and its groups as rows."""
    period = next((p for p in periods.list_periods(store) if p.code == code), None)
    if period is None:
        return {
            "code": "",
            "name": "",
            "name_en": "",
            "legal_basis": "",
            "years": "",
            "group_word": "Tema",
            "group_word_en": "Theme",
            "illustrative": False,
            "groups": [{"number": 1, "name": "", "name_en": "", "aliases": ""}],
        }
    return {
        "code": period.code,
        "name": period.name,
        "name_en": period.name_en,
        "legal_basis": period.legal_basis,
        "years": f"{period.first_year}-{period.last_year}",
        "group_word": period.group_word,
        "group_word_en": period.group_word_en,
        "illustrative": period.illustrative,
        "groups": [
            {
                "number": row["number"],
                "name": row["name"],
                "name_en": row["name_en"],
                "short_name": row["short_name"],
                "short_name_en": row["short_name_en"],
                "working_group": row["working_group"],
                "aliases": row["aliases"],
            }
            for row in periods.groups(store, period.code)
        ],
    }


def save_period(
    store: Store, values: dict[str, Any], group_rows: list[dict[str, Any]], *, edit: bool, actor: Actor, lang: str
) -> periods.Period:
    """Add or edit a period from the page's form (admins only; audited); raises periods.PeriodError with every
    problem (the groups' rows named as the table shows them, from 1)."""
    kept = [
        {**row, "number": "" if row.get("number") in (None, "") else str(int(float(row["number"]))), "row": index}
        for index, row in enumerate(group_rows, start=1)
        if any(str(value or "").strip() for key, value in row.items() if key != "row")
    ]
    return periods.save_period(
        store,
        code=values["code"],
        name=values["name"],
        name_en=values["name_en"],
        legal_basis=values["legal_basis"],
        years=values["years"],
        group_word=values["group_word"],
        group_word_en=values["group_word_en"],
        groups_in=kept,
        actor=actor,
        illustrative=bool(values.get("illustrative")),
        edit=edit,
        groups_file=t("period.col.groups", lang),
    )
