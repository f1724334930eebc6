"""The reference, the filters' options and labels in words: years, K/L, provinces, a year's groups, pillar and period
labels, the filters described, display tables' headers, the data date and source line under every chart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from ranpe.i18n import TEXTS, AsOf, fmt_quarter, t
from ranpe.measures.filters import NATIONAL, Filters
from ranpe.measures.versioned import per_data_version
from ranpe.plan.periods import Groups, groups_of_year, list_periods
from ranpe.plan.periods import groups_title as periods_groups_title
from ranpe.store.connection import Store


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


@per_data_version
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


@per_data_version
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


@per_data_version
def shared_polygons(store: Store) -> np.ndarray:
    """Per reference province (in their order): whether its polygon holds other provinces too (Papua before 2022)."""
    reference = _provinces(store)
    return (reference.groupby("geojson_code")["code"].transform("count") > 1).to_numpy()


def period_label(year: int, quarter: int, lang: str) -> str:
    """'2023 TW III' / '2023 Q3'."""
    return f"{year} {fmt_quarter(quarter, lang)}"


def display_table(lang: str, columns: dict[str, Any]) -> pd.DataFrame:
    """A display and export table: translation key of each column's header → its values."""
    return pd.DataFrame({t(key, lang): values for key, values in columns.items()})
