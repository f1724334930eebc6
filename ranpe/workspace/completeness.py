"""Reporting completeness: which K/L reported each quarter, on time or late against the deadlines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.exports.files import csv_bytes, xlsx_bytes
from ranpe.i18n import fmt_date, fmt_int, fmt_pct, fmt_quarter, t
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
        cur.execute(sql.load("workspace/setting_delete"), {"key": key})
        if value is not None:
            cur.execute(
                sql.load("workspace/setting_insert"),
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
    """A year's K/L × quarter matrix of on time / late / missing / not yet due, with rates per quarter.

    Expected K/L are, as DOMAIN.md's reporting completeness says, those with any row that year; the rate counts
    only them. Before anyone has reported for the year, the K/L active that year in the reference data are
    expected instead (expected_from "reference"). The K/L the reference data lists with no row that year are
    kept apart (reference_only), and are in the matrix only when asked for.
    """

    year: int
    today: date
    deadlines: dict[int, date]
    agencies: list[dict[str, Any]]  # code, names, expected, cells {quarter: {state, first_at, latest_at}}
    reporting_quarter: int | None
    expected_from: str = "reports"  # reports | reference
    reference_only: list[dict[str, Any]] = field(default_factory=list)

    @property
    def expected(self) -> list[dict[str, Any]]:
        return [a for a in self.agencies if a["expected"]]

    def is_due(self, quarter: int) -> bool:
        """Whether the quarter's deadline has passed."""
        return self.today > self.deadlines[quarter]

    def submitted(self, quarter: int) -> int:
        """The expected K/L that have reported for the quarter."""
        return sum(1 for a in self.expected if a["cells"][quarter]["state"] in ("on_time", "late"))

    def rate(self, quarter: int) -> float | None:
        """Expected K/L that reported ÷ expected K/L; none for a quarter not yet due (never a 0% that is not)."""
        if not self.expected or not self.is_due(quarter):
            return None
        return self.submitted(quarter) / len(self.expected)

    def counts(self, quarter: int) -> dict[str, int]:
        states = [a["cells"][quarter]["state"] for a in self.expected]
        return {state: states.count(state) for state in ("on_time", "late", "missing", "not_due")}

    def not_reported(self, quarter: int) -> list[dict[str, Any]]:
        """The K/L in the matrix with no report for the quarter (overdue or not yet due)."""
        return [a for a in self.agencies if a["cells"][quarter]["state"] in ("missing", "not_due")]


def completeness(
    store: Store, year: int, *, today: date | None = None, include_reference: bool = False
) -> Completeness:
    """The reporting-completeness matrix of a year: the K/L with any row that year (or, when none has any, those
    active that year in the reference data), plus, when asked, the reference data's other active K/L."""
    today = today or date.today()
    due = deadlines(store, year)
    submitted = {
        (row["agency_code"], row["quarter"]): row
        for row in store.query_rows("workspace/completeness_submissions", year=year)
    }
    found = store.query_rows("workspace/expected_agencies", year=year)
    reported = [a for a in found if a["reported"]]
    reference_only = [a for a in found if a["listed"] and not a["reported"]]
    if reported:
        expected_from, expected_codes = "reports", {a["code"] for a in reported}
        shown = found if include_reference else reported
    else:
        expected_from, expected_codes = "reference", {a["code"] for a in reference_only}
        shown, reference_only = reference_only, []
    agencies = []
    for agency in shown:
        cells = {}
        for quarter in QUARTERS:
            found_cell = submitted.get((agency["code"], quarter))
            first_at = found_cell["first_at"] if found_cell else None
            if found_cell:
                state = "on_time" if first_at is None or first_at.date() <= due[quarter] else "late"
            else:
                state = "missing" if today > due[quarter] else "not_due"
            latest_at = found_cell["latest_at"] if found_cell else None
            cells[quarter] = {"state": state, "first_at": first_at, "latest_at": latest_at}
        agencies.append({**agency, "expected": agency["code"] in expected_codes, "cells": cells})
    return Completeness(year, today, due, agencies, reporting_quarter(year, today), expected_from, reference_only)


_STATE_MARKS = {"on_time": "✓", "late": "!", "missing": "✗", "not_due": "…"}


def matrix_rows(result: Completeness, lang: str) -> list[dict[str, Any]]:
    """The matrix as a table: K/L (and, when some are listed that the rate does not count, whether it counts
    them), then per quarter its state (with the date of the first report)."""
    rows = []
    mixed = any(not agency["expected"] for agency in result.agencies)
    for agency in result.agencies:
        row = {t("ws.col.code", lang): agency["code"], t("field.agency", lang): agency["short_name"] or agency["code"]}
        if mixed:
            row[t("ws.col.in_rate", lang)] = t(
                "ws.completeness.in_rate" if agency["expected"] else "ws.completeness.not_in_rate", lang
            )
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
                t("ws.col.expected_kl", lang): len(result.expected),
                t("ws.col.rate", lang): result.rate(quarter) if result.is_due(quarter) else t("ws.state.not_due", lang),
            }
        )
    return rows


def rate_text(result: Completeness, quarter: int, lang: str) -> tuple[str, str]:
    """A quarter's rate as shown (a percentage, or "–" before its deadline) and what it counts."""
    counts = {
        "submitted": fmt_int(result.submitted(quarter), lang),
        "expected": fmt_int(len(result.expected), lang),
        "due": fmt_date(result.deadlines[quarter], lang),
    }
    if not result.is_due(quarter):
        return "–", t("ws.completeness.rate_not_due", lang, **counts)
    return fmt_pct(result.rate(quarter), lang), t("ws.completeness.rate_counts", lang, **counts)


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
