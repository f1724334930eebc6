"""The obstacles page's charts and tables: the obstacle texts coded into themes (ranpe.measures.obstacles) per
pillar, K/L and quarter, the texts and their cards, as the page reaches them through the web layer's cache."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ranpe.i18n import fmt_quarter, t
from ranpe.measures import obstacles as coded_obstacles
from ranpe.measures.filters import Filters
from ranpe.measures.options import agency_label, display_table, groups, period_label, pillar_short, province_label
from ranpe.store.connection import Store


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
