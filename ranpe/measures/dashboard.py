"""What the dashboard pages show, as DataFrames and dicts read through the store from queries/."""

from __future__ import annotations

import functools
import threading
import weakref
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from ranpe.i18n import TEXTS, AsOf, fmt_pct, fmt_quarter, t
from ranpe.measures import obstacles as coded_obstacles
from ranpe.measures.filters import NATIONAL, Filters
from ranpe.measures.summary import (
    catalogue_figures,
    latest_reported_quarter,
    lead_and_supporting,
    reporting_completeness,
    summary,
    totals_of,
    year_catalogue_reports,
)
from ranpe.plan.periods import Groups, Period, groups_of_year, list_periods, period_of_year
from ranpe.plan.periods import groups_title as periods_groups_title
from ranpe.store.connection import Store

# The actions table shows at most this many action plans; the page says how many there are in all.
MAX_ACTION_ROWS = 500
STATUSES = ("not_started", "in_progress", "completed", "not_implemented")


# -- reference and options -------------------------------------------------------------------------


class _PerDataVersion:
    """read(store, *args) done once per store, data version and args in this process: for what every view reads
    several times and a write alone changes (the reference provinces, a year's plan period and its groups, the
    look-ups of every view of a year, a province's year). The result is shared: never change it. At most max_entries
    results per store (the one asked longest ago dropped first), kept beside the store, weakly: a store no longer
    used is closed as before (its file free for another process), its results dropped with it. A newer data version
    drops the older one's results; a read that began before a write is returned but not kept.

    Sessions asking for one key at one instant wait for one read of it (a few ms to a few tens of ms) instead of each
    reading it; other keys (another province's trend, another year) are read meanwhile."""

    def __init__(self, read: Callable[..., Any], max_entries: int) -> None:
        functools.update_wrapper(self, read)
        self._read = read
        self.max_entries = max_entries
        self._kept: weakref.WeakKeyDictionary[Store, tuple[int, OrderedDict[tuple, Any]]] = weakref.WeakKeyDictionary()
        self._reading: dict[tuple, threading.RLock] = {}
        self._guard = threading.Lock()  # held only to look in or change the dictionaries, never while reading

    def __call__(self, store: Store, *args: Any) -> Any:
        version = store.data_version()  # outside the guard: on the shared store, now and then a catalog query
        done, value = self._found(store, version, args)
        if done:
            return value
        reading = self._lock_of(store, version, args)
        try:
            with reading:
                done, value = self._found(store, version, args)
                if done:
                    return value
                value = self._read(store, *args)
                with self._guard:
                    results = self._results(store, version)
                    if results is not None:
                        results[args] = value
                        while len(results) > self.max_entries:
                            results.popitem(last=False)
                return value
        finally:
            with self._guard:
                self._reading.pop((id(store), version, args), None)

    def unless_busy(self, store: Store, *args: Any) -> Any:
        """The read's result, or None while another session is reading it (the caller reads its own smaller part
        meanwhile)."""
        version = store.data_version()
        done, value = self._found(store, version, args)
        if done:
            return value
        reading = self._lock_of(store, version, args)
        if not reading.acquire(blocking=False):
            return None
        try:
            return self(store, *args)
        finally:
            reading.release()

    def _lock_of(self, store: Store, version: int, args: tuple) -> threading.RLock:
        with self._guard:
            return self._reading.setdefault((id(store), version, args), threading.RLock())

    def _found(self, store: Store, version: int, args: tuple) -> tuple[bool, Any]:
        with self._guard:
            results = self._results(store, version)
            if results is None or args not in results:
                return False, None
            results.move_to_end(args)
            return True, results[args]

    def _results(self, store: Store, version: int) -> OrderedDict[tuple, Any] | None:
        """The results kept for the store at this data version (under the guard); None for a version older than the
        one kept."""
        kept = self._kept.get(store)
        if kept is None or kept[0] < version:
            kept = (version, OrderedDict())
            self._kept[store] = kept
        return kept[1] if kept[0] == version else None


def _per_data_version(read: Callable[..., Any] | None = None, *, max_entries: int = 64) -> Any:
    """@_per_data_version or @_per_data_version(max_entries=N): read(store, *args) kept per data version
    (_PerDataVersion)."""
    if read is None:
        return lambda function: _PerDataVersion(function, max_entries)
    return _PerDataVersion(read, max_entries)


def years(store: Store) -> list[int]:
    """Years with data, newest first (as stored now: a year chosen stays on offer whatever the as-of date)."""
    return sorted((int(r["year"]) for r in store.query_rows("measures/years_with_data")), reverse=True)


def default_year(store: Store) -> int | None:
    """The year a view opens on: the newest with data in a real plan period (an illustrative period's years, such
    as the demo's 2026, are there to be chosen), else the newest with data."""
    found = years(store)
    real = [year for year in found if not groups(store, year).illustrative]
    return (real or found or [None])[0]


def agencies(store: Store) -> pd.DataFrame:
    """The reference K/L: code, name, short_name, name_en."""
    return store.query("reference/agencies")[["code", "name", "short_name", "name_en"]]


def provinces(store: Store) -> pd.DataFrame:
    """The reference provinces with their polygon (geojson_code) and focus flag."""
    return _provinces(store).copy()


@_per_data_version
def _provinces(store: Store) -> pd.DataFrame:
    return store.query("reference/provinces")


def values_with_data(store: Store, year: int) -> dict[str, list[str]]:
    """The K/L codes and the province codes (NATIONAL for national rows) with rows in the year, in any quarter:
    the values the filter lists offer first."""
    pairs = store.query_rows("measures/values_with_data", year=year)
    return {
        "agency": sorted({str(pair["agency_code"]) for pair in pairs}),
        "province": sorted(
            {NATIONAL if pair["province_code"] is None else str(pair["province_code"]) for pair in pairs}
        ),
    }


def agency_label(store: Store, code: str | None, lang: str) -> str:
    """A K/L's short name (its code when unknown)."""
    if code is None:
        return t("dash.filter.all_agencies", lang)
    found = agencies(store).set_index("code")
    return str(found.at[code, "short_name"]) if code in found.index else code


def province_label(store: Store, code: str | None, lang: str) -> str:
    """A province's name in the language; 'National' for non-located rows."""
    if code is None:
        return t("dash.filter.all_provinces", lang)
    if code == NATIONAL:
        return t("dash.filter.national", lang)
    found = provinces(store).set_index("code")
    if code not in found.index:
        return code
    return str(found.at[code, "name_en" if lang == "en" else "name"])


@_per_data_version
def groups(store: Store, year: int | None) -> Groups:
    """The groups of the year's plan period, as pages name them (the period's word: Pilar, Tema)."""
    return groups_of_year(store, year)


def groups_nav_title(store: Store, lang: str) -> str:
    """The navigation's name of the pillars page, before a year is chosen: every period's word ('Pilar & Tema')."""
    return periods_groups_title(list_periods(store), lang) or t("dash.page.pillars", lang)


def period_name(store: Store, code: str, lang: str) -> str:
    """A period's name in the language (summary's JSON names it in Indonesian only), its code when unknown."""
    return next((period.label(lang) for period in list_periods(store) if period.code == code), code)


def every_in_view(store: Store, filters: Filters, lang: str) -> str:
    """'semua pilar, K/L dan wilayah' / 'all themes, K/L and regions': no filter chosen, in the year's word."""
    return t("dash.desc.all", lang, every=groups(store, filters.year).every_inline(lang))


def group_numbers(store: Store, year: int | None) -> list[int]:
    """The group numbers of the year's period: the pillar filter's options."""
    return groups(store, year).numbers


def all_group_numbers(store: Store) -> list[int]:
    """Every group number of any period (what a pillar given in a link may be)."""
    return sorted({int(row["number"]) for row in store.query_rows("plan/all_period_groups")})


def pillar_label(pillar: int, lang: str, named: Groups | None = None) -> str:
    """'Pilar 1 · Pencegahan' / 'Pillar 1 · Prevention' / 'Tema 4 · …' (the groups of the year's period)."""
    if named is not None:
        return named.label(int(pillar), lang)
    if f"dash.pillar.{pillar}" not in TEXTS:
        return t("dash.desc.pillar", lang, pillar=pillar)
    return t("dash.pillar_label", lang, pillar=pillar, name=t(f"dash.pillar.{pillar}", lang))


def pillar_short(store: Store, filters: Filters, lang: str) -> str:
    """'Pilar 1' / 'Theme 4': the chosen group under its period's word."""
    return groups(store, filters.year).short(int(filters.pillar), lang)


def illustrative_note(store: Store, year: int | None, lang: str) -> str | None:
    """The caption of a year of an illustrative period (None for a year of a real one)."""
    named = groups(store, year)
    if not named.illustrative:
        return None
    return t("period.illustrative", lang, period=named.period.label(lang))


def describe_filters(store: Store, filters: Filters, lang: str) -> str:
    """The filters in words, for chart titles: 'Tahun 2023 · TW III · Pilar 1 · BNPT'."""
    parts = [t("dash.desc.year", lang, year=filters.year)]
    parts.append(fmt_quarter(filters.quarter, lang) if filters.quarter else t("dash.desc.latest", lang))
    if filters.pillar:
        parts.append(pillar_short(store, filters, lang))
    if filters.agency:
        parts.append(agency_label(store, filters.agency, lang))
    if filters.province:
        parts.append(province_label(store, filters.province, lang))
    return " · ".join(parts)


def describe_trend_filters(store: Store, filters: Filters, lang: str) -> str:
    """The filters of the per-quarter charts in words (pillar, K/L, province; every one when none is chosen);
    the charts put the periods they draw in front (charts.period_span)."""
    parts = []
    if filters.pillar:
        parts.append(pillar_short(store, filters, lang))
    if filters.agency:
        parts.append(agency_label(store, filters.agency, lang))
    if filters.province:
        parts.append(province_label(store, filters.province, lang))
    if not parts:
        every = every_in_view(store, filters, lang)
        return every[:1].upper() + every[1:]
    return " · ".join(parts)


def describe_trend_view(store: Store, filters: Filters, lang: str) -> str:
    """The trends page in words: the periods its charts draw, then the filters ('2021 TW I – 2024 TW IV · …')."""
    frame = trend(store, filters, lang).sort_values(["year", "quarter"])
    described = describe_trend_filters(store, filters, lang)
    if frame.empty:
        return described
    first, last = frame["period"].iloc[0], frame["period"].iloc[-1]
    span = first if first == last else t("dash.trend_span", lang, first=first, last=last)
    return f"{span} · {described}"


def describe_completeness_filters(store: Store, filters: Filters, lang: str) -> str:
    """The filters that reporting completeness follows: the year, pillar and K/L (reports are per K/L and pillar,
    so a chosen province is said not to apply)."""
    parts = [t("dash.desc.year", lang, year=filters.year)]
    if filters.pillar:
        parts.append(pillar_short(store, filters, lang))
    if filters.agency:
        parts.append(agency_label(store, filters.agency, lang))
    if filters.province:
        parts.append(t("dash.desc.province_not_applied", lang))
    return " · ".join(parts)


def as_of(store: Store, filters: Filters | None = None) -> datetime | None:
    """The data date printed under every chart: the moment chosen when the filters read the store as of one
    (an AsOf, printed as such), else when the latest stored upload arrived."""
    if filters is not None and filters.as_of is not None:
        return AsOf.of(filters.as_of)
    value = store.query_rows("measures/as_of")[0]["as_of"]
    return None if value is None or pd.isna(value) else value


def demo_active(store: Store) -> bool:
    """Whether any demo rows are active."""
    return bool(store.query_rows("demo/active")[0]["active"])


def source_text(store: Store, lang: str) -> str:
    """The source line under the charts; says DEMO when demo data is stored."""
    return t("dash.source_demo", lang) if demo_active(store) else t("dash.source", lang)


# -- overview --------------------------------------------------------------------------------------


def previous_period(year: int, quarter: int) -> tuple[int, int]:
    """The quarter before (year, quarter)."""
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


@_per_data_version
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


@_per_data_version
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


_province_views = _per_data_version(province_views, max_entries=32)  # the 32 province years asked last


@_per_data_version
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


@_per_data_version
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


def kpis(store: Store, filters: Filters) -> dict[str, Any]:
    """The overview's KPI figures (summary() for the filters, with the action plans behind target achievement)
    and the previous quarter's headline figures: the totals of both in one query."""
    completeness = year_completeness(store, filters)
    quarter = filters.quarter or latest_reported_quarter(completeness)
    previous_at = previous_period(filters.year, int(quarter)) if quarter else None
    totals = view_totals(store, filters, previous_at)
    current = summary(
        store,
        filters,
        breakdowns=False,
        totals=totals[0],
        completeness=completeness,
        catalogue_figures_of=view_catalogue_figures,
    )
    current["units"] = _units(totals[0])
    previous = None
    if previous_at and totals[1]["actions_planned"]:  # None when nothing is planned in the quarter before
        # The completeness of every quarter of the year: the same for the quarter before when in the same year.
        previous_filters = replace(filters, year=previous_at[0], quarter=previous_at[1])
        previous = _headline(
            totals[1],
            previous_filters,
            completeness if previous_at[0] == filters.year else year_completeness(store, previous_filters),
        )
    return {"current": current, "quarter": quarter, "previous": previous, "previous_period": previous_at}


def unit_totals(store: Store, filters: Filters) -> dict[str, dict[str, Any]]:
    """The counted rows in each unit the pages use, as (committed, planned, rate): actions (distinct action codes,
    the commitment rate), action plans (rows, as the regional rate counts), and K/L × action (the totals of the
    per-K/L rates); with the action plans that target achievement averages."""
    return _units(view_totals(store, filters)[0])


def _units(totals: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """unit_totals() from a row of measures/totals."""

    def part(committed: str, planned: str) -> dict[str, Any]:
        done, whole = int(totals[committed]), int(totals[planned])
        return {"committed": done, "planned": whole, "rate": done / whole if whole else None}

    return {
        "actions": part("actions_committed", "actions_planned"),
        "action_plans": part("rows_committed", "rows_counted"),
        "agency_actions": part("agency_actions_committed", "agency_actions"),
        "action_plans_with_target": int(totals["action_plans_with_target"]),
    }


def _headline(totals: dict[str, Any], filters: Filters, quarters: list[dict[str, Any]]) -> dict[str, Any]:
    """The KPI rates alone for a chosen quarter (as summary() computes them), from its row of measures/totals and
    its year's reporting_completeness()."""
    chosen = next((row for row in quarters if row["quarter"] == filters.quarter), None)
    return {
        "commitment_rate": totals["actions_committed"] / totals["actions_planned"],
        "involvement_rate": totals["agencies_involved"] / totals["agencies_total"]
        if totals["agencies_total"]
        else None,
        "target_achievement": None if pd.isna(totals["target_achievement"]) else float(totals["target_achievement"]),
        "reporting_completeness": {"rate": None if chosen is None else chosen["rate"]},
    }


# -- pillars, focus areas, actions -----------------------------------------------------------------


@_per_data_version
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


def by_pillar(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Commitment per pillar with its label: pillar, label, planned, committed, rate."""
    frame = pillar_commitment(store, filters)
    named = groups(store, filters.year)
    frame["label"] = [pillar_label(int(p), lang, named) for p in frame["pillar"]]
    frame["group_word"] = named.word(lang)
    return frame


def by_focus_area(store: Store, filters: Filters, lang: str = "id") -> pd.DataFrame:
    """Commitment per focus area (leading part of the action code) within each pillar, with its group's label."""
    frame = store.query("measures/commitment_by_focus_area", **filters.params())
    named = groups(store, filters.year)
    frame["pillar_label"] = [pillar_label(int(p), lang, named) for p in frame["pillar"]]
    return frame


def actions(store: Store, filters: Filters, lang: str, max_rows: int = MAX_ACTION_ROWS) -> tuple[pd.DataFrame, int]:
    """The counted action plans as a display table (labels in the language) and how many there are in all."""
    raw = store.query("measures/actions", max_rows=max_rows, **filters.params())
    total = int(raw["total_rows"].iloc[0]) if len(raw) else 0
    names = raw["province_name_en" if lang == "en" else "province_name"]
    statuses = {s: t(f"status.{s}", lang) for s in STATUSES}
    table = pd.DataFrame(
        {
            groups(store, filters.year).word(lang): raw["pillar"],
            t("field.action_code", lang): raw["action_code"],
            t("field.action", lang): raw["action"],
            t("dash.col.agency", lang): raw["agency_short_name"].fillna(raw["agency_code"]),
            t("field.province", lang): names.where(raw["province_code"].notna(), t("national", lang)),
            t("field.quarter", lang): [fmt_quarter(int(q), lang) for q in raw["quarter"]],
            t("field.committed", lang): raw["committed"].map(
                {True: t("committed.yes", lang), False: t("committed.no", lang)}
            ),
            t("field.status", lang): raw["status"].map(statuses).fillna(t("dash.status.none", lang)),
            t("field.target", lang): raw["target"],
            t("field.realization", lang): raw["realization"],
            t("field.obstacles", lang): raw["obstacles"],
            t("field.follow_up", lang): raw["follow_up"],
        }
    )
    links = crosswalk_texts(store, filters, lang)
    if links:
        table[t("crosswalk.title", lang)] = raw["action_code"].map(links).fillna(t("crosswalk.no_counterpart", lang))
    return table, total


def _one_line(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else " ".join(str(value).split())


def _code_order(code: str) -> tuple:
    """'1.10.2' after '1.9.3': numeric parts compared as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


def obstacles(store: Store, filters: Filters, max_rows: int = MAX_ACTION_ROWS) -> list[dict[str, Any]]:
    """Each distinct obstacle text of the counted rows once, most reported first: the action plans reporting it,
    its action codes, quarters and K/L, and its follow-ups (most frequent first).

    One action reported in several provinces is several rows with the same text; listed per row, it repeated."""
    raw = store.query("measures/actions", max_rows=max_rows, **filters.params())
    text = raw["obstacles"].map(_one_line)
    found = raw[text != ""].assign(
        obstacle=text[text != ""],
        key=text[text != ""].str.lower(),
        agency=raw["agency_short_name"].fillna(raw["agency_code"]),
        follow_up_text=raw["follow_up"].map(_one_line),
    )
    grouped = []
    for _key, rows in found.groupby("key", sort=False):
        follow_ups = Counter(text for text in rows["follow_up_text"] if text)
        grouped.append(
            {
                "obstacle": rows["obstacle"].mode().iloc[0],
                "plans": len(rows),
                "action_codes": sorted(set(rows["action_code"].astype(str)), key=_code_order),
                "quarters": sorted({int(q) for q in rows["quarter"]}),
                "agencies": sorted(set(rows["agency"].astype(str)), key=str.lower),
                "follow_ups": [text for text, _count in sorted(follow_ups.items(), key=lambda x: (-x[1], x[0]))],
            }
        )
    return sorted(grouped, key=lambda item: (-item["plans"], item["obstacle"].lower()))


def display_table(lang: str, columns: dict[str, Any]) -> pd.DataFrame:
    """A display and export table: translation key of each column's header → its values."""
    return pd.DataFrame({t(key, lang): values for key, values in columns.items()})


# -- agencies --------------------------------------------------------------------------------------


def by_agency(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Every K/L with rows, ranked by commitment rate: agency_code, short_name, name (in the language), counts."""
    frame = store.query("measures/commitment_by_agency", **filters.params())
    frame["short_name"] = frame["short_name"].fillna(frame["agency_code"])
    frame["display_name"] = frame["name_en" if lang == "en" else "name"].fillna(frame["agency_code"])
    return frame


def agency_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """The K/L ranking as a sortable display table (rate in percent)."""
    frame = by_agency(store, filters, lang)
    return display_table(
        lang,
        {
            "dash.col.agency": frame["short_name"],
            "dash.col.agency_name": frame["display_name"],
            "dash.col.planned": frame["planned"],
            "dash.col.committed": frame["committed"],
            "dash.col.rate": frame["rate"] * 100,
        },
    )


def agency_pillar_matrix(store: Store, filters: Filters, lang: str = "id") -> pd.DataFrame:
    """Commitment rate per (K/L, pillar), with each group's short name and label in the year's period."""
    frame = store.query("measures/agency_pillar_matrix", **filters.params())
    frame["short_name"] = frame["short_name"].fillna(frame["agency_code"])
    named = groups(store, filters.year)
    frame["pillar_short"] = [named.short(int(p), lang) for p in frame["pillar"]]
    frame["pillar_label"] = [named.label(int(p), lang) for p in frame["pillar"]]
    frame["group_word"] = named.word(lang)
    return frame


# -- regions ---------------------------------------------------------------------------------------


def by_province(store: Store, filters: Filters, lang: str) -> dict[str, Any]:
    """Every province with its rate (NaN without rows), whether its polygon is shared, and the national group."""
    measured = _province_sums(store, filters)
    located = {row["province_code"]: row for row in measured if row["province_code"] is not None}
    frame = provinces(store)
    found = [located.get(code) for code in frame["code"]]
    # As a left join of the reference with the measured rows gives them: NaN where a province has no rows.
    counts = "int64" if all(row is not None for row in found) else "float64"
    for column, dtype in (("planned", counts), ("committed", counts), ("rate", "float64")):
        frame[column] = pd.Series([np.nan if row is None else row[column] for row in found], dtype=dtype)
    frame["label"] = frame["name_en" if lang == "en" else "name"]
    frame["polygon_shared"] = _shared_polygons(store)
    national_row = None
    national = [row for row in measured if row["province_code"] is None]
    if national:
        row = national[0]
        national_row = {"planned": int(row["planned"]), "committed": int(row["committed"]), "rate": row["rate"]}
    return {"provinces": frame, "national": national_row}


def _province_sums(store: Store, filters: Filters) -> list[dict[str, Any]]:
    """The rows of measures/commitment_by_province for the filters (province_code, planned, committed, rate): looked
    up in every view's province sums of the year (read once per data version) when no moment is chosen and no other
    session is reading them, else the query."""
    params = filters.params()
    every = None if filters.as_of is not None else _province_sums_by_view.unless_busy(store, filters.year)
    if every is None:  # the same four columns as the look-up's rows
        columns = ("province_code", "planned", "committed", "rate")
        rows = store.query_rows("measures/commitment_by_province", **params)
        return [{column: row[column] for column in columns} for row in rows]
    rows = every.get((filters.quarter, filters.pillar, filters.agency), [])
    if params["national_only"]:
        return [row for row in rows if row["province_code"] is None]
    if params["province"] is not None:
        return [row for row in rows if row["province_code"] == params["province"]]
    return rows


@_per_data_version
def _province_sums_by_view(store: Store, year: int) -> dict[tuple, list[dict[str, Any]]]:
    """measures/province_sums_by_view of a year keyed by (quarter, pillar, K/L), each view's provinces in code order
    (national rows last), as measures/commitment_by_province lists them."""
    kept: dict[tuple, list[dict[str, Any]]] = {}
    for row in store.query_rows("measures/province_sums_by_view", year=year):
        pillar = None if row.pop("all_pillars") else row["pillar"]
        agency = None if row.pop("all_agencies") else row["agency_code"]
        del row["pillar"], row["agency_code"]
        kept.setdefault((row.pop("quarter"), pillar, agency), []).append(row)
    for rows in kept.values():
        rows.sort(key=lambda row: (row["province_code"] is None, row["province_code"] or ""))
    return kept


@_per_data_version
def _shared_polygons(store: Store) -> np.ndarray:
    """Per reference province (in their order): whether its polygon holds other provinces too (Papua before 2022)."""
    reference = _provinces(store)
    return (reference.groupby("geojson_code")["code"].transform("count") > 1).to_numpy()


def province_rates(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Every province with its rate, as the map draws them (by_province without the national group)."""
    return by_province(store, filters, lang)["provinces"]


def focus_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """The five focus provinces with their rate (formatted in the language; a dash without rows)."""
    frame = by_province(store, filters, lang)["provinces"]
    focus = frame[frame["is_focus"]]
    return display_table(
        lang,
        {
            "dash.col.province": focus["label"],
            "dash.col.rate_action_plans": [fmt_pct(None if pd.isna(r) else r, lang) for r in focus["rate"]],
        },
    )


def province_pillar_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Province × pillar rates in percent, one row per province with rows (national last), plus all pillars."""
    frame = store.query("measures/commitment_by_province_pillar", **filters.params())
    if frame.empty:
        return pd.DataFrame()
    name = frame["province_name_en" if lang == "en" else "province_name"].where(
        frame["province_code"].notna(), t("national", lang)
    )
    frame = frame.assign(province=name, key=frame["province_code"].fillna("~"))
    wide = frame.pivot_table(index=["key", "province"], columns="pillar", values="rate", aggfunc="first") * 100
    named = groups(store, filters.year)
    wide.columns = [pillar_label(int(p), lang, named) for p in wide.columns]
    totals = frame.groupby(["key", "province"])[["planned", "committed"]].sum()
    wide[t("dash.col.action_plans", lang)] = totals["planned"]
    wide[named.every(lang)] = totals["committed"] / totals["planned"] * 100
    wide = wide.sort_index(level="key").reset_index(level="key", drop=True).reset_index()
    return wide.rename(columns={"province": t("dash.col.province", lang)})


# -- trends ----------------------------------------------------------------------------------------


def period_label(year: int, quarter: int, lang: str) -> str:
    """'2023 TW III' / '2023 Q3'."""
    return f"{year} {fmt_quarter(quarter, lang)}"


def _every_period(filters: Filters) -> dict[str, Any]:
    """The bound parameters of a measure over every reported quarter of every year: the filters but the period."""
    return {name: value for name, value in filters.params().items() if name not in ("year", "quarter")}


@_per_data_version
def _trend_rows(store: Store, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    """measures/trend_by_quarter for the filters but the period: the same for every year and quarter chosen, read
    once per data version (a new view of another quarter reads it no more)."""
    return store.query("measures/trend_by_quarter", **dict(params))


def trend(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Commitment rate per reported quarter (all years), per pillar and all pillars (pillar 0), with period labels."""
    frame = _trend_rows(store, tuple(sorted(_every_period(filters).items()))).copy()
    frame["pillar"] = frame["pillar"].fillna(0).astype(int)
    named = groups(store, filters.year)
    if named.period is not None:
        # A group number names another group in another period: the trend stays within the chosen year's period.
        frame = frame[frame["year"].between(named.period.first_year, named.period.last_year)].reset_index(drop=True)
    frame["period"] = [period_label(int(y), int(q), lang) for y, q in zip(frame["year"], frame["quarter"], strict=True)]
    frame["series"] = [named.every(lang) if p == 0 else pillar_label(p, lang, named) for p in frame["pillar"]]
    return frame


def status_by_quarter(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Action plans per implementation status and reported quarter (all years), with labels."""
    frame = store.query("measures/status_by_quarter", **_every_period(filters))
    frame["status"] = frame["status"].fillna("none")
    frame["status_label"] = [
        t("dash.status.none", lang) if s == "none" else t(f"status.{s}", lang) for s in frame["status"]
    ]
    frame["period"] = [period_label(int(y), int(q), lang) for y, q in zip(frame["year"], frame["quarter"], strict=True)]
    return frame


def completeness(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Reporting completeness per quarter of the chosen year (within the pillar and K/L filters), with labels."""
    frame = pd.DataFrame(year_completeness(store, filters))
    frame["period"] = [fmt_quarter(int(q), lang) for q in frame["quarter"]]
    return frame


# -- about the figures -----------------------------------------------------------------------------


def about(store: Store, filters: Filters, lang: str) -> dict[str, Any]:
    """The About page's worked examples for the filters: summary(), the rows in each unit, one K/L and one
    province as examples (the chosen ones, else the K/L with most actions and the first focus province with rows),
    the national group, and completeness per quarter."""
    figures = summary(store, filters)
    agencies_listed = sorted(figures["by_agency"], key=lambda a: (a["agency_code"] != filters.agency, -a["planned"]))
    agency = agencies_listed[0] if agencies_listed else None
    located = [p for p in figures["by_province"] if p["province_code"] is not None]
    focus = set(provinces(store).query("is_focus")["code"])
    located.sort(key=lambda p: (p["province_code"] != filters.province, p["province_code"] not in focus))
    national = next((p for p in figures["by_province"] if p["province_code"] is None), None)
    return {
        "figures": figures,
        "units": unit_totals(store, filters),
        "agency": agency and {**agency, "label": agency_label(store, agency["agency_code"], lang)},
        "province": located[0] | {"label": province_label(store, located[0]["province_code"], lang)}
        if located
        else None,
        "national": national,
        "completeness": reporting_completeness(store, filters),
    }


# -- obstacles -------------------------------------------------------------------------------------
# Coded into themes by ranpe.measures.obstacles; here as the page reaches them through the web layer's cache.


def obstacle_theme_counts(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Every theme (then "lainnya") with its obstacle texts and open texts: theme, name, position, texts, open."""
    return coded_obstacles.theme_counts(store, filters, lang)


def obstacle_totals(store: Store, filters: Filters) -> dict[str, int]:
    """The view's obstacle texts (counted rows reporting one), the open ones, and those with no theme."""
    coded = coded_obstacles.coded_rows(store, filters)
    other = coded["themes"].map(lambda themes: themes == (coded_obstacles.OTHER,))
    return {"texts": len(coded), "open": int(coded["open"].sum()), "other": int(other.sum())}


def obstacle_themes_by_pillar(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Texts per theme × pillar with rows, and all pillars (pillar 0), zeros included, with column labels."""
    counts = coded_obstacles.themes_by_pillar(store, filters, lang)
    names = coded_obstacles.theme_names(coded_obstacles.load_themes(store), lang)
    pillars = sorted(int(p) for p in counts["pillar"].unique())
    total = counts.groupby("theme", as_index=False)[["texts", "open"]].sum().assign(pillar=0)
    grid = pd.MultiIndex.from_product([list(names), [*pillars, 0]], names=["theme", "pillar"])
    frame = pd.concat([counts[["theme", "pillar", "texts", "open"]], total]).set_index(["theme", "pillar"])
    frame = frame.reindex(grid, fill_value=0).reset_index()
    frame["name"] = frame["theme"].map(names)
    frame["position"] = frame["theme"].map({code: index for index, code in enumerate(names)})
    named = groups(store, filters.year)
    frame["column"] = [named.every(lang) if p == 0 else named.short(p, lang) for p in frame["pillar"]]
    return frame


def obstacle_themes_by_agency(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Texts per K/L (those with an obstacle text) × theme, zeros included: agency_code, short_name, theme, name,
    position, texts, open, and the K/L's texts in all (agency_texts)."""
    coded = coded_obstacles.coded_rows(store, filters)
    counts = coded_obstacles.themes_by_agency(store, filters, lang)
    names = coded_obstacles.theme_names(coded_obstacles.load_themes(store), lang)
    agencies_found = counts[["agency_code", "short_name"]].drop_duplicates()
    grid = agencies_found.merge(pd.DataFrame({"theme": list(names)}), how="cross")
    frame = grid.merge(counts[["agency_code", "theme", "texts", "open"]], on=["agency_code", "theme"], how="left")
    frame = frame.fillna({"texts": 0, "open": 0}).astype({"texts": int, "open": int})
    frame["name"] = frame["theme"].map(names)
    frame["position"] = frame["theme"].map({code: index for index, code in enumerate(names)})
    frame["agency_texts"] = frame["agency_code"].map(coded.groupby("agency_code").size()).fillna(0).astype(int)
    return frame


def obstacle_themes_by_quarter(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Texts per quarter of the year (those with rows) × theme, zeros included, with quarter labels."""
    frame = coded_obstacles.themes_by_quarter(store, filters, lang)
    frame["column"] = [fmt_quarter(int(q), lang) for q in frame["quarter"]]
    return frame


def describe_obstacle_quarters(store: Store, filters: Filters, lang: str) -> str:
    """The filters of the chart over quarters in words: the year's quarters it draws, then pillar, K/L, province."""
    quarters = coded_obstacles.quarters_with_rows(store, filters)
    if len(quarters) > 1:
        parts = [
            t(
                "obs.desc.quarters",
                lang,
                year=filters.year,
                first=fmt_quarter(quarters[0], lang),
                last=fmt_quarter(quarters[-1], lang),
            ),
            t("obs.desc.each_quarter", lang),
        ]
    elif quarters:
        parts = [t("obs.desc.quarter", lang, year=filters.year, quarter=fmt_quarter(quarters[0], lang))]
    else:
        parts = [t("dash.desc.year", lang, year=filters.year)]
    if filters.pillar:
        parts.append(pillar_short(store, filters, lang))
    if filters.agency:
        parts.append(agency_label(store, filters.agency, lang))
    if filters.province:
        parts.append(province_label(store, filters.province, lang))
    return " · ".join(parts)


def obstacle_texts(
    store: Store, filters: Filters, lang: str, theme: str | None, state: str | None, search: str | None
) -> pd.DataFrame:
    """The view's obstacle texts of a theme, state and search (None: any), as a display and export table."""
    return coded_obstacles.text_table(_chosen_obstacles(store, filters, theme, state, search), store, lang)


def _chosen_obstacles(
    store: Store, filters: Filters, theme: str | None, state: str | None, search: str | None
) -> pd.DataFrame:
    """The view's coded obstacle rows of a theme, state and search (None: any)."""
    return coded_obstacles.select_texts(coded_obstacles.coded_rows(store, filters), theme, state, search)


def obstacle_cards(
    store: Store,
    filters: Filters,
    lang: str,
    theme: str | None,
    state: str | None,
    search: str | None,
    limit: int,
) -> list[dict[str, Any]]:
    """The first texts of obstacle_texts(), each with where it comes from, its themes, the character ranges of
    the words that decided them (spans), its follow-up and whether it is open."""
    themes = coded_obstacles.load_themes(store)
    coder = coded_obstacles.coder_for(themes)
    names = coded_obstacles.theme_names(themes, lang)
    chosen = _chosen_obstacles(store, filters, theme, state, search)
    cards = []
    for row in chosen.head(limit).itertuples():
        province = row.province_name_en if lang == "en" else row.province_name
        cards.append(
            {
                "where": " · ".join(
                    [
                        str(row.agency_short_name if isinstance(row.agency_short_name, str) else row.agency_code),
                        str(row.action_code),
                        str(province) if isinstance(row.province_code, str) else t("national", lang),
                        period_label(int(row.year), int(row.quarter), lang),
                    ]
                ),
                "text": row.obstacles,
                "spans": coded_obstacles.spans(row.obstacles, coder.code(row.obstacles)),
                "themes": [names.get(code, code) for code in row.themes],
                "follow_up": row.follow_up if isinstance(row.follow_up, str) else None,
                "open": bool(row.open),
            }
        )
    return cards


def obstacle_theme_table(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Every theme with its obstacle texts and open texts, as a display and export table."""
    counts = obstacle_theme_counts(store, filters, lang)
    return display_table(
        lang, {"obs.col.theme": counts["name"], "obs.col.texts": counts["texts"], "obs.col.open": counts["open"]}
    )


# -- the plan: catalogue and crosswalk -----------------------------------------------------------------------


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


@_per_data_version
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
