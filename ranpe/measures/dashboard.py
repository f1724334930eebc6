"""What the dashboard pages show, as DataFrames and dicts read through the store from queries/: a function per chart
or table, each reached by its name here (web.frame.data("kpis", ...), exports, the CLI), those of the modules it is
built on too (options: the reference and labels; views: the look-ups of every view; plan_tables; obstacle_tables)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from ranpe.i18n import fmt_pct, fmt_quarter, t
from ranpe.measures.filters import Filters
from ranpe.measures.obstacle_tables import (
    describe_obstacle_quarters,
    obstacle_cards,
    obstacle_texts,
    obstacle_theme_counts,
    obstacle_theme_table,
    obstacle_themes_by_agency,
    obstacle_themes_by_pillar,
    obstacle_themes_by_quarter,
    obstacle_totals,
)
from ranpe.measures.options import (
    agencies,
    agency_label,
    all_group_numbers,
    as_of,
    default_year,
    demo_active,
    describe_completeness_filters,
    describe_filters,
    describe_trend_filters,
    display_table,
    every_in_view,
    group_numbers,
    groups,
    groups_nav_title,
    illustrative_note,
    period_label,
    period_name,
    pillar_label,
    pillar_short,
    province_label,
    provinces,
    shared_polygons,
    source_text,
    values_with_data,
    years,
)
from ranpe.measures.plan_tables import (
    catalogue_table,
    crosswalk_texts,
    has_catalogue,
    lead_supporting_table,
    trend_across_periods,
    unreported_table,
    unreported_view,
)
from ranpe.measures.summary import latest_reported_quarter, reporting_completeness, summary
from ranpe.measures.versioned import per_data_version
from ranpe.measures.views import (
    pillar_commitment,
    previous_period,
    province_views,
    read_view_once,
    view_catalogue_figures,
    view_totals,
    year_completeness,
)
from ranpe.store.connection import Store

# Every name a page, an export or the CLI reaches here (web.frame.data looks a measure up by its name).
__all__ = [
    "MAX_ACTION_ROWS",
    "STATUSES",
    "about",
    "actions",
    "agencies",
    "agency_label",
    "agency_pillar_matrix",
    "agency_table",
    "all_group_numbers",
    "as_of",
    "by_agency",
    "by_focus_area",
    "by_pillar",
    "by_province",
    "catalogue_table",
    "completeness",
    "crosswalk_texts",
    "default_year",
    "demo_active",
    "describe_completeness_filters",
    "describe_filters",
    "describe_obstacle_quarters",
    "describe_trend_filters",
    "describe_trend_view",
    "display_table",
    "every_in_view",
    "focus_table",
    "group_numbers",
    "groups",
    "groups_nav_title",
    "has_catalogue",
    "illustrative_note",
    "kpis",
    "lead_supporting_table",
    "obstacle_cards",
    "obstacle_texts",
    "obstacle_theme_counts",
    "obstacle_theme_table",
    "obstacle_themes_by_agency",
    "obstacle_themes_by_pillar",
    "obstacle_themes_by_quarter",
    "obstacle_totals",
    "obstacles",
    "period_label",
    "period_name",
    "pillar_commitment",
    "pillar_label",
    "pillar_short",
    "previous_period",
    "province_label",
    "province_pillar_table",
    "province_rates",
    "province_views",
    "provinces",
    "read_view_once",
    "shared_polygons",
    "source_text",
    "status_by_quarter",
    "trend",
    "trend_across_periods",
    "unit_totals",
    "unreported_table",
    "unreported_view",
    "values_with_data",
    "view_catalogue_figures",
    "view_totals",
    "year_completeness",
    "years",
]

# The actions table shows at most this many action plans; the page says how many there are in all.
MAX_ACTION_ROWS = 500
STATUSES = ("not_started", "in_progress", "completed", "not_implemented")


# -- overview --------------------------------------------------------------------------------------


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
    frame["polygon_shared"] = shared_polygons(store)
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


@per_data_version
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


def describe_trend_view(store: Store, filters: Filters, lang: str) -> str:
    """The trends page in words: the periods its charts draw, then the filters ('2021 TW I – 2024 TW IV · …')."""
    frame = trend(store, filters, lang).sort_values(["year", "quarter"])
    described = describe_trend_filters(store, filters, lang)
    if frame.empty:
        return described
    first, last = frame["period"].iloc[0], frame["period"].iloc[-1]
    span = first if first == last else t("dash.trend_span", lang, first=first, last=last)
    return f"{span} · {described}"


def _every_period(filters: Filters) -> dict[str, Any]:
    """The bound parameters of a measure over every reported quarter of every year: the filters but the period."""
    return {name: value for name, value in filters.params().items() if name not in ("year", "quarter")}


@per_data_version
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
