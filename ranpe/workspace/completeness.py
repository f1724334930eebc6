"""Reporting completeness: which K/L reported each quarter, on time or late against the deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.exports.files import csv_bytes, xlsx_bytes
from ranpe.i18n import fmt_date, fmt_quarter, t
from ranpe.store import sql
from ranpe.store.connection import Store
from ranpe.workspace.common import QUARTERS, WorkspaceError

DEFAULT_DEADLINE_DAYS = 15


def quarter_end(year: int, quarter: int) -> date:
    """The last day of a quarter."""
    first_of_next = date(year + 1, 1, 1) if quarter == 4 else date(year, quarter * 3 + 1, 1)
    return first_of_next - timedelta(days=1)


def deadline_days(store: Store) -> int:
    """Days after a quarter's end by which its report is due (stored setting)."""
    found = store.query_rows("workspace/setting", key="deadline_days")
    return int(found[0]["value"]) if found else DEFAULT_DEADLINE_DAYS


def deadlines(store: Store, year: int) -> dict[int, date]:
    """The due date of each quarter of a year: a date set for that quarter, else its end plus the days."""
    days = deadline_days(store)
    prefix = f"deadline.{year}."
    overrides = {
        int(row["key"].removeprefix(prefix)): date.fromisoformat(row["value"])
        for row in store.query_rows("workspace/settings_like", prefix=prefix)
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
            cur.execute(sql.load("workspace/setting_delete"), {"key": key})
        else:
            cur.execute(
                sql.load("workspace/setting_upsert"),
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
        (row["agency_code"], row["quarter"]): row
        for row in store.query_rows("workspace/completeness_submissions", year=year)
    }
    agencies = []
    for agency in store.query_rows("workspace/expected_agencies", year=year, include_reference=include_reference):
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
    return csv_bytes(headers, [list(r.values()) for r in rows], lang)
