"""The charts of the pillars (a period's groups): commitment per pillar, per focus area."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ranpe.charts.common import (
    HORIZONTAL_TICKS,
    PLOT_HEIGHT_PX,
    VERTICAL_LABEL_ROOM,
    _bar_labels,
    _bar_text,
    _data_frame,
    _figure_of,
    _group_title,
    _hover,
    _json_axis,
    _pct_axis,
    _rate_texts,
    _spec,
    _wrapped_categories,
)
from ranpe.charts.layout import _line_px
from ranpe.charts.style import BASE_FONT_PX, NEUTRAL_BAR_COLOUR, PILLAR_COLOURS, ROW_HEIGHT_PX
from ranpe.i18n import fmt_pct, t


def spec_commitment_by_pillar(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    about_url: str | None = None,
) -> dict[str, Any]:
    """Horizontal bars: commitment rate per pillar (customdata = pillar, for drill-down), as Plotly's JSON."""
    rows = data.sort_values("pillar", ascending=False)
    pillars = [int(p) for p in rows["pillar"]]
    colours = [PILLAR_COLOURS.get(p, NEUTRAL_BAR_COLOUR) for p in pillars]
    bar = {
        "type": "bar",
        "x": [float(rate) for rate in rows["rate"]],
        "y": list(rows["label"]),
        "orientation": "h",
        "marker": {"color": colours},
        "text": _rate_texts(_bar_text, rows, lang),
        **_bar_labels(colours),
        "customdata": pillars,
        "hovertext": _rate_texts(_hover, rows, lang),
        "hoverinfo": "text+y",
    }
    axis = _wrapped_categories(rows["label"])
    spec = _spec([bar], xaxis=_json_axis(_pct_axis(lang, ticks=HORIZONTAL_TICKS)), yaxis=dict(axis))
    # A row as tall as its label's lines (pillar names are long), and at least two bar rows.
    lines = max((text.count("<br>") + 1 for text in axis["labelalias"].values()), default=1)
    row_px = max(2 * ROW_HEIGHT_PX, round(_line_px(BASE_FONT_PX) * lines + ROW_HEIGHT_PX / 2))
    return _data_frame(
        spec,
        _group_title(data, "dash.chart.by_pillar", "period.chart.by_group", lang),
        filters_text,
        as_of,
        source,
        lang,
        about_url,
        plot_height=row_px * max(len(rows), 2),
    )


fig_commitment_by_pillar = _figure_of(spec_commitment_by_pillar)


def fig_commitment_by_focus_area(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    about_url: str | None = None,
) -> go.Figure:
    """Vertical bars per focus area, coloured by pillar."""
    fig = go.Figure()
    for pillar, rows in data.groupby("pillar", sort=True):
        fig.add_bar(
            x=rows["focus_area"].astype(str),
            y=rows["rate"],
            name=(
                rows["pillar_label"].iloc[0]
                if "pillar_label" in rows
                else t("dash.pillar_label", lang, pillar=int(pillar), name=t(f"dash.pillar.{int(pillar)}", lang))
            ),
            marker_color=PILLAR_COLOURS.get(int(pillar), NEUTRAL_BAR_COLOUR),
            text=[fmt_pct(r, lang, 0) for r in rows["rate"]],
            textposition="outside",
            cliponaxis=False,
            hovertext=_rate_texts(_hover, rows, lang),
            hoverinfo="text+x",
        )
    fig.update_yaxes(_pct_axis(lang, VERTICAL_LABEL_ROOM))
    fig.update_xaxes(type="category", title=t("dash.axis.focus_area", lang))
    return _data_frame(
        fig,
        t("dash.chart.by_focus_area", lang),
        filters_text,
        as_of,
        source,
        lang,
        about_url,
        plot_height=PLOT_HEIGHT_PX,
    )
