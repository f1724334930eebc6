"""The charts of the K/L: the ranking by commitment rate, the K/L × pillar heat map."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import plotly.graph_objects as go

from ranpe.charts.common import (
    CELL_FONT_PX,
    CELL_PX,
    CROWDED_GROUPS,
    HORIZONTAL_TICKS,
    _bar_labels,
    _bar_text,
    _data_frame,
    _group_title,
    _hover,
    _pct_axis,
    _rate_texts,
    _wrapped_categories,
)
from ranpe.charts.style import NEUTRAL_BAR_COLOUR, RATE_COLOURSCALE, ROW_HEIGHT_PX
from ranpe.i18n import fmt_pct, t


def fig_commitment_by_agency(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    about_url: str | None = None,
) -> go.Figure:
    """Every K/L ranked by commitment rate (customdata = agency code, for drill-down)."""
    rows = data.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=rows["rate"],
            y=rows["short_name"],
            orientation="h",
            marker_color=NEUTRAL_BAR_COLOUR,
            text=_rate_texts(_bar_text, rows, lang),
            **_bar_labels([NEUTRAL_BAR_COLOUR] * len(rows)),
            customdata=rows["agency_code"],
            hovertext=[
                f"{n}<br>{_hover(r, c, p, lang)}"
                for n, r, c, p in zip(
                    rows["display_name"], rows["rate"], rows["committed"], rows["planned"], strict=True
                )
            ],
            hoverinfo="text",
        )
    )
    fig.update_xaxes(_pct_axis(lang, title_key="dash.axis.rate_own_actions", ticks=HORIZONTAL_TICKS))
    fig.update_yaxes(_wrapped_categories(rows["short_name"]))
    return _data_frame(
        fig,
        t("dash.chart.by_agency", lang),
        filters_text,
        as_of,
        source,
        lang,
        about_url,
        plot_height=ROW_HEIGHT_PX * max(len(rows), 2),
    )


def fig_agency_pillar_matrix(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    about_url: str | None = None,
) -> go.Figure:
    """K/L × pillar heat map drawn as square markers, so that a cell can be clicked (customdata = [code, pillar]).

    The K/L are in the order of the K/L ranking (rate over all pillars, then action codes, then code), top down.
    """
    overall = data.groupby(["agency_code", "short_name"], as_index=False)[["planned", "committed"]].sum()
    overall["rate"] = overall["committed"] / overall["planned"]
    ranked = overall.sort_values(["rate", "planned", "agency_code"], ascending=[False, False, True])
    agencies_in_order = list(dict.fromkeys(ranked["short_name"]))[::-1]
    numbers = sorted({int(p) for p in data["pillar"]}) or [1, 2, 3]
    crowded = len(numbers) > CROWDED_GROUPS
    if "pillar_short" in data:  # the groups of the year's period, named by the measures
        labels = dict(zip(data["pillar"].astype(int), data["pillar_short"], strict=True))
        names = dict(zip(data["pillar"].astype(int), data["pillar_label"], strict=True))
    else:
        labels = {p: t("dash.desc.pillar", lang, pillar=p) for p in numbers}
        names = {p: t("dash.pillar_label", lang, pillar=p, name=t(f"dash.pillar.{p}", lang)) for p in numbers}
    fig = go.Figure(
        go.Scatter(
            x=[labels.get(int(p), str(p)) for p in data["pillar"]],
            y=data["short_name"],
            mode="markers+text",
            marker={
                "symbol": "square",
                "size": CELL_PX,
                "color": data["rate"],
                "colorscale": RATE_COLOURSCALE,
                "cmin": 0,
                "cmax": 1,
                "showscale": True,
                "colorbar": {"title": t("dash.colorbar.actions", lang), "tickformat": ".0%"},
                "line": {"width": 0},
            },
            # Many groups (nine themes) share the half-page width: the cells' numbers lose their % sign and shrink,
            # or "100%" runs into the next cell (the colour bar and the hover say it is a percentage).
            text=[fmt_pct(r, lang, 0) if not crowded else f"{r * 100:.0f}" for r in data["rate"]],
            textposition="middle center",
            textfont={
                "size": CELL_FONT_PX if not crowded else CELL_FONT_PX - 2,
                "color": ["#111111" if r < 0.5 else "#FFFFFF" for r in data["rate"]],
            },
            customdata=list(zip(data["agency_code"], data["pillar"].astype(int), strict=True)),
            hovertext=[
                f"{n} · {names.get(int(p), p)}<br>{_hover(r, c, q, lang)}"
                for n, p, r, c, q in zip(
                    data["short_name"], data["pillar"], data["rate"], data["committed"], data["planned"], strict=True
                )
            ],
            hoverinfo="text",
        )
    )
    # Every group named on a phone too (Plotly would otherwise name every other one of nine).
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=[labels[p] for p in numbers],
        side="top",
        showgrid=False,
        tickmode="linear",
        dtick=1,
    )
    if crowded:  # nine "Tema n" side by side run into each other on a phone: the numbers, under the word
        word = labels[numbers[0]].rsplit(" ", 1)[0]
        fig.update_xaxes(
            tickmode="array",
            tickvals=[labels[p] for p in numbers],
            ticktext=[str(p) for p in numbers],
            tickangle=0,
            title={"text": word, "standoff": 4},
        )
    # One row per K/L from edge to edge: markers would otherwise make Plotly pad the axis by a tenth of its length.
    fig.update_yaxes(
        _wrapped_categories(agencies_in_order),
        categoryorder="array",
        categoryarray=agencies_in_order,
        range=[-0.5, len(agencies_in_order) - 0.5],
        showgrid=False,
    )
    return _data_frame(
        fig,
        _group_title(data, "dash.chart.agency_pillar", "period.chart.agency_group", lang),
        filters_text,
        as_of,
        source,
        lang,
        about_url,
        plot_height=ROW_HEIGHT_PX * max(len(agencies_in_order), 2),
    )
