"""The measures of DOMAIN.md, read through the store from the SQL files in queries/."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ranpe.measures.filters import Filters
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


def summary(
    store: Store,
    filters: Filters,
    *,
    breakdowns: bool = True,
    totals: dict[str, Any] | None = None,
    completeness: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Every headline measure for the filters, shaped as `summary --json` prints it (without the per-pillar,
    per-K/L and per-province lists when breakdowns is false: the KPI cards need only the totals). totals and
    completeness: the row of measures/totals and reporting_completeness() for these filters when the caller has
    them already."""
    params = filters.params()
    if totals is None:
        totals = store.query_rows("measures/totals", **params)[0]
    by_pillar = store.query_rows("measures/commitment_by_pillar", **params) if breakdowns else []
    by_agency = store.query_rows("measures/commitment_by_agency", **params) if breakdowns else []
    by_province = store.query_rows("measures/commitment_by_province", **params) if breakdowns else []
    if completeness is None:
        completeness = reporting_completeness(store, filters)
    # With no quarter chosen, the latest quarter any K/L reported: with a K/L filter, did that K/L report for it?
    reported_quarters = [c for c in completeness if c["reported_by_any"]]
    chosen = filters.quarter or (reported_quarters[-1]["quarter"] if reported_quarters else None)
    completeness_row = next((c for c in completeness if c["quarter"] == chosen), None)
    return {
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
