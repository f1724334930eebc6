"""The plan's tables for the pages: the catalogue, its unreported actions, lead and supporting K/L, the crosswalk's
texts and the actions' trend across periods."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd

from ranpe.i18n import t
from ranpe.measures.filters import Filters
from ranpe.measures.options import groups
from ranpe.measures.summary import lead_and_supporting, year_catalogue_reports
from ranpe.measures.versioned import per_data_version
from ranpe.plan.periods import period_of_year
from ranpe.store.connection import Store


def lead_supporting_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Per K/L, the catalogue actions of the year it leads and supports, and how many of each it committed (empty
    without a catalogue)."""
    rows = lead_and_supporting(store, filters) if has_catalogue(store, filters) else []
    return pd.DataFrame(
        {
            t("dash.col.agency", lang): [r["short_name"] or r["agency_code"] for r in rows],
            t("lead.led", lang): [int(r["led"]) for r in rows],
            t("lead.led_committed", lang): [int(r["led_committed"]) for r in rows],
            t("lead.supported", lang): [int(r["supported"]) for r in rows],
            t("lead.supported_committed", lang): [int(r["supported_committed"]) for r in rows],
        }
    )


def unreported_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """The catalogue actions of the year with no report in the view, with their lead and supporting K/L."""
    return unreported_view(store, filters, lang)["table"]


def unreported_view(store: Store, filters: Filters, lang: str) -> dict[str, Any]:
    """The unreported actions' section in one read of the catalogue: the year's period (None: in none), whether
    that period has a catalogue of the year at the filters' moment (as the coverage figure exists only then), and
    the table of unreported_table()."""
    period = period_of_year(store, filters.year)
    rows = year_catalogue_reports(store, filters) if period else []
    unreported = [r for r in rows if r["unreported"]]
    links = crosswalk_texts(store, filters, lang)
    table = pd.DataFrame(
        {
            groups(store, filters.year).word(lang): [int(r["pillar"]) for r in unreported],
            t("field.action_code", lang): [r["action_code"] for r in unreported],
            t("field.action", lang): [r["action"] for r in unreported],
            t("field.lead_agency", lang): [r["lead_short_name"] or r["lead_agency"] for r in unreported],
            t("field.supporting_agencies", lang): [r["supporting_agencies"] for r in unreported],
        }
    )
    if links:
        table[t("crosswalk.title", lang)] = [
            links.get(r["action_code"], t("crosswalk.no_counterpart", lang)) for r in unreported
        ]
    return {"period": period, "catalogue": bool(rows), "table": table}


def catalogue_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """The catalogue of the year's period (as it was at the filters' moment; within the pillar filter), with each
    action's crosswalk."""
    period = period_of_year(store, filters.year)
    rows = store.query_rows("plan/catalogue_actions", period=period.code, as_of=filters.as_of) if period else []
    rows = [r for r in rows if filters.pillar is None or r["pillar"] == filters.pillar]
    links = crosswalk_texts(store, filters, lang)
    table = pd.DataFrame(
        {
            t("field.period", lang): [period.code if period else ""] * len(rows),
            t("field.action_code", lang): [r["action_code"] for r in rows],
            t("field.action", lang): [r["action"] for r in rows],
            groups(store, filters.year).word(lang): [int(r["pillar"]) for r in rows],
            t("field.lead_agency", lang): [r["lead_agency"] for r in rows],
            t("field.supporting_agencies", lang): [r["supporting_agencies"] for r in rows],
            t("field.years", lang): [r["years"] for r in rows],
        }
    )
    if links:
        table[t("crosswalk.title", lang)] = [
            links.get(r["action_code"], t("crosswalk.no_counterpart", lang)) for r in rows
        ]
    return table


def has_catalogue(store: Store, filters: Filters) -> bool:
    """Whether the year's period has an action catalogue (at the filters' moment; the plan's tables and cards are
    shown only then)."""
    period = period_of_year(store, filters.year)
    return period is not None and bool(
        store.query_rows("plan/catalogue_active_version", period=period.code, as_of=filters.as_of)
    )


def crosswalk_texts(store: Store, filters: Filters, lang: str) -> dict[str, str]:
    """For the actions of the year's period: where each comes from or goes to in another period ("→ RANPE-2026
    T1.1 (sama)"), by the crosswalk as imported at the filters' moment; empty when the period has no crosswalk.
    Actions not listed have no counterpart."""
    period = period_of_year(store, filters.year)
    return {} if period is None else _crosswalk_texts(store, period.code, filters.as_of, lang)


@per_data_version
def _crosswalk_texts(store: Store, period: str, as_of: datetime | None, lang: str) -> dict[str, str]:
    """crosswalk_texts() of a period at a moment: read once per data version (the actions table and the
    unreported actions of every view show it)."""
    texts: dict[str, list[str]] = {}
    for row in store.query_rows("plan/crosswalk_of_period", period=period, as_of=as_of):
        relation = t(f"crosswalk.relation.{row['relation']}", lang)
        if row["from_period"] == period and row["from_code"]:
            other = f"→ {row['to_period']} {row['to_code']}" if row["to_code"] else "→ –"
            texts.setdefault(row["from_code"], []).append(f"{other} ({relation})")
        if row["to_period"] == period and row["to_code"]:
            other = f"← {row['from_period']} {row['from_code']}" if row["from_code"] else "← –"
            texts.setdefault(row["to_code"], []).append(f"{other} ({relation})")
    return {code: "; ".join(parts) for code, parts in texts.items()}


def trend_across_periods(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """The catalogue actions of the year's period, year by year across every period with data, following the
    crosswalk: years of another period show its counterpart codes (any of them committed: ✓, reported: ○, no row:
    –); an action the crosswalk links to nothing is marked so. Empty without a catalogue or a crosswalk."""
    period = period_of_year(store, filters.year)
    links = crosswalk_texts(store, filters, lang) if period else {}
    if not links:
        return pd.DataFrame()
    moment = {"period": period.code, "as_of": filters.as_of}
    codes = [row["action_code"] for row in store.query_rows("plan/catalogue_actions", **moment)]
    counterparts: dict[str, set[str]] = {code: {code} for code in codes}
    for row in store.query_rows("plan/crosswalk_of_period", **moment):
        if row["from_period"] == period.code and row["from_code"] in counterparts and row["to_code"]:
            counterparts[row["from_code"]].add(row["to_code"])
        if row["to_period"] == period.code and row["to_code"] in counterparts and row["from_code"]:
            counterparts[row["to_code"]].add(row["from_code"])
    params = {k: v for k, v in filters.params().items() if k not in ("year", "quarter")}
    status: dict[tuple[str, int], bool] = {}
    for row in store.query_rows("measures/action_years", **params):
        key = (row["action_code"], int(row["year"]))
        status[key] = status.get(key, False) or bool(row["committed"])
    years = sorted({year for _, year in status})
    table = pd.DataFrame(
        {
            t("field.action_code", lang): codes,
            t("crosswalk.title", lang): [links.get(code, t("crosswalk.no_counterpart", lang)) for code in codes],
        }
    )
    for year in years:
        cells = []
        for code in codes:
            found = [status[(other, year)] for other in counterparts[code] if (other, year) in status]
            cells.append("✓" if any(found) else "○" if found else "–")
        table[str(year)] = cells
    return table
