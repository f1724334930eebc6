"""The parts the charts of the measures share: data lines, rate axes and texts, wrapped categories, bar labels,
Plotly's JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ranpe.charts.layout import Figure, _frame
from ranpe.charts.style import BASE_FONT_PX, MIN_CHART_PX, ROW_HEIGHT_PX, wrap_px
from ranpe.i18n import AsOf, fmt_date, fmt_int, fmt_pct, t


def as_of_text(as_of: datetime | None, source: str, lang: str) -> str:
    """The line under every chart: data date (latest upload, or the moment the store is read as of) and source."""
    if isinstance(as_of, AsOf):
        return f"{t('as_of.source', lang, date=fmt_date(as_of, lang))} · {source}"
    date_text = t("dash.as_of", lang, date=fmt_date(as_of, lang)) if as_of else t("dash.as_of_none", lang)
    return f"{date_text} · {source}"


def _footer(*lines: str, about_url: str | None = None, lang: str = "id") -> str:
    """Footer lines for a figure (wrapped when the figure is laid out); with about_url, the first line ends in a
    link to the page that defines the figures."""
    first, *rest = lines
    if about_url:
        label = t("dash.about_link", lang).replace(" ", "\xa0")  # non-breaking: a wrap never splits the link
        first = f"{first} · <a href='{about_url}' target='_self'>{label}</a>"
    return "<br>".join((first, *rest))


def period_span(data: pd.DataFrame, lang: str) -> str:
    """The first and last period of a per-quarter frame (year, quarter, period): '2021 TW I – 2024 TW IV'."""
    ordered = data.sort_values(["year", "quarter"])["period"]
    first, last = ordered.iloc[0], ordered.iloc[-1]
    return first if first == last else t("dash.trend_span", lang, first=first, last=last)


def _span_and_filters(data: pd.DataFrame, filters_text: str, lang: str) -> str:
    """A per-quarter chart's subtitle: the periods on its axis, then the other filters."""
    if data.empty:
        return filters_text
    return f"{period_span(data, lang)} · {filters_text}" if filters_text else period_span(data, lang)


def _pct_axis(
    lang: str,
    room: float = 1.05,
    title_key: str = "dash.axis.rate_actions",
    ticks: tuple[float, ...] = (0, 0.25, 0.5, 0.75, 1),
) -> dict[str, Any]:
    """A 0–100% axis titled with what it counts; room past 100% for the markers and labels drawn there."""
    return {
        "range": [0, room],
        "tickvals": list(ticks),
        "tickformat": ".0%",
        "gridcolor": "#E5E5E5",
        "title": t(title_key, lang),
    }


# Space past 100% for a label written above a vertical bar.
VERTICAL_LABEL_ROOM = 1.15
# A horizontal rate axis shows fewer ticks: they stay level in a narrow plot.
HORIZONTAL_TICKS = (0, 0.5, 1)
# The plot area of a chart with a fixed number of columns (quarters, focus areas).
PLOT_HEIGHT_PX = 240
# Heat map cells, one row each (rows as tall as the ranking's): a cell's side, and the size of the rate written
# in it ("100%" fits).
CELL_PX = ROW_HEIGHT_PX - 2
# More groups than this in a heat map of half the page: its cells' numbers are written smaller, without "%".
CROWDED_GROUPS = 5
CELL_FONT_PX = 11


@cache
def _template() -> dict[str, Any]:
    """The Plotly template a go.Figure carries (the default, "plotly"), as JSON: once per process."""
    return go.Figure().to_dict()["layout"]["template"]


def _spec(traces: list[dict[str, Any]], **layout: Any) -> dict[str, Any]:
    """A figure as Plotly's JSON: its traces, and its layout with the template every go.Figure carries."""
    return {"data": traces, "layout": {"template": _template(), **layout}}


def _json_axis(axis: dict[str, Any]) -> dict[str, Any]:
    """An axis's properties as Plotly's JSON writes them: its title a dict of its text."""
    return {**axis, "title": {"text": axis["title"]}} if isinstance(axis.get("title"), str) else axis


def _rate_words(key: str, rate: float, committed: int, planned: int, lang: str, unit: str, decimals: int = 1) -> str:
    """The text key with a rate and its parts, in the unit counted."""
    return t(
        key,
        lang,
        rate=fmt_pct(rate, lang, decimals),
        committed=fmt_int(committed, lang),
        planned=fmt_int(planned, lang),
        unit=t(unit, lang),
    )


def _bar_text(
    rate: float, committed: int, planned: int, lang: str, unit: str = "dash.unit.actions", decimals: int = 1
) -> str:
    """'82,0% (41/50 aksi)': the rate and its parts, in the unit counted."""
    return _rate_words("dash.bar_text", rate, committed, planned, lang, unit, decimals)


def _hover(rate: float, committed: int, planned: int, lang: str, unit: str = "dash.unit.actions") -> str:
    return _rate_words("dash.hover.rate", rate, committed, planned, lang, unit)


def _rate_texts(write: Any, rows: pd.DataFrame, lang: str) -> list[str]:
    """write(rate, committed, planned, lang) for each row (rate, committed, planned): its bar label (_bar_text) or
    its hover text (_hover)."""
    return [write(r, c, p, lang) for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)]


def _data_footer(as_of: datetime | None, source: str, lang: str, about_url: str | None) -> str:
    """The source line of a chart of the measures: the data date (or the as-of moment) and the source."""
    return _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang)


def _data_frame(
    fig: Figure,
    title: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    lang: str,
    about_url: str | None,
    *,
    plot_height: int,
) -> Figure:
    """_frame for a chart of the measures: its title, the filters under it, the data line (_data_footer) below."""
    return _frame(
        fig, title, filters_text, _data_footer(as_of, source, lang, about_url), lang=lang, plot_height=plot_height
    )


def _figure_of(spec_builder: Callable[..., dict[str, Any]]) -> Callable[..., go.Figure]:
    """The fig_* twin of a spec_* builder: its figure as a go.Figure (exports, the pack)."""

    def figure(data: pd.DataFrame, lang: str, *args: Any, **options: Any) -> go.Figure:
        return go.Figure(spec_builder(data, lang, *args, **options))

    name = spec_builder.__name__.replace("spec_", "fig_", 1)
    figure.__name__ = figure.__qualname__ = name
    figure.__doc__ = f"{spec_builder.__name__}() as a go.Figure (exports, the pack)."
    return figure


# A label longer than this share of the narrowest chart goes on two lines or more.
LABEL_SHARE = 0.4
# Bar colours on which a label inside the bar is written dark (white elsewhere).
LIGHT_BARS = {"#E69F00", "#009E73", "#56B4E9", "#F0E442"}


def _wrapped_categories(labels: Any, share: float = LABEL_SHARE) -> dict[str, Any]:
    """A category axis whose labels wider than share of the narrowest chart are written on several lines (the
    categories themselves, and Plotly's choice of which to label when crowded, unchanged)."""
    width = MIN_CHART_PX * share
    wrapped = {str(label): "<br>".join(wrap_px(str(label), width, BASE_FONT_PX)) for label in labels}
    return {"type": "category", "labelalias": {label: text for label, text in wrapped.items() if text != label}}


def _bar_labels(colours: list[str]) -> dict[str, Any]:
    """Labels of horizontal bars, written dark or light for their bar; where each goes is decided when the figure
    is laid out (_place_bar_labels)."""
    return {
        "insidetextanchor": "end",
        "insidetextfont": {"color": ["#111111" if c in LIGHT_BARS else "#FFFFFF" for c in colours]},
        "outsidetextfont": {"color": "#222222"},
        "cliponaxis": False,
    }


def _group_title(data: pd.DataFrame, key: str, group_key: str, lang: str) -> str:
    """A chart's title naming the groups by their period's word (the pillar title in a period of pillars)."""
    if "group_word" in data and len(data) and str(data["group_word"].iloc[0]).lower() not in ("pilar", "pillar"):
        return t(group_key, lang, word=str(data["group_word"].iloc[0]).lower())
    return t(key, lang)
