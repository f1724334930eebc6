"""The measures of DOMAIN.md, read through the store from the SQL files in queries/."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd

from ranpe.measures.filters import Filters
from ranpe.plan.periods import Period, period_of_year
from ranpe.store.connection import Store


def measure(store: Store, name: str, filters: Filters) -> pd.DataFrame:
    """One measure query (queries/<name>.sql) for the filters."""
    return store.query(name, **filters.params())


def latest_year(store: Store) -> int | None:
    """The latest year with any active data."""
    years = store.query_rows("measures/years_with_data")
    return int(years[-1]["year"]) if years else None


def _rate(committed: int, planned: int) -> float | None:
    return committed / planned if planned else None


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def reporting_completeness(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Per quarter of the filters' year: K/L that submitted ÷ K/L expected, within the pillar and K/L filters
    (reports are sent per K/L and pillar, so the province filter does not apply), as stored at filters.as_of."""
    return store.query_rows(
        "measures/reporting_completeness",
        year=filters.year,
        pillar=filters.pillar,
        agency=filters.agency,
        as_of=filters.as_of,
    )


def totals_of(store: Store, filters: Filters, previous: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """The row of measures/totals for the filters; with previous (year, quarter), a second row: the same filters
    in that quarter (one query for both)."""
    previous_year, previous_quarter = previous or (None, None)
    return store.query_rows(
        "measures/totals", **filters.params(), previous_year=previous_year, previous_quarter=previous_quarter
    )


def latest_reported_quarter(completeness: list[dict[str, Any]]) -> int | None:
    """The latest quarter any K/L reported, from reporting_completeness(): the quarter shown when none is chosen."""
    reported_quarters = [c for c in completeness if c["reported_by_any"]]
    return reported_quarters[-1]["quarter"] if reported_quarters else None


def summary(
    store: Store,
    filters: Filters,
    *,
    breakdowns: bool = True,
    totals: dict[str, Any] | None = None,
    completeness: list[dict[str, Any]] | None = None,
    catalogue_figures_of: Callable[[Store, Filters, Period], dict[str, Any] | None] | None = None,
) -> dict[str, Any]:
    """Every headline measure for the filters, shaped as `summary --json` prints it (without the per-pillar,
    per-K/L and per-province lists when breakdowns is false: the KPI cards need only the totals). totals and
    completeness: the row of measures/totals and reporting_completeness() for these filters when the caller has
    them already; catalogue_figures_of: how plan_measures() reads the catalogue measures (default: the query)."""
    params = filters.params()
    if totals is None:
        totals = totals_of(store, filters)[0]
    by_pillar = store.query_rows("measures/commitment_by_pillar", **params) if breakdowns else []
    by_agency = store.query_rows("measures/commitment_by_agency", **params) if breakdowns else []
    by_province = store.query_rows("measures/commitment_by_province", **params) if breakdowns else []
    if completeness is None:
        completeness = reporting_completeness(store, filters)
    # With no quarter chosen, the latest quarter any K/L reported: with a K/L filter, did that K/L report for it?
    chosen = filters.quarter or latest_reported_quarter(completeness)
    completeness_row = next((c for c in completeness if c["quarter"] == chosen), None)
    return plan_measures(store, filters, catalogue_figures_of or catalogue_figures) | {
        "year": filters.year,
        "quarter": filters.quarter,
        "filters": filters.as_dict(),
        "as_of": filters.as_dict()["as_of"],
        "actions_planned": int(totals["actions_planned"]),
        "actions_committed": int(totals["actions_committed"]),
        "commitment_rate": _rate(totals["actions_committed"], totals["actions_planned"]),
        "agencies_total": int(totals["agencies_total"]),
        "agencies_involved": int(totals["agencies_involved"]),
        "involvement_rate": _rate(totals["agencies_involved"], totals["agencies_total"]),
        "target_achievement": _clean(totals["target_achievement"]),
        "reporting_completeness": {
            "quarter": chosen,
            "submitted": int(completeness_row["submitted"]) if completeness_row else 0,
            "expected": int(completeness_row["expected"]) if completeness_row else 0,
            "rate": _clean(completeness_row["rate"]) if completeness_row else None,
        },
        "by_pillar": [
            {
                "pillar": int(r["pillar"]),
                "planned": int(r["planned"]),
                "committed": int(r["committed"]),
                "rate": _clean(r["rate"]),
            }
            for r in by_pillar
        ],
        "by_agency": [
            {
                "agency_code": r["agency_code"],
                "planned": int(r["planned"]),
                "committed": int(r["committed"]),
                "rate": _clean(r["rate"]),
            }
            for r in by_agency
        ],
        "by_province": [
            {
                "province_code": r["province_code"],
                "planned": int(r["planned"]),
                "committed": int(r["committed"]),
                "rate": _clean(r["rate"]),
            }
            for r in by_province
        ],
    }


def catalogue_figures(store: Store, filters: Filters, period: Period) -> dict[str, Any] | None:
    """The row of measures/catalogue_measures for the filters in the year's period, None when the period has no
    catalogue (then)."""
    if not store.query_rows("plan/catalogue_active_version", period=period.code, as_of=filters.as_of):
        return None
    params = filters.params() | {"period": period.code, "first_year": period.first_year}
    return store.query_rows("measures/catalogue_measures", **params)[0]


def plan_measures(
    store: Store,
    filters: Filters,
    figures_of: Callable[[Store, Filters, Period], dict[str, Any] | None] = catalogue_figures,
) -> dict[str, Any]:
    """The year's period and the measures that need its catalogue (DOMAIN.md, "The plan itself"), with the catalogue
    as it was at the filters' moment: report coverage, lead commitment and cumulative implementation through the
    year (that year as the filters choose it, earlier years at their latest quarters), each None when the period
    has no catalogue (then). figures_of: how the row of measures/catalogue_measures is read (catalogue_figures(),
    or the overview's look-up in every view's figures)."""
    period = period_of_year(store, filters.year)
    shown = {"code": period.code, "name": period.name, "group_word": period.group_word} if period else None
    nothing = {"period": shown, "coverage": None, "lead_commitment": None, "cumulative": None}
    figures = None if period is None else figures_of(store, filters, period)
    if figures is None or not figures["catalogue_total"]:
        return nothing
    committed, catalogue = int(figures["period_committed"]), int(figures["period_catalogue"])
    return {
        "period": shown,
        "coverage": {
            "reported": int(figures["reported"]),
            "catalogue": int(figures["catalogue"]),
            "rate": _rate(figures["reported"], figures["catalogue"]),
        },
        "lead_commitment": {
            "committed_by_lead": int(figures["committed_by_lead"]),
            "planned": int(figures["planned"]),
            "rate": _rate(figures["committed_by_lead"], figures["planned"]),
        },
        "cumulative": {
            "committed": committed,
            "catalogue": catalogue,
            "rate": _rate(committed, catalogue),
            "through_year": filters.year,
        },
    }


def unreported_actions(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """The catalogue actions of the year with no report in the counted rows, with their lead K/L."""
    return [
        {key: value for key, value in row.items() if key != "unreported"}
        for row in year_catalogue_reports(store, filters)
        if row["unreported"]
    ]


def year_catalogue_reports(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Every catalogue action of the year (the catalogue as it was at the filters' moment) with its lead and
    supporting K/L, "unreported" true for those in the view (pillar filter; with a K/L filter, those it leads or
    supports) with no counted row; no row when the year's period has no catalogue (then)."""
    return store.query_rows("measures/year_catalogue_reports", **filters.params())


def lead_and_supporting(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """Per K/L: catalogue actions of the year it leads and supports, and how many of each it committed."""
    return store.query_rows("measures/lead_supporting_by_agency", **filters.params())
