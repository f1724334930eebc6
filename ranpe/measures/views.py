"""The look-ups of every view: KPI totals, the commitment per pillar and the catalogue measures read once per data
version (every view of the store, a province's year, a view at a moment) and looked up per view."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from datetime import datetime
from typing import Any

import pandas as pd

from ranpe.measures.filters import Filters
from ranpe.measures.summary import catalogue_figures, reporting_completeness, totals_of
from ranpe.measures.versioned import per_data_version
from ranpe.plan.periods import Period
from ranpe.store.connection import Store


def previous_period(year: int, quarter: int) -> tuple[int, int]:
    """The quarter before (year, quarter)."""
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


@per_data_version
def _completeness_of(store: Store, year: int, pillar: int | None, agency: str | None, as_of: datetime | None) -> list:
    return reporting_completeness(store, Filters(year, pillar=pillar, agency=agency, as_of=as_of))


def year_completeness(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """reporting_completeness() for the filters, read once per data version for their year, pillar, K/L and moment
    (the quarter and province do not change it). Shared: never change it."""
    return _completeness_of(store, filters.year, filters.pillar, filters.agency, filters.as_of)


# What a view with nothing counted gets from measures/totals.
_NOTHING_COUNTED = {
    "actions_planned": 0,
    "actions_committed": 0,
    "agencies_total": 0,
    "agencies_involved": 0,
    "target_achievement": None,
    "action_plans_with_target": 0,
    "rows_counted": 0,
    "rows_committed": 0,
    "agency_actions": 0,
    "agency_actions_committed": 0,
}


@per_data_version
def _totals_by_view(store: Store) -> dict[tuple, dict[str, Any]]:
    """measures/totals_by_view keyed by (year, quarter, pillar, K/L, national only): every view's KPI totals without
    a province or a moment, read once per data version."""
    kept = {}
    for row in store.query_rows("measures/totals_by_view"):
        pillar = None if row.pop("all_pillars") else row["pillar"]
        agency = None if row.pop("all_agencies") else row["agency_code"]
        key = (row.pop("year"), row.pop("quarter"), pillar, agency, row.pop("national_only"))
        del row["pillar"], row["agency_code"]
        kept[key] = row
    return kept


def view_totals(store: Store, filters: Filters, previous: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """totals_of(): the same rows, looked up in every view's totals (read once per data version) when neither a
    province nor a moment is chosen (and while another session is reading every view's totals, from measures/totals:
    sessions that open at one instant do not wait for it); with a province, looked up in the views of its year
    (province_views()); at a moment without one, from the view's one read of its rows (read_view_once(), which the
    pillar chart of the same view reads too)."""
    params = filters.params()
    if params["province"] is not None:
        views = [("current", filters.year, filters.quarter)]
        if previous is not None:
            views.append(("previous", *previous))
        return [
            {"view": view}
            | _province_views(store, year, params["province"], filters.as_of)["totals"].get(
                (quarter, filters.pillar, filters.agency), _NOTHING_COUNTED
            )
            for view, year, quarter in views
        ]
    if filters.as_of is not None:
        return _recent_views.totals(store, filters, previous)
    every = _totals_by_view.unless_busy(store)
    if every is None:  # another session is reading every view's totals: this one reads its own
        return totals_of(store, filters, previous)
    views = [("current", filters.year, filters.quarter)]
    if previous is not None:
        views.append(("previous", *previous))
    return [
        {"view": view}
        | every.get((year, quarter, filters.pillar, filters.agency, params["national_only"]), _NOTHING_COUNTED)
        for view, year, quarter in views
    ]


# The columns of a row of measures/totals after its view.
_TOTALS_COLUMNS = tuple(_NOTHING_COUNTED)


def read_view_once(store: Store, filters: Filters, previous: tuple[int, int] | None = None) -> dict[str, Any]:
    """measures/view_totals_by_pillar: the view's rows read once for both what totals_of() gives (with previous
    (year, quarter), the same filters in that quarter too) and what measures/commitment_by_pillar gives, as
    {"previous": previous, "totals": totals_of()'s rows, "pillars": [(pillar, planned, committed), ...]}."""
    previous_year, previous_quarter = previous or (None, None)
    rows = store.query_rows(
        "measures/view_totals_by_pillar",
        **filters.params(),
        previous_year=previous_year,
        previous_quarter=previous_quarter,
    )
    counted = {row["view"]: {key: row[key] for key in _TOTALS_COLUMNS} for row in rows if row["pillar"] is None}
    views = ["current"] if previous is None else ["current", "previous"]
    return {
        "previous": previous,
        "totals": [{"view": view} | counted.get(view, _NOTHING_COUNTED) for view in views],
        "pillars": [
            (row["pillar"], row["actions_planned"], row["actions_committed"])
            for row in rows
            if row["pillar"] is not None
        ],
    }


class _RecentViews:
    """read_view_once() of the views of a province or at a moment asked last, per store and data version: kpis()
    and by_pillar() of one view (two cached calls of one page run) read its rows once. At most MAX_VIEWS views per
    store (the oldest asked dropped first), kept beside the store, weakly; sessions asking for a view at one instant
    may both read it (none waits for another's read)."""

    MAX_VIEWS = 256

    def __init__(self) -> None:
        self._kept: weakref.WeakKeyDictionary[Store, tuple[int, OrderedDict[Filters, dict]]] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def _views(self, store: Store, version: int) -> OrderedDict[Filters, dict] | None:
        """The views kept for the store at this data version (none kept before: a newer version drops them; None for
        a version older than the one kept: a read that began before a write is not kept)."""
        kept = self._kept.get(store)
        if kept is None or kept[0] < version:
            kept = (version, OrderedDict())
            self._kept[store] = kept
        return kept[1] if kept[0] == version else None

    def get(self, store: Store, filters: Filters) -> dict[str, Any] | None:
        """The view's one read, if it is kept."""
        version = store.data_version()  # outside the lock: on the shared store, now and then a catalog query
        with self._lock:
            views = self._views(store, version)
            found = None if views is None else views.get(filters)
            if found is not None:
                views.move_to_end(filters)
            return found

    def totals(self, store: Store, filters: Filters, previous: tuple[int, int] | None) -> list[dict[str, Any]]:
        """totals_of() of the view (with previous, its second row), from its kept read or a new one."""
        found = self.get(store, filters)
        if found is None or (previous is not None and found["previous"] != previous):
            version = store.data_version()  # the version the read saw, or an earlier one: never kept too long
            found = read_view_once(store, filters, previous)
            with self._lock:
                views = self._views(store, version)
                if views is not None:
                    views[filters] = found
                    views.move_to_end(filters)
                    while len(views) > self.MAX_VIEWS:
                        views.popitem(last=False)
        rows = found["totals"] if previous is not None else found["totals"][:1]
        return [dict(row) for row in rows]


_recent_views = _RecentViews()


def province_views(store: Store, year: int, province: str, as_of: datetime | None) -> dict[str, Any]:
    """Every view of a year and province (at a moment, when given), from one read of the province's rows of the year
    (measures/totals_by_view_of_province): {"totals": {(quarter, pillar, K/L): measures/totals' row},
    "pillars": {(quarter, K/L): [(pillar, planned, committed), ...] by pillar}}; None in a key: all (the quarter:
    each K/L and pillar at its latest)."""
    totals: dict[tuple, dict[str, Any]] = {}
    pillars: dict[tuple, list[tuple[int, int, int]]] = {}
    for row in store.query_rows("measures/totals_by_view_of_province", year=year, province=province, as_of=as_of):
        pillar = None if row.pop("all_pillars") else row["pillar"]
        agency = None if row.pop("all_agencies") else row["agency_code"]
        quarter = row.pop("quarter")
        del row["pillar"], row["agency_code"]
        totals[(quarter, pillar, agency)] = row
        if pillar is not None:
            pillars.setdefault((quarter, agency), []).append((pillar, row["actions_planned"], row["actions_committed"]))
    for found in pillars.values():
        found.sort()
    return {"totals": totals, "pillars": pillars}


_province_views = per_data_version(province_views, max_entries=32)  # the 32 province years asked last


@per_data_version
def _catalogue_figures_by_view(store: Store, year: int, period: str, first_year: int) -> dict[str, Any]:
    """measures/catalogue_measures_by_view of a year in its period keyed by (quarter, pillar, K/L, national only),
    with the row of a view not in it (nothing counted, no catalogue action) under "elsewhere": every view's
    catalogue measures without a province or a moment, read once per data version; "active" false (and no rows)
    when the period has no catalogue now."""
    if not _catalogue_active(store, period):
        return {"active": False}
    views = {}
    rows = store.query_rows("measures/catalogue_measures_by_view", year=year, period=period, first_year=first_year)
    for row in rows:
        pillar = None if row.pop("all_pillars") else row["pillar"]
        agency = None if row.pop("all_agencies") else row["agency_code"]
        views[(row.pop("quarter"), pillar, agency, row.pop("national_only"))] = row
        del row["pillar"], row["agency_code"]
    # Every row has the year's catalogue_total; no row at all: the period's catalogue holds no action.
    elsewhere = {key: 0 for key in _CATALOGUE_FIGURES} | {"catalogue_total": rows[0]["catalogue_total"] if rows else 0}
    return {"active": True, "views": views, "elsewhere": elsewhere}


@per_data_version
def _catalogue_active(store: Store, period: str) -> bool:
    """Whether the period has a catalogue now (a province's views ask on every view: 18 ms on the shared store)."""
    return bool(store.query_rows("plan/catalogue_active_version", period=period, as_of=None))


_CATALOGUE_FIGURES = (
    "catalogue",
    "reported",
    "planned",
    "committed_by_lead",
    "period_catalogue",
    "period_committed",
)


def view_catalogue_figures(store: Store, filters: Filters, period: Period) -> dict[str, Any] | None:
    """catalogue_figures(): the same row, looked up in every view's catalogue measures of the year (read once per
    data version) when neither a province nor a moment is chosen, else (and while another session is reading them:
    sessions that open at one instant do not wait for it) from measures/catalogue_measures."""
    params = filters.params()
    if filters.as_of is None and not _catalogue_active(store, period.code):
        return None
    every = None
    if params["province"] is None and filters.as_of is None:
        every = _catalogue_figures_by_view.unless_busy(store, filters.year, period.code, period.first_year)
    if every is None:
        return catalogue_figures(store, filters, period)
    if not every["active"]:
        return None
    key = (filters.quarter, filters.pillar, filters.agency, params["national_only"])
    return every["views"].get(key, every["elsewhere"])


@per_data_version
def _pillars_by_view(store: Store) -> dict[tuple, list[tuple[int, int, int]]]:
    """measures/commitment_by_pillar of every view without a province or a moment, from every view's totals: per
    (year, quarter, K/L, national only), each pillar with rows as (pillar, planned, committed), by pillar."""
    kept: dict[tuple, list[tuple[int, int, int]]] = {}
    for (year, quarter, pillar, agency, national_only), row in _totals_by_view(store).items():
        if pillar is not None:
            kept.setdefault((year, quarter, agency, national_only), []).append(
                (pillar, row["actions_planned"], row["actions_committed"])
            )
    for pillars in kept.values():
        pillars.sort()
    return kept


def pillar_commitment(store: Store, filters: Filters) -> pd.DataFrame:
    """measures/commitment_by_pillar for the filters (pillar, planned, committed, rate): looked up in every view's
    totals when neither a province nor a moment is chosen (and no other session is reading them); with a province, in
    the views of its year (province_views()); at a moment without one, taken from the view's one read of its rows when
    its KPI totals read them (kpis() before the chart), else the query."""
    params = filters.params()
    if params["province"] is not None:
        views = _province_views(store, filters.year, params["province"], filters.as_of)
        rows = [
            row
            for row in views["pillars"].get((filters.quarter, filters.agency), [])
            if filters.pillar in (None, row[0])
        ]
    elif filters.as_of is not None:
        read = _recent_views.get(store, filters)
        if read is None:
            return store.query("measures/commitment_by_pillar", **params)
        rows = read["pillars"]
    else:
        every = _totals_by_view.unless_busy(store)
        if every is None:
            return store.query("measures/commitment_by_pillar", **params)
        key = (filters.year, filters.quarter, filters.agency, params["national_only"])
        rows = [row for row in _pillars_by_view(store).get(key, []) if filters.pillar in (None, row[0])]
    return pd.DataFrame(
        {
            "pillar": pd.Series([row[0] for row in rows], dtype="int32"),
            "planned": pd.Series([row[1] for row in rows], dtype="int64"),
            "committed": pd.Series([row[2] for row in rows], dtype="int64"),
            "rate": pd.Series([row[2] / row[1] for row in rows], dtype="float64"),
        }
    )
