"""The per-quarter charts: the commitment trend, statuses per quarter, reporting completeness."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ranpe.charts.common import (
    PLOT_HEIGHT_PX,
    VERTICAL_LABEL_ROOM,
    _bar_text,
    _data_frame,
    _figure_of,
    _hover,
    _json_axis,
    _pct_axis,
    _rate_texts,
    _span_and_filters,
    _spec,
)
from ranpe.charts.style import ALL_PILLARS_COLOUR, PILLAR_COLOURS, STATUS_COLOURS
from ranpe.i18n import fmt_int, t


def spec_trend(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    title: str | None = None,
    about_url: str | None = None,
) -> dict[str, Any]:
    """Commitment rate per quarter across years: one line per pillar (its colour) and all pillars (dark, dashed), as
    Plotly's JSON."""
    periods = list(dict.fromkeys(data.sort_values(["year", "quarter"])["period"]))
    lines = []
    for pillar_value, rows in data.groupby("pillar", sort=True):
        pillar = int(pillar_value)
        lines.append(
            {
                "type": "scatter",
                "x": list(rows["period"]),
                "y": [float(rate) for rate in rows["rate"]],
                "name": rows["series"].iloc[0],
                "mode": "lines+markers",
                "line": {
                    "color": PILLAR_COLOURS.get(pillar, ALL_PILLARS_COLOUR),
                    "width": 4 if pillar == 0 else 3,
                    "dash": "dash" if pillar == 0 else "solid",
                },
                "marker": {"size": 9},
                "hovertext": _rate_texts(_hover, rows, lang),
                "hoverinfo": "text+name+x",
            }
        )
    x_axis = {
        "type": "category",
        "categoryorder": "array",
        "categoryarray": periods,
        "title": {"text": t("dash.axis.quarter", lang)},
    }
    return _data_frame(
        _spec(lines, xaxis=x_axis, yaxis=_json_axis(_pct_axis(lang))),
        title or t("dash.chart.trend", lang),
        _span_and_filters(data, filters_text, lang),
        as_of,
        source,
        lang,
        about_url,
        plot_height=PLOT_HEIGHT_PX,
    )


fig_trend = _figure_of(spec_trend)


def fig_status_by_quarter(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    about_url: str | None = None,
) -> go.Figure:
    """Stacked bars: action plans per implementation status, per quarter."""
    fig = go.Figure()
    periods = list(dict.fromkeys(data.sort_values(["year", "quarter"])["period"]))
    for status in (*STATUS_COLOURS,):
        rows = data[data["status"] == status]
        if rows.empty:
            continue
        fig.add_bar(
            x=rows["period"],
            y=rows["action_plans"],
            name=rows["status_label"].iloc[0],
            marker_color=STATUS_COLOURS[status],
            hovertext=[t("dash.hover.action_plans", lang, count=fmt_int(v, lang)) for v in rows["action_plans"]],
            hoverinfo="text+name+x",
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=periods,
        title=t("dash.axis.quarter", lang),
    )
    fig.update_yaxes(title=t("dash.axis.action_plans", lang), gridcolor="#E5E5E5")
    return _data_frame(
        fig,
        t("dash.chart.status", lang),
        _span_and_filters(data, filters_text, lang),
        as_of,
        source,
        lang,
        about_url,
        plot_height=PLOT_HEIGHT_PX,
    )


def fig_completeness(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    year: int,
    about_url: str | None = None,
) -> go.Figure:
    """Bars: reporting completeness per quarter of a year."""
    fig = go.Figure(
        go.Bar(
            x=data["period"],
            y=data["rate"].fillna(0),
            marker_color="#56B4E9",
            text=[
                _bar_text(r, s, e, lang, "dash.unit.agencies", decimals=0)
                for r, s, e in zip(data["rate"], data["submitted"], data["expected"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            hoverinfo="text+x",
        )
    )
    fig.update_yaxes(_pct_axis(lang, VERTICAL_LABEL_ROOM, "dash.axis.rate_agencies"))
    fig.update_xaxes(type="category")
    return _data_frame(
        fig,
        t("dash.trends.completeness", lang, year=year),
        filters_text,
        as_of,
        source,
        lang,
        about_url,
        plot_height=PLOT_HEIGHT_PX,
    )
