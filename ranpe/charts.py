"""Plotly figures of the dashboard, built from the engine's DataFrames; each carries its title and data line."""

from __future__ import annotations

import functools
import json
import math
import textwrap
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from ranpe.config import REFERENCE_DIR
from ranpe.i18n import AsOf, fmt_date, fmt_int, fmt_pct, t

# Okabe–Ito colours (colour-blind safe): one per pillar, the same on every chart.
PILLAR_COLOURS = {1: "#0072B2", 2: "#E69F00", 3: "#009E73"}
ALL_PILLARS_COLOUR = "#222222"
STATUS_COLOURS = {
    "not_started": "#BBBBBB",
    "in_progress": "#F0E442",
    "completed": "#332288",
    "not_implemented": "#D55E00",
    "none": "#E5E5E5",
}
NEUTRAL_BAR_COLOUR = "#0072B2"
# Sequential, colour-blind safe, light (low) to dark (high).
RATE_COLOURSCALE = "Viridis_r"
NO_DATA_COLOUR = "#D9D9D9"
# Where a polygon drawn grey sits on the map's colour axis (below 0%).
NO_DATA_Z = -0.2
FOCUS_OUTLINE_COLOUR = "#000000"
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"
BASE_FONT_PX = 16
TITLE_FONT_PX = 22
ROW_HEIGHT_PX = 26
FOOTER_WRAP_CHARS = 62
# About how wide one character of a tick label is, at the base font size.
LABEL_CHAR_PX = 5


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language."""
    return ".," if lang == "en" else ",."


def as_of_text(as_of: datetime | None, source: str, lang: str) -> str:
    """The line under every chart: data date (latest upload, or the moment the store is read as of) and source."""
    if isinstance(as_of, AsOf):
        return f"{t('as_of.source', lang, date=fmt_date(as_of, lang))} · {source}"
    date_text = t("dash.as_of", lang, date=fmt_date(as_of, lang)) if as_of else t("dash.as_of_none", lang)
    return f"{date_text} · {source}"


def _footer(*lines: str, about_url: str | None = None, lang: str = "id") -> str:
    """Footer lines for a figure, wrapped so that they fit under a half-width chart; with about_url, the first
    line ends in a link to the page that defines the figures."""
    label = t("dash.about_link", lang).replace(" ", "\xa0")  # non-breaking: the wrap never splits the link
    first, *rest = lines
    if about_url:
        first = f"{first} · {label}"
    text = "<br>".join("<br>".join(textwrap.wrap(line, FOOTER_WRAP_CHARS)) for line in (first, *rest))
    if about_url:
        text = text.replace(label, f"<a href='{about_url}' target='_self'>{label}</a>")
    return text


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


def _frame(
    fig: go.Figure, title: str, filters_text: str, footer: str, *, lang: str, height: int, labels: Any = ()
) -> go.Figure:
    """Title (what + filters), data line at the bottom, fonts readable on a projector.

    labels: the y-axis tick labels, when long; the footer is moved left by about their width so that it starts
    under the labels, not under the plot (Plotly places annotations relative to the plot area only).
    """
    label_px = max((len(str(label)) for label in labels), default=0) * LABEL_CHAR_PX
    fig.update_layout(
        title={
            "text": f"<b>{title}</b><br><span style='font-size:15px'>{filters_text}</span>",
            "x": 0,
            "xanchor": "left",
        },
        font={"family": FONT_FAMILY, "size": BASE_FONT_PX, "color": "#222222"},
        separators=separators(lang),
        height=height,
        margin={"l": 10, "r": 20, "t": 110, "b": 115},
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
    )
    fig.add_annotation(
        text=footer,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-60,
        xshift=-label_px,
        xanchor="left",
        yanchor="top",
        align="left",
        showarrow=False,
        font={"size": 12, "color": "#555555"},
    )
    return fig


def _pct_axis(lang: str, room: float = 1.05, title_key: str = "dash.axis.rate_actions") -> dict[str, Any]:
    """A 0–100% axis titled with what it counts; room > 1 leaves space past 100% for labels outside the bars."""
    return {
        "range": [0, room],
        "tickvals": [0, 0.25, 0.5, 0.75, 1],
        "tickformat": ".0%",
        "gridcolor": "#E5E5E5",
        "title": t(title_key, lang),
    }


# Space past 100% for "82,0% (41/50)" written beside a horizontal bar, or above a vertical one.
HORIZONTAL_LABEL_ROOM = 1.4
VERTICAL_LABEL_ROOM = 1.15


def _bar_text(rate: float, committed: int, planned: int, lang: str, unit: str = "dash.unit.actions") -> str:
    """'82,0% (41/50 aksi)': the rate and its parts, in the unit counted."""
    return t(
        "dash.bar_text",
        lang,
        rate=fmt_pct(rate, lang),
        committed=fmt_int(committed, lang),
        planned=fmt_int(planned, lang),
        unit=t(unit, lang),
    )


def _hover(rate: float, committed: int, planned: int, lang: str, unit: str = "dash.unit.actions") -> str:
    return t(
        "dash.hover.rate",
        lang,
        rate=fmt_pct(rate, lang),
        committed=fmt_int(committed, lang),
        planned=fmt_int(planned, lang),
        unit=t(unit, lang),
    )


def fig_commitment_by_pillar(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    about_url: str | None = None,
) -> go.Figure:
    """Horizontal bars: commitment rate per pillar (customdata = pillar, for drill-down)."""
    rows = data.sort_values("pillar", ascending=False)
    fig = go.Figure(
        go.Bar(
            x=rows["rate"],
            y=rows["label"],
            orientation="h",
            marker_color=[PILLAR_COLOURS.get(int(p), NEUTRAL_BAR_COLOUR) for p in rows["pillar"]],
            text=[
                _bar_text(r, c, p, lang)
                for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            customdata=rows["pillar"].astype(int),
            hovertext=[
                _hover(r, c, p, lang) for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)
            ],
            hoverinfo="text+y",
        )
    )
    fig.update_xaxes(_pct_axis(lang, HORIZONTAL_LABEL_ROOM))
    fig.update_yaxes(automargin=True)
    return _frame(
        fig,
        t("dash.chart.by_pillar", lang),
        filters_text,
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=360,
        labels=rows["label"],
    )


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
            name=t("dash.pillar_label", lang, pillar=int(pillar), name=t(f"dash.pillar.{int(pillar)}", lang)),
            marker_color=PILLAR_COLOURS.get(int(pillar), NEUTRAL_BAR_COLOUR),
            text=[fmt_pct(r, lang, 0) for r in rows["rate"]],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                _hover(r, c, p, lang) for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)
            ],
            hoverinfo="text+x",
        )
    fig.update_yaxes(_pct_axis(lang, VERTICAL_LABEL_ROOM))
    fig.update_xaxes(type="category", title=t("dash.axis.focus_area", lang))
    return _frame(
        fig,
        t("dash.chart.by_focus_area", lang),
        filters_text,
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=420,
    )


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
            text=[
                _bar_text(r, c, p, lang)
                for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
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
    fig.update_xaxes(_pct_axis(lang, HORIZONTAL_LABEL_ROOM, "dash.axis.rate_own_actions"))
    fig.update_yaxes(automargin=True, type="category")
    height = max(360, 170 + ROW_HEIGHT_PX * len(rows))
    return _frame(
        fig,
        t("dash.chart.by_agency", lang),
        filters_text,
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=height,
        labels=rows["short_name"],
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
    """K/L × pillar heat map drawn as square markers, so that a cell can be clicked (customdata = [code, pillar])."""
    agencies_in_order = sorted(data["short_name"].unique(), key=str.lower, reverse=True)
    labels = {p: t("dash.desc.pillar", lang, pillar=p) for p in (1, 2, 3)}
    names = {p: t("dash.pillar_label", lang, pillar=p, name=t(f"dash.pillar.{p}", lang)) for p in (1, 2, 3)}
    fig = go.Figure(
        go.Scatter(
            x=[labels.get(int(p), str(p)) for p in data["pillar"]],
            y=data["short_name"],
            mode="markers+text",
            marker={
                "symbol": "square",
                "size": 40,
                "color": data["rate"],
                "colorscale": RATE_COLOURSCALE,
                "cmin": 0,
                "cmax": 1,
                "colorbar": {"title": t("dash.colorbar.actions", lang), "tickformat": ".0%", "len": 0.6},
                "line": {"width": 0},
            },
            text=[fmt_pct(r, lang, 0) for r in data["rate"]],
            textposition="middle center",
            textfont={"size": 13, "color": ["#111111" if r < 0.5 else "#FFFFFF" for r in data["rate"]]},
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
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=[labels[p] for p in (1, 2, 3)], side="top", showgrid=False
    )
    fig.update_yaxes(
        type="category", categoryorder="array", categoryarray=agencies_in_order, showgrid=False, automargin=True
    )
    height = max(360, 200 + 44 * len(agencies_in_order))
    fig = _frame(
        fig,
        t("dash.chart.agency_pillar", lang),
        filters_text,
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=height,
        labels=agencies_in_order,
    )
    fig.update_layout(margin={"t": 120})
    return fig


def fig_trend(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    title: str | None = None,
    about_url: str | None = None,
) -> go.Figure:
    """Commitment rate per quarter across years: one line per pillar (its colour) and all pillars (dark, dashed)."""
    fig = go.Figure()
    periods = list(dict.fromkeys(data.sort_values(["year", "quarter"])["period"]))
    for pillar_value, rows in data.groupby("pillar", sort=True):
        pillar = int(pillar_value)
        fig.add_scatter(
            x=rows["period"],
            y=rows["rate"],
            name=rows["series"].iloc[0],
            mode="lines+markers",
            line={
                "color": PILLAR_COLOURS.get(pillar, ALL_PILLARS_COLOUR),
                "width": 4 if pillar == 0 else 3,
                "dash": "dash" if pillar == 0 else "solid",
            },
            marker={"size": 9},
            hovertext=[
                _hover(r, c, p, lang) for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)
            ],
            hoverinfo="text+name+x",
        )
    fig.update_yaxes(_pct_axis(lang))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods, title=t("dash.axis.quarter", lang))
    return _frame(
        fig,
        title or t("dash.chart.trend", lang),
        _span_and_filters(data, filters_text, lang),
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=420,
    )


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
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=periods, title=t("dash.axis.quarter", lang))
    fig.update_yaxes(title=t("dash.axis.action_plans", lang), gridcolor="#E5E5E5")
    return _frame(
        fig,
        t("dash.chart.status", lang),
        _span_and_filters(data, filters_text, lang),
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=420,
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
                t(
                    "dash.bar_text",
                    lang,
                    rate=fmt_pct(r, lang, 0),
                    committed=fmt_int(s, lang),
                    planned=fmt_int(e, lang),
                    unit=t("dash.unit.agencies", lang),
                )
                for r, s, e in zip(data["rate"], data["submitted"], data["expected"], strict=True)
            ],
            textposition="outside",
            cliponaxis=False,
            hoverinfo="text+x",
        )
    )
    fig.update_yaxes(_pct_axis(lang, VERTICAL_LABEL_ROOM, "dash.axis.rate_agencies"))
    fig.update_xaxes(type="category")
    return _frame(
        fig,
        t("dash.trends.completeness", lang, year=year),
        filters_text,
        _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang),
        lang=lang,
        height=380,
    )


@cache
def provinces_geojson() -> dict[str, Any]:
    """The shipped province polygons (34: Papua as before its 2022 division)."""
    return json.loads((REFERENCE_DIR / "provinces.geojson").read_text(encoding="utf-8"))


@cache
def _provinces_geojson_rings() -> dict[str, Any]:
    """provinces_geojson() with each ring a NumPy array: the same JSON, written about ten times faster."""

    def rings(geometry: dict[str, Any]) -> dict[str, Any]:
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        arrays = [[np.asarray(ring, dtype=float) for ring in polygon] for polygon in polygons]
        return {**geometry, "coordinates": arrays[0] if geometry["type"] == "Polygon" else arrays}

    geojson = provinces_geojson()
    return {**geojson, "features": [{**f, "geometry": rings(f["geometry"])} for f in geojson["features"]]}


def map_attribution(lang: str) -> str:
    """The ODbL attribution line that goes under every map."""
    return t("dash.map.attribution", lang)


def fig_province_map(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    height: int = 560,
    zoom: float = 3.1,
    about_url: str | None = None,
) -> go.Figure:
    """Choropleth of the provinces (MapLibre, no tiles, offline), focus provinces outlined, the Papua caveat drawn.

    data: one row per province (code, label, geojson_code, is_focus, polygon_shared, planned, committed, rate,
    centroid_lon, centroid_lat). A polygon that holds several of today's provinces is drawn grey, never painted
    with one province's value; those provinces are drawn as dots at their centroids. The polygons are written into
    the figure, not fetched from a URL: plotly.js fails on a map left while its first fetch is under way.
    """
    geojson = provinces_geojson()
    # One trace for all 34 polygons (the GeoJSON is copied once): rates on the colour scale, polygons without
    # rows and old polygons shared by several of today's provinces at NO_DATA_Z, drawn grey.
    polygons = []
    by_polygon = {code: rows for code, rows in data.groupby("geojson_code")}
    for feature in geojson["features"]:
        code = feature["properties"]["code"]
        members = by_polygon.get(code, data.iloc[0:0])
        if len(members) == 1 and not members["polygon_shared"].iloc[0]:
            row = members.iloc[0]
            rate = None if _missing(row["rate"]) else float(row["rate"])
            detail = (
                t("dash.map.no_rows", lang)
                if rate is None
                else _hover(rate, row["committed"], row["planned"], lang, "dash.unit.action_plans")
            )
            focus = f" ({t('dash.map.focus', lang)})" if row["is_focus"] else ""
            polygons.append(
                (code, rate, row["code"], f"<b>{row['label']}</b>{focus}<br>{detail}", bool(row["is_focus"]))
            )
        else:
            lines = [
                f"{n}: {fmt_pct(r, lang) if not _missing(r) else t('dash.map.no_rows', lang)}"
                for n, r in zip(members["label"], members["rate"], strict=True)
            ]
            name = feature["properties"]["name_en" if lang == "en" else "name"]
            title = t("dash.map.papua_group", lang, name=name, count=len(members))
            polygons.append((code, None, None, f"<b>{title}</b><br>" + "<br>".join(lines), False))
    fig = go.Figure()
    fig.add_choroplethmap(
        featureidkey="properties.code",
        locations=[p[0] for p in polygons],
        z=[NO_DATA_Z if p[1] is None else p[1] for p in polygons],
        zmin=NO_DATA_Z,
        zmax=1,
        colorscale=_map_colourscale(),
        colorbar={
            "title": t("dash.colorbar.action_plans", lang),
            "tickvals": [NO_DATA_Z / 2, 0, 0.25, 0.5, 0.75, 1],
            "ticktext": [t("dash.map.no_rows", lang), *(fmt_pct(v, lang, 0) for v in (0, 0.25, 0.5, 0.75, 1))],
            "len": 0.85,
            "tickfont": {"size": 12},
        },
        marker={
            "line": {
                "color": [FOCUS_OUTLINE_COLOUR if p[4] else "white" for p in polygons],
                "width": [3 if p[4] else 0.6 for p in polygons],
            }
        },
        customdata=[p[2] for p in polygons],
        hovertext=[p[3] for p in polygons],
        hoverinfo="text",
        name="",
    )
    # Set after the trace is made: passed to add_choroplethmap, the 325 kB GeoJSON would be deep-copied.
    fig.data[0].geojson = _provinces_geojson_rings()
    shared = data[data["polygon_shared"]]
    if len(shared):
        fig.add_scattermap(
            lon=shared["centroid_lon"],
            lat=shared["centroid_lat"],
            mode="markers",
            marker={"size": 16, "color": [NO_DATA_COLOUR if _missing(r) else _rate_colour(r) for r in shared["rate"]]},
            customdata=shared["code"],
            hovertext=[
                f"<b>{n}</b><br>"
                + (_hover(r, c, p, lang, "dash.unit.action_plans") if not _missing(r) else t("dash.map.no_rows", lang))
                for n, r, c, p in zip(
                    shared["label"], shared["rate"], shared["committed"], shared["planned"], strict=True
                )
            ],
            hoverinfo="text",
            showlegend=False,
            name="",
        )
    fig.update_layout(
        map={"style": "white-bg", "center": {"lon": 118.0, "lat": -2.5}, "zoom": zoom},
        clickmode="event+select",
    )
    footer = _footer(as_of_text(as_of, source, lang), map_attribution(lang), about_url=about_url, lang=lang)
    fig = _frame(fig, t("dash.chart.map", lang), filters_text, footer, lang=lang, height=height)
    fig.update_layout(margin={"b": 150, "t": 80}, showlegend=False)
    return fig


def _map_colourscale() -> list[list[Any]]:
    """The rate colour scale, with a grey band below 0 for polygons drawn without a value."""
    grey_top = -NO_DATA_Z / (1 - NO_DATA_Z)
    steps = 10
    scale: list[list[Any]] = [[0.0, NO_DATA_COLOUR], [grey_top, NO_DATA_COLOUR]]
    for step in range(steps + 1):
        scale.append([grey_top + (1 - grey_top) * step / steps, _rate_colour(step / steps)])
    return scale


def _rate_colour(rate: float) -> str:
    """The colour a rate gets on the map's colour scale."""
    return _scale_colour(round(min(max(float(rate), 0.0), 1.0), 4))


@functools.lru_cache(maxsize=2048)
def _scale_colour(share: float) -> str:
    # plotly looks the named scale up anew on every call (about 2 ms): remember each colour once found.
    return sample_colorscale(RATE_COLOURSCALE, [share])[0]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# -- obstacles -------------------------------------------------------------------------------------
# Counts of obstacle texts drawn as grids (a theme per row), so that no legend is needed and a grid of three to
# nine columns fits a 390 px phone: a heat map for the colour, and over it an invisible marker per cell that
# carries the cell's codes (customdata) for a click.

OBSTACLE_COLOURSCALE = [[0.0, "#F4F7FB"], [1.0, "#08519C"]]
OPEN_COLOUR = "#D55E00"
RESOLVED_COLOUR = "#0072B2"
GRID_ROW_PX = 36
# A grid of up to this many columns writes its column labels upright, wrapped after about GRID_LABEL_CHARS
# characters (each line GRID_LABEL_LINE_PX above the plot); a wider one turns them a quarter, so that on a 390 px
# phone nothing is turned by Plotly on its own into the title's place.
GRID_UPRIGHT_COLUMNS = 5
GRID_LABEL_CHARS = 9
GRID_LABEL_LINE_PX = 20
# About how wide one character of a turned column label is, and the room beyond its longest.
GRID_LABEL_CHAR_PX = 7
GRID_LABEL_PAD_PX = 12
# Room under a grid: the data line.
GRID_BOTTOM_PX = 100
# A line of an obstacle chart's title, and of its filters, holds about this many characters: Plotly does not wrap
# titles, and these fit a chart on a 390 px phone.
TITLE_WRAP_CHARS = 30
SUBTITLE_WRAP_CHARS = 46
FOOTER_PHONE_CHARS = 46
TITLE_LINE_PX = 28
SUBTITLE_LINE_PX = 19
# What _frame leaves above the plot for a one-line title and one line of filters.
FRAME_TOP_PX = 110


def _wrapped(label: str, width: int = GRID_LABEL_CHARS) -> str:
    return "<br>".join(textwrap.wrap(str(label), width)) or str(label)


def grid_label_room(labels: list[str]) -> int:
    """Pixels a grid's column labels take above the plot: lines of upright labels, or the longest turned one."""
    if len(labels) <= GRID_UPRIGHT_COLUMNS:
        return GRID_LABEL_LINE_PX * max((label.count("<br>") + 1 for label in labels), default=1)
    return GRID_LABEL_CHAR_PX * max((len(label) for label in labels), default=1) + GRID_LABEL_PAD_PX


def _count_grid(
    data: pd.DataFrame,
    *,
    rows: list[tuple[Any, str]],
    columns: list[tuple[Any, str]],
    row_key: str,
    column_key: str,
    customdata: Any,
    lang: str,
) -> go.Figure:
    """A grid of text counts: rows and columns as (code, label) in order, top to bottom and left to right;
    customdata(row_code, column_code) is what a click on that cell selects."""
    cells = {
        (r, c): (int(x), int(o))
        for r, c, x, o in zip(data[row_key], data[column_key], data["texts"], data["open"], strict=True)
    }
    row_labels = [label for _, label in rows][::-1]
    upright = len(columns) <= GRID_UPRIGHT_COLUMNS
    column_labels = [_wrapped(label) if upright else str(label) for _, label in columns]
    z = [[cells.get((r, c), (0, 0))[0] for c, _ in columns] for r, _ in rows][::-1]
    highest = max((value for line in z for value in line), default=0) or 1
    fig = go.Figure(
        go.Heatmap(
            z=np.array(z),
            x=np.array(column_labels, dtype=object),
            y=np.array(row_labels, dtype=object),
            zmin=0,
            zmax=highest,
            colorscale=OBSTACLE_COLOURSCALE,
            showscale=False,
            xgap=2,
            ygap=2,
            hoverinfo="skip",
        )
    )
    xs, ys, texts, colours, custom, hover = [], [], [], [], [], []
    for r, row_label in rows:
        for (c, column_label), wrapped in zip(columns, column_labels, strict=True):
            count, still_open = cells.get((r, c), (0, 0))
            xs.append(wrapped)
            ys.append(row_label)
            texts.append(fmt_int(count, lang) if count else "")
            colours.append("#FFFFFF" if count / highest > 0.55 else "#111111")
            custom.append(customdata(r, c))
            hover.append(
                t(
                    "obs.hover.cell",
                    lang,
                    row=row_label,
                    column=column_label,
                    texts=fmt_int(count, lang),
                    open=fmt_int(still_open, lang),
                )
            )
    # Arrays, not lists: Plotly checks a list item by item, which for a grid of 44 K/L costs more than the rest.
    fig.add_scatter(
        x=np.array(xs, dtype=object),
        y=np.array(ys, dtype=object),
        mode="markers+text",
        marker={"size": 26, "opacity": 0, "symbol": "square"},
        text=np.array(texts, dtype=object),
        textfont={"color": np.array(colours, dtype=object)},
        customdata=np.array(custom, dtype=object),
        hovertext=np.array(hover, dtype=object),
        hoverinfo="text",
        showlegend=False,
    )
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=column_labels,
        side="top",
        showgrid=False,
        fixedrange=True,
        tickangle=0 if upright else -90,
    )
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=row_labels,
        showgrid=False,
        automargin=True,
        fixedrange=True,
        ticklabelstandoff=8,
    )
    fig.update_layout(
        height=FRAME_TOP_PX + GRID_BOTTOM_PX + GRID_ROW_PX * max(len(rows), 3),
        clickmode="event+select",
    )
    return fig


def obstacle_title(what_key: str, lang: str) -> str:
    """An obstacle chart's title on one line, with its unit: 'Tema hambatan per pilar (teks hambatan)'."""
    return f"{t(what_key, lang)} {t('obs.unit_title', lang)}"


def _obstacle_frame(
    fig: go.Figure,
    what_key: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    lang: str,
    *,
    height: int,
    labels: Any,
    above_plot: int = 0,
) -> go.Figure:
    """_frame with the title and filters wrapped to a phone's width, the unit on a line of its own, the title
    block anchored at the top and the plot below it and above_plot pixels more (a grid's column labels). height:
    the figure's with _frame's usual room above the plot; what the title block and above_plot need beyond it is
    added."""
    title_lines = [*textwrap.wrap(t(what_key, lang), TITLE_WRAP_CHARS), t("obs.unit_title", lang)]
    filter_lines = textwrap.wrap(filters_text, SUBTITLE_WRAP_CHARS) or [""]
    top = 38 + TITLE_LINE_PX * len(title_lines) + SUBTITLE_LINE_PX * len(filter_lines) + above_plot
    fig = _frame(
        fig,
        "<br>".join(title_lines),
        "<br>".join(filter_lines),
        "<br>".join(textwrap.wrap(as_of_text(as_of, source, lang), FOOTER_PHONE_CHARS)),
        lang=lang,
        height=height + max(top - FRAME_TOP_PX, 0),
        labels=labels,
    )
    fig.update_layout(
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 20}},
        margin={"t": top},
    )
    return fig


def _grid_frame(
    fig: go.Figure, what_key: str, filters_text: str, as_of: datetime | None, source: str, lang: str, labels: Any
) -> go.Figure:
    fig = _obstacle_frame(
        fig,
        what_key,
        filters_text,
        as_of,
        source,
        lang,
        height=fig.layout.height,
        labels=labels,
        above_plot=grid_label_room(list(fig.layout.xaxis.categoryarray)),
    )
    fig.update_layout(margin={"b": GRID_BOTTOM_PX})
    return fig


def _theme_rows(data: pd.DataFrame) -> list[tuple[str, str]]:
    themes = data[["theme", "name", "position"]].drop_duplicates("theme").sort_values("position")
    return list(zip(themes["theme"], themes["name"], strict=True))


def fig_obstacle_themes_by_pillar(
    data: pd.DataFrame, lang: str, filters_text: str, as_of: datetime | None, source: str
) -> go.Figure:
    """Obstacle texts per theme × pillar and all pillars (customdata = [theme, pillar or None])."""
    columns = data[["pillar", "column"]].drop_duplicates("pillar")
    order = sorted(columns.itertuples(index=False), key=lambda c: (c.pillar == 0, c.pillar))
    rows = _theme_rows(data)
    fig = _count_grid(
        data,
        rows=rows,
        columns=[(c.pillar, c.column) for c in order],
        row_key="theme",
        column_key="pillar",
        customdata=lambda theme, pillar: [theme, int(pillar) or None],
        lang=lang,
    )
    return _grid_frame(fig, "obs.chart.by_pillar", filters_text, as_of, source, lang, [r[1] for r in rows])


def fig_obstacle_themes_by_quarter(
    data: pd.DataFrame, lang: str, filters_text: str, as_of: datetime | None, source: str
) -> go.Figure:
    """Obstacle texts per theme × quarter of the year (customdata = [theme, quarter])."""
    columns = data[["quarter", "column"]].drop_duplicates("quarter").sort_values("quarter")
    rows = _theme_rows(data)
    fig = _count_grid(
        data,
        rows=rows,
        columns=list(zip(columns["quarter"].astype(int), columns["column"], strict=True)),
        row_key="theme",
        column_key="quarter",
        customdata=lambda theme, quarter: [theme, int(quarter)],
        lang=lang,
    )
    return _grid_frame(fig, "obs.chart.by_quarter", filters_text, as_of, source, lang, [r[1] for r in rows])


def fig_obstacle_themes_by_agency(
    data: pd.DataFrame, lang: str, filters_text: str, as_of: datetime | None, source: str
) -> go.Figure:
    """Obstacle texts per K/L × theme, K/L with the most texts first (customdata = [theme, agency code])."""
    agencies_found = (
        data[["agency_code", "short_name", "agency_texts"]]
        .drop_duplicates("agency_code")
        .sort_values(["agency_texts", "short_name"], ascending=[False, True], key=_case_blind)
    )
    rows = list(zip(agencies_found["agency_code"], agencies_found["short_name"], strict=True))
    fig = _count_grid(
        data,
        rows=rows,
        columns=_theme_rows(data),
        row_key="agency_code",
        column_key="theme",
        customdata=lambda agency, theme: [theme, agency],
        lang=lang,
    )
    return _grid_frame(fig, "obs.chart.by_agency", filters_text, as_of, source, lang, [r[1] for r in rows])


def _case_blind(values: pd.Series) -> pd.Series:
    return values.str.lower() if values.dtype == object or pd.api.types.is_string_dtype(values) else values


def fig_obstacle_states(
    data: pd.DataFrame, lang: str, filters_text: str, as_of: datetime | None, source: str
) -> go.Figure:
    """Per theme, its open and resolved obstacle texts as stacked bars (customdata = [theme, "open"/"resolved"])."""
    rows = data.sort_values("position", ascending=False)
    fig = go.Figure()
    for state, colour in (("open", OPEN_COLOUR), ("resolved", RESOLVED_COLOUR)):
        values = rows["open"] if state == "open" else rows["texts"] - rows["open"]
        fig.add_bar(
            x=values,
            y=rows["name"],
            orientation="h",
            name=t(f"obs.{state}", lang),
            marker_color=colour,
            text=[fmt_int(v, lang) if v else "" for v in values],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            textfont={"color": "#FFFFFF"},
            customdata=[[theme, state] for theme in rows["theme"]],
            hovertext=[
                t("obs.hover.state", lang, theme=n, texts=fmt_int(v, lang), state=t(f"obs.state.{state}_lower", lang))
                for n, v in zip(rows["name"], values, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_layout(barmode="stack", clickmode="event+select", uniformtext={"minsize": 11, "mode": "hide"})
    fig.update_xaxes(title=t("obs.axis.texts", lang), gridcolor="#E5E5E5", rangemode="tozero", fixedrange=True)
    fig.update_yaxes(type="category", automargin=True, fixedrange=True, ticklabelstandoff=8)
    fig = _obstacle_frame(
        fig,
        "obs.chart.states",
        filters_text,
        as_of,
        source,
        lang,
        height=max(360, 265 + 30 * len(rows)),
        labels=rows["name"],
    )
    # The legend sits at the figure's bottom edge, under the data line: it can cover neither title nor bars.
    fig.update_layout(
        legend={
            "orientation": "h",
            "traceorder": "normal",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
        },
        margin={"b": 155},
    )
    return fig
