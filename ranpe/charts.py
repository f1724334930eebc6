"""Plotly figures of the dashboard, built from the engine's DataFrames; each carries its title and data line."""

from __future__ import annotations

import functools
import json
import math
import re
import textwrap
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure
from plotly.colors import sample_colorscale

from ranpe.config import REFERENCE_DIR
from ranpe.i18n import AsOf, fmt_date, fmt_int, fmt_pct, t

# A colour per group of a plan period, the same group number the same colour on every chart, for up to 12 groups
# (three pillars, nine themes): the Okabe–Ito colours without black and yellow (colour-blind safe, each legible on
# white), then five of Paul Tol's muted scheme that stay apart from them (indigo, wine, olive, rose, teal) and the
# Okabe–Ito yellow last.
PILLAR_COLOURS = {
    1: "#0072B2",  # blue
    2: "#E69F00",  # orange
    3: "#009E73",  # bluish green
    4: "#D55E00",  # vermillion
    5: "#CC79A7",  # reddish purple
    6: "#56B4E9",  # sky blue
    7: "#332288",  # indigo (Tol)
    8: "#882255",  # wine (Tol)
    9: "#999933",  # olive (Tol)
    10: "#CC6677",  # rose (Tol)
    11: "#44AA99",  # teal (Tol)
    12: "#F0E442",  # yellow
}
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
# Text sizes on the page, in px. Tick labels, legend entries, axis titles and bar labels follow the figure's font
# (BASE_FONT_PX), so that fit() scales them all with it.
BASE_FONT_PX = 13
TITLE_FONT_PX = 17
SUBTITLE_FONT_PX = 13
FOOTER_FONT_PX = 11
# Plotly sets lines of a text 1.3 of its font size apart; a title's lines take the title's spacing.
LINE_SPACING = 1.3
# The narrowest a chart is drawn: about 350 px on a 390 px phone, 310 px in the narrower of two columns beside the
# sidebar at 1280 px. Titles, legends and footers are laid out for this width, so that they hold at every width.
MIN_CHART_PX = 300
# Plotly's mode bar (zoom, download, full screen) lies over the figure's top right corner: the title starts under it.
MODEBAR_PX = 28
# Space between the figure's edge and its text, and between the blocks of a figure (title, legend, plot, footer).
EDGE_PX = 8
GAP_PX = 10
# A heat map's colour bar: its length (at most: never longer than the plot) and thickness.
COLOURBAR_PX = 240
COLOURBAR_THICKNESS_PX = 12
# Bar charts with one row per category: the plot is this tall per row.
ROW_HEIGHT_PX = 30

# Advance widths of Arial (and its metric twin Liberation Sans, what Chromium draws without Source Sans Pro), in
# thousandths of the font size; Source Sans Pro is narrower, so a layout measured this way has room to spare.
_CHAR_WIDTHS = {
    **dict.fromkeys("ijl'|", 222),
    **dict.fromkeys(" \xa0.,:;·!/[]ftI", 278),
    **dict.fromkeys("-()r", 333),
    **dict.fromkeys("*", 389),
    **dict.fromkeys("cksvxyzJ", 500),
    **dict.fromkeys("abdeghnopqu0123456789#_?–L$", 556),
    **dict.fromkeys("+<=>×", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("wCDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("%", 889),
    **dict.fromkeys("W—", 1000),
}
_WIDE_CHAR = 1000
_BOLD_WIDENING = 1.1
_TAG = re.compile(r"<[^>]*>")


def text_px(text: str, font_px: float, *, bold: bool = False) -> float:
    """About how wide a line of text is drawn (HTML tags such as <b> take no room)."""
    plain = _TAG.sub("", text)
    width = sum(_CHAR_WIDTHS.get(char, _WIDE_CHAR if ord(char) > 0x2FF else 600) for char in plain) * font_px / 1000
    return width * (_BOLD_WIDENING if bold else 1.0)


def wrap_px(text: str, width_px: float, font_px: float, *, bold: bool = False) -> list[str]:
    """Text broken at spaces into lines no wider than width_px (a longer word keeps its own line); tags such as
    <a href='...'> stay whole."""
    lines: list[str] = []
    # Words are split at plain spaces only: a non-breaking space (\xa0) holds its words together.
    for word in re.findall(r"(?:<[^>]*>|[^ <])+", text):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_px(candidate, font_px, bold=bold) <= width_px:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


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


def _line_px(font_px: float) -> float:
    return font_px * LINE_SPACING


def _lines(text: str) -> int:
    return text.count("<br>") + 1 if text else 0


def _axis(spec: dict[str, Any], letter: str) -> dict[str, Any]:
    return spec["layout"].get(f"{letter}axis") or {}


def _category_labels(spec: dict[str, Any], letter: str) -> list[str]:
    """The tick labels an axis shows: its tick texts, or the categories of the traces drawn on it."""
    axis = _axis(spec, letter)
    if axis.get("ticktext") is not None and len(axis["ticktext"]):
        return [str(label) for label in axis["ticktext"]]
    if axis.get("tickformat") == ".0%":
        return ["100%"]
    if axis.get("type") != "category":
        # A count axis: numbers up to a few thousands, written with a thousands separator.
        return ["10.000"]
    aliases = axis.get("labelalias") or {}
    values = (trace.get(letter) for trace in spec["data"])
    return [str(aliases.get(str(value), value)) for column in values if column is not None for value in column]


def _widest_px(labels: Any, font_px: float) -> float:
    return max((max(text_px(line, font_px) for line in str(label).split("<br>")) for label in labels), default=0.0)


def _axis_title(spec: dict[str, Any], letter: str) -> str:
    return (_axis(spec, letter).get("title") or {}).get("text") or ""


def _legend_entries(spec: dict[str, Any]) -> list[str]:
    """The names a legend lists: traces that show in it (a figure of one unnamed trace has none)."""
    traces = spec["data"]
    shown = [trace["name"] for trace in traces if trace.get("showlegend") is not False and trace.get("name")]
    return shown if len(traces) > 1 or any(trace.get("showlegend") for trace in traces) else []


def _legend_px(entries: list[str], width_px: float, font_px: float, gap_px: float) -> float:
    """How tall a horizontal legend of these entries is when its row holds width_px: each entry is its symbol
    (40 px) and its name; Plotly starts a new row when the next entry would not fit."""
    rows, used = 0, width_px
    for entry in entries:
        entry_px = 40 + text_px(entry, font_px) + gap_px
        if used + entry_px > width_px:
            rows, used = rows + 1, 0.0
        used += entry_px
    return rows * (_line_px(font_px) + 6)


@dataclass(frozen=True)
class Canvas:
    """What a figure is laid out for: the narrowest width it is drawn at, its text size (times the page's), a fixed
    height (a slide) or none (as tall as its parts), and whether Plotly's mode bar lies over its top."""

    min_width: float
    scale: float = 1.0
    height: int | None = None
    modebar: bool = True
    # The figure's own text (ticks, legend, bar labels), when a caller set it apart from the titles' scale.
    base_scale: float | None = None


PAGE = Canvas(MIN_CHART_PX)
# A figure: Plotly's object, or Plotly's JSON (a dict of data and layout) built without Plotly's object model and
# its validation of every property (what the pages draw: st.plotly_chart serialises it as it is).
Figure = go.Figure | dict[str, Any]


def _frame(fig: Figure, title: str, filters_text: str, footer: str, *, lang: str, plot_height: int) -> Figure:
    """Title (what + filters), legend, plot and data line stacked so that none covers another, at any width:
    laid out for the page (see _placed); the parts are kept in the figure's meta, for fit(). A figure given as
    Plotly's JSON (a dict) is laid out as a dict, a go.Figure as a go.Figure."""
    props = {
        "separators": separators(lang),
        "meta": {"frame": {"title": title, "subtitle": filters_text, "footer": footer, "plot_height": plot_height}},
    }
    if isinstance(fig, dict):
        fig["layout"].update(props)
        return _lay_out_spec(fig, PAGE)
    _update(fig.layout, **props)
    return _lay_out(fig, PAGE)


def fit(fig: Figure, width: int, height: int, scale: float) -> go.Figure:
    """A copy of a page's figure laid out anew for a fixed width and height (a slide), its text scale times larger.

    A title or data line taken out of the figure (a slide that says them in its own text) stays out; a font size
    set on the figure is the one scaled. A figure given as Plotly's JSON (a dict) becomes a go.Figure here."""
    copy = go.Figure(fig)
    copy.update_layout(width=width, height=height)
    if not isinstance(copy.layout.meta, dict) or "frame" not in copy.layout.meta:
        return copy
    parts = dict(copy.layout.meta["frame"])
    if not copy.layout.title.text:
        parts.update(title="", subtitle="")
    if not any(annotation.name == FOOTER_NAME for annotation in copy.layout.annotations):
        parts.update(footer="")
    copy.layout.annotations = [a for a in copy.layout.annotations if a.name != FOOTER_NAME]
    copy.layout.meta = {"frame": parts}
    base_scale = scale * (copy.layout.font.size or BASE_FONT_PX) / BASE_FONT_PX
    return _lay_out(copy, Canvas(width, scale, height, modebar=False, base_scale=base_scale))


def figure_title(fig: Figure) -> str:
    """The title a figure was built with, as one line (its drawn title is wrapped to fit a phone)."""
    layout = fig["layout"] if isinstance(fig, dict) else fig.layout._props
    meta = layout.get("meta")
    if isinstance(meta, dict) and "frame" in meta:
        return meta["frame"]["title"]
    return re.sub(r"<[^>]*>", "", ((layout.get("title") or {}).get("text") or "").split("<br>")[0])


FOOTER_NAME = "footer"


def _update(part: Any, **props: Any) -> None:
    """part.update(**props) (the figure's layout, an axis) without Plotly's batch update: update() records every
    property set and then replays them all as a relayout (parsing each property path again), which made it the
    costliest step of building a figure (a quarter of a new overview view's figures at 1M rows); the properties are
    validated and set alike."""
    BaseFigure._perform_update(part, props)


@dataclass(frozen=True)
class Placement:
    """What laying a figure out sets: layout properties, properties of some traces (by index), the footer's
    annotation; and the plot's height and the base font size it was laid out with."""

    layout: dict[str, Any]
    traces: dict[int, dict[str, Any]]
    footer: dict[str, Any] | None
    plot_px: float
    base: float


def _merged(target: dict[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    """props set into target (a dict of Plotly's JSON) as Plotly's update() sets them: a property that is a dict
    updates the one there, anything else replaces it."""
    for key, value in props.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merged(target[key], value)
        else:
            target[key] = value
    return target


def _view(fig: go.Figure) -> dict[str, Any]:
    """A go.Figure's properties as Plotly's JSON (its own dicts, no copy: read them only)."""
    return {"data": [trace._props for trace in fig.data], "layout": fig.layout._props}


def _lay_out(fig: go.Figure, canvas: Canvas) -> go.Figure:
    """The figure laid out for the canvas (_placed), its properties set through Plotly (validated)."""
    placement = _placed(_view(fig), canvas)
    for index, props in placement.traces.items():
        _update(fig.data[index], **props)
    if canvas.height:
        _fit_rows(fig, placement.plot_px, placement.base)
    _update(fig.layout, **placement.layout)
    if placement.footer:
        fig.add_annotation(**placement.footer)
    return fig


def _lay_out_spec(spec: dict[str, Any], canvas: Canvas) -> dict[str, Any]:
    """A figure given as Plotly's JSON laid out for the canvas (_placed), the same properties set into its dicts."""
    placement = _placed(spec, canvas)
    for index, props in placement.traces.items():
        _merged(spec["data"][index], props)
    _merged(spec["layout"], placement.layout)
    if placement.footer:
        spec["layout"]["annotations"] = [*spec["layout"].get("annotations", []), placement.footer]
    return spec


def _placed(spec: dict[str, Any], canvas: Canvas) -> Placement:
    """Place title, legend or colour bar, plot and footer for the canvas.

    Title and subtitle are wrapped for the canvas's narrowest width and sit at the top. A legend (or a heat map's
    colour bar, laid flat) sits under them, referenced to the figure rather than the plot, so that Plotly reserves
    its room above the plot however many rows it wraps into at the width drawn. The data line sits at the bottom,
    under the most room the x-axis labels can take (turned upright when crowded); its left edge is the figure's,
    whatever the labels' width. On a page the figure is as tall as its parts (the plot as tall as asked); on a
    slide the plot takes what the rest leaves, and rows too many for their text get smaller text.
    """
    parts = spec["layout"]["meta"]["frame"]
    k = canvas.scale
    base = BASE_FONT_PX * (canvas.base_scale or k)
    title_font, subtitle_font, footer_font = (px * k for px in (TITLE_FONT_PX, SUBTITLE_FONT_PX, FOOTER_FONT_PX))
    edge, gap = EDGE_PX * k, GAP_PX * k
    text_width = canvas.min_width - 2 * edge
    title_lines = wrap_px(parts["title"], text_width, title_font, bold=True)
    subtitle_lines = wrap_px(parts["subtitle"], text_width, subtitle_font)
    title_text = "<br>".join(
        [f"<b>{line}</b>" for line in title_lines]
        + [f"<span style='font-size:{round(subtitle_font)}px'>{line}</span>" for line in subtitle_lines]
    )
    footer_lines = [
        line for paragraph in parts["footer"].split("<br>") for line in wrap_px(paragraph, text_width, footer_font)
    ]
    # Plotly puts a title's first baseline at its y and the next lines one title line (not their own) apart.
    title_top = edge + (MODEBAR_PX if canvas.modebar else 0)
    title_lines_count = len(title_lines) + len(subtitle_lines)
    title_px = title_top + (title_font + _line_px(title_font) * (title_lines_count - 1) if title_lines_count else 0)
    top = title_px + gap
    # Under the title: the legend, referenced to the figure.
    under_title = top
    entries = _legend_entries(spec)
    legend_px = _legend_px(entries, text_width, base, gap) if entries else 0.0

    layout: dict[str, Any] = {}
    traces: dict[int, dict[str, Any]] = {}
    cartesian = any(trace["type"] in ("bar", "scatter") for trace in spec["data"])
    left = right = edge
    bottom_zone = 0.0
    if cartesian:
        tick_gap = round(6 * k)
        left += _widest_px(_category_labels(spec, "y"), base) + 2 * tick_gap
        if _axis_title(spec, "y"):
            left += _line_px(base) + gap
        layout["yaxis"] = {"automargin": True, "title": {"standoff": gap}, "ticklabelstandoff": tick_gap}
        layout["xaxis"] = {"automargin": True, "title": {"standoff": gap}}
        # The last tick label of a rate axis ("100%") is centred on the plot's right edge.
        right += text_px("100%", base) / 2
        labels_px = _line_px(base)
        x_labels = list(dict.fromkeys(_category_labels(spec, "x")))
        widest = _widest_px(x_labels, base)
        crowded = len(x_labels) * (widest + gap) > canvas.min_width - left - right
        if _axis(spec, "x").get("type") == "category" and crowded:
            # Labels too many to stand level in the narrowest plot are turned 30° or upright: their height is then
            # at most their width plus a line.
            labels_px += max(widest, _line_px(base))
        x_title = _axis_title(spec, "x")
        x_title_px = gap + _line_px(base) * _lines(x_title) if x_title else 0
        if _axis(spec, "x").get("side") == "top":
            top += tick_gap + labels_px + x_title_px
        else:
            bottom_zone = tick_gap + labels_px + x_title_px
    bottom = bottom_zone + gap + _line_px(footer_font) * len(footer_lines) + edge
    if cartesian:
        traces |= _place_bar_labels(spec, canvas.min_width - left - right, right - edge, base)

    if canvas.height:
        height = canvas.height
        plot_px = height - top - legend_px - bottom
    else:
        plot_px = parts["plot_height"]
        height = round(top + legend_px + plot_px + bottom)
    for index, trace in enumerate(spec["data"]):
        if trace["type"] == "scatter" and (trace.get("marker") or {}).get("showscale"):
            # A heat map's colour bar: upright beside the plot's top rows (Plotly makes room for it on the right),
            # its title along it.
            colourbar = {
                "orientation": "v",
                "x": 1,
                "xanchor": "left",
                "xpad": gap,
                "y": 1,
                "yanchor": "top",
                "ypad": 0,
                "lenmode": "pixels",
                "len": min(plot_px, COLOURBAR_PX * k),
                "thickness": COLOURBAR_THICKNESS_PX * k,
                "title": {"side": "right"},
            }
            traces[index] = _merged(traces.get(index, {}), {"marker": {"colorbar": colourbar}})
    layout.update(
        title={
            "text": title_text,
            "font": {"size": title_font},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "pad": {"l": edge},
            "yref": "container",
            "y": 1 - (title_top + 0.9 * title_font) / height,
            "yanchor": "bottom",
            "automargin": True,
        },
        font={"family": FONT_FAMILY, "size": base, "color": "#222222"},
        height=height,
        margin={"l": round(left), "r": round(right), "t": round(top), "b": round(bottom), "pad": 0},
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=bool(entries),
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1 - under_title / height,
            "yanchor": "top",
        },
    )
    footer = None
    if footer_lines:
        footer = {
            "name": FOOTER_NAME,
            "text": "<br>".join(footer_lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xshift": -(round(left) - edge),
            "yshift": -(bottom_zone + gap),
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": footer_font, "color": "#555555"},
        }
    return Placement(layout, traces, footer, plot_px, base)


def _fit_rows(fig: go.Figure, plot_px: float, base: float) -> None:
    """On a fixed height, rows (K/L) too many for their text: labels and cells made to fit one row."""
    rows = len(set(_category_labels(_view(fig), "y"))) if fig.layout.yaxis.type == "category" else 0
    if not rows:
        return
    row_px = plot_px / rows
    # Every row labelled, as on the page (Plotly would label every other one when crowded).
    fig.update_yaxes(tickmode="linear", dtick=1)
    if _line_px(base) > row_px:
        small = max(row_px / LINE_SPACING, 6)
        fig.update_yaxes(tickfont={"size": small})
        fig.update_traces(textfont={"size": small}, selector={"type": "bar"})
    for trace in fig.data:
        if trace.type == "scatter" and trace.marker.symbol == "square":
            cell = min(trace.marker.size, row_px - 1)
            trace.marker.size = cell
            trace.textfont.size = min(trace.textfont.size or cell / 2.6, cell / 2.6)


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


def _rate_texts(write: Any, rows: pd.DataFrame, lang: str) -> list[str]:
    """write(rate, committed, planned, lang) for each row (rate, committed, planned): its bar label (_bar_text) or
    its hover text (_hover)."""
    return [write(r, c, p, lang) for r, c, p in zip(rows["rate"], rows["committed"], rows["planned"], strict=True)]


def _data_footer(as_of: datetime | None, source: str, lang: str, about_url: str | None) -> str:
    """The source line of a chart of the measures: the data date (or the as-of moment) and the source."""
    return _footer(as_of_text(as_of, source, lang), about_url=about_url, lang=lang)


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


def _place_bar_labels(spec: dict[str, Any], plot_px: float, beyond_px: float, font_px: float) -> dict[int, dict]:
    """Each label of a horizontal bar where it fits whole in a plot plot_px wide (the narrowest drawn): inside the
    bar at its end, or beyond a short bar (up to beyond_px past the plot); a label that fits neither way goes
    inside, made smaller by Plotly to fit, never cut at the figure's edge. The properties to set, by trace."""
    x_axis = _axis(spec, "x")
    if x_axis.get("tickformat") != ".0%" or spec["layout"].get("barmode") == "stack":
        return {}  # only the rate bars, one per row
    room = (x_axis.get("range") or (0, 1))[1]
    pad_px = 8
    placed = {}
    for index, trace in enumerate(spec["data"]):
        if trace["type"] != "bar" or trace.get("orientation") != "h" or trace.get("text") is None:
            continue
        positions = []
        for value, text in zip(trace["x"], trace["text"], strict=True):
            bar_px = plot_px * float(value or 0) / room
            need_px = text_px(str(text), font_px) + pad_px
            outside = bar_px < need_px and plot_px - bar_px + beyond_px >= need_px
            positions.append("outside" if outside else "inside")
        placed[index] = {"textposition": positions, "constraintext": "inside"}
    return placed


def _group_title(data: pd.DataFrame, key: str, group_key: str, lang: str) -> str:
    """A chart's title naming the groups by their period's word (the pillar title in a period of pillars)."""
    if "group_word" in data and len(data) and str(data["group_word"].iloc[0]).lower() not in ("pilar", "pillar"):
        return t(group_key, lang, word=str(data["group_word"].iloc[0]).lower())
    return t(key, lang)


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
    return _frame(
        spec,
        _group_title(data, "dash.chart.by_pillar", "period.chart.by_group", lang),
        filters_text,
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
        plot_height=row_px * max(len(rows), 2),
    )


def fig_commitment_by_pillar(data: pd.DataFrame, lang: str, *args: Any, **options: Any) -> go.Figure:
    """spec_commitment_by_pillar() as a go.Figure (exports, the pack)."""
    return go.Figure(spec_commitment_by_pillar(data, lang, *args, **options))


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
    return _frame(
        fig,
        t("dash.chart.by_focus_area", lang),
        filters_text,
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
        plot_height=PLOT_HEIGHT_PX,
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
    return _frame(
        fig,
        t("dash.chart.by_agency", lang),
        filters_text,
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
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
    return _frame(
        fig,
        _group_title(data, "dash.chart.agency_pillar", "period.chart.agency_group", lang),
        filters_text,
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
        plot_height=ROW_HEIGHT_PX * max(len(agencies_in_order), 2),
    )


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
    return _frame(
        _spec(lines, xaxis=x_axis, yaxis=_json_axis(_pct_axis(lang))),
        title or t("dash.chart.trend", lang),
        _span_and_filters(data, filters_text, lang),
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
        plot_height=PLOT_HEIGHT_PX,
    )


def fig_trend(data: pd.DataFrame, lang: str, *args: Any, **options: Any) -> go.Figure:
    """spec_trend() as a go.Figure (exports, the pack)."""
    return go.Figure(spec_trend(data, lang, *args, **options))


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
    return _frame(
        fig,
        t("dash.chart.status", lang),
        _span_and_filters(data, filters_text, lang),
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
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
        _data_footer(as_of, source, lang, about_url),
        lang=lang,
        plot_height=PLOT_HEIGHT_PX,
    )


@cache
def provinces_geojson() -> dict[str, Any]:
    """The shipped province polygons (34: Papua as before its 2022 division)."""
    return json.loads((REFERENCE_DIR / "provinces.geojson").read_text(encoding="utf-8"))


# The overview's small map (about 600 × 280 px, some 0.08° of longitude per pixel) draws the provinces simplified:
# vertices within SMALL_MAP_TOLERANCE_DEG (about 2 km) of the outline dropped, and islands narrower than
# SMALL_MAP_ISLAND_DEG (about 11 km across) left out (each province keeps its largest polygon). 102 kB of JSON
# instead of 338 kB, sent to every session's browser on every run. The Regions page's map keeps every vertex.
SMALL_MAP_TOLERANCE_DEG = 0.02
SMALL_MAP_ISLAND_DEG = 0.1


@cache
def _provinces_geojson_rings(simplified: bool = False) -> dict[str, Any]:
    """provinces_geojson() with each ring a NumPy array: the same JSON, written about ten times faster; simplified
    for the small map."""

    def rings(geometry: dict[str, Any]) -> dict[str, Any]:
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        arrays = [[np.asarray(ring, dtype=float) for ring in polygon] for polygon in polygons]
        if simplified:
            arrays = _small_map_polygons(arrays)
            return {"type": "MultiPolygon", "coordinates": arrays}
        return {**geometry, "coordinates": arrays[0] if geometry["type"] == "Polygon" else arrays}

    geojson = provinces_geojson()
    return {**geojson, "features": [{**f, "geometry": rings(f["geometry"])} for f in geojson["features"]]}


def _small_map_polygons(polygons: list[list[np.ndarray]]) -> list[list[np.ndarray]]:
    """A province's polygons for the small map: the largest always, others as wide as SMALL_MAP_ISLAND_DEG; each ring
    simplified (a ring left with fewer than four points is dropped; an outer ring never is)."""

    def across(polygon: list[np.ndarray]) -> float:
        outer = polygon[0]
        return float(np.hypot(*(outer.max(axis=0) - outer.min(axis=0))))

    largest = max(polygons, key=across)
    kept = []
    for polygon in polygons:
        if polygon is not largest and across(polygon) < SMALL_MAP_ISLAND_DEG:
            continue
        outer, *holes = (_simplified_ring(ring) for ring in polygon)
        kept.append([outer if len(outer) >= 4 else polygon[0], *(hole for hole in holes if len(hole) >= 4)])
    return kept


def _simplified_ring(ring: np.ndarray) -> np.ndarray:
    """The ring with the vertices Douglas-Peucker keeps at SMALL_MAP_TOLERANCE_DEG (first and last kept: closed)."""
    keep = np.zeros(len(ring), dtype=bool)
    keep[0] = keep[-1] = True
    spans = [(0, len(ring) - 1)]
    while spans:
        first, last = spans.pop()
        if last - first < 2:
            continue
        start, end = ring[first], ring[last]
        between = ring[first + 1 : last]
        direction = end - start
        length = float(np.hypot(*direction))
        if length == 0:  # a closed ring's first span: distances to the point itself
            distances = np.hypot(*(between - start).T)
        else:
            distances = np.abs(direction[0] * (between[:, 1] - start[1]) - direction[1] * (between[:, 0] - start[0]))
            distances /= length
        farthest = int(np.argmax(distances))
        if distances[farthest] > SMALL_MAP_TOLERANCE_DEG:
            middle = first + 1 + farthest
            keep[middle] = True
            spans += [(first, middle), (middle, last)]
    return ring[keep]


def map_attribution(lang: str) -> str:
    """The ODbL attribution line that goes under every map."""
    return t("dash.map.attribution", lang)


def spec_province_map(
    data: pd.DataFrame,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    *,
    height: int = 400,
    zoom: float = 3.1,
    about_url: str | None = None,
    simplified: bool = False,
) -> dict[str, Any]:
    """Choropleth of the provinces (MapLibre, no tiles, offline), focus provinces outlined, the Papua caveat drawn;
    as Plotly's JSON.

    data: one row per province (code, label, geojson_code, is_focus, polygon_shared, planned, committed, rate,
    centroid_lon, centroid_lat). height: of the map itself; title and footer come on top. A polygon that holds
    several of today's provinces is drawn grey, never painted with one province's value; those provinces are drawn
    as dots at their centroids. The polygons are written into the figure, not fetched from a URL: plotly.js fails
    on a map left while its first fetch is under way. They are the same object in every figure (read once per
    process, never copied): only the values change. simplified: the small map's outlines (SMALL_MAP_TOLERANCE_DEG).
    """
    geojson = provinces_geojson()
    # One trace for all 34 polygons: rates on the colour scale, polygons without rows and old polygons shared by
    # several of today's provinces at NO_DATA_Z, drawn grey.
    provinces = data.to_dict("records")
    by_polygon: dict[str, list[dict[str, Any]]] = {}
    for row in provinces:
        by_polygon.setdefault(row["geojson_code"], []).append(row)
    polygons = []
    for feature in geojson["features"]:
        code = feature["properties"]["code"]
        members = by_polygon.get(code, [])
        if len(members) == 1 and not members[0]["polygon_shared"]:
            row = members[0]
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
            no_rows = t("dash.map.no_rows", lang)
            lines = [
                f"{row['label']}: {no_rows if _missing(row['rate']) else fmt_pct(row['rate'], lang)}" for row in members
            ]
            name = feature["properties"]["name_en" if lang == "en" else "name"]
            title = t("dash.map.papua_group", lang, name=name, count=len(members))
            polygons.append((code, None, None, f"<b>{title}</b><br>" + "<br>".join(lines), False))
    traces = [
        {
            "type": "choroplethmap",
            "featureidkey": "properties.code",
            "geojson": _provinces_geojson_rings(simplified),
            "locations": [p[0] for p in polygons],
            "z": [NO_DATA_Z if p[1] is None else p[1] for p in polygons],
            "zmin": NO_DATA_Z,
            "zmax": 1,
            "colorscale": _map_colourscale(),
            "colorbar": {
                # Beside the bar, not over it, where the top tick label would run into it.
                "title": {"text": t("dash.colorbar.action_plans", lang), "side": "right"},
                "tickvals": [NO_DATA_Z / 2, 0, 0.25, 0.5, 0.75, 1],
                "ticktext": [t("dash.map.no_rows", lang), *(fmt_pct(v, lang, 0) for v in (0, 0.25, 0.5, 0.75, 1))],
                "len": 0.85,
                "thickness": 14,
            },
            "marker": {
                "line": {
                    "color": [FOCUS_OUTLINE_COLOUR if p[4] else "white" for p in polygons],
                    "width": [3 if p[4] else 0.6 for p in polygons],
                }
            },
            "customdata": [p[2] for p in polygons],
            "hovertext": [p[3] for p in polygons],
            "hoverinfo": "text",
            "name": "",
        }
    ]
    shared = [row for row in provinces if row["polygon_shared"]]
    if shared:
        traces.append(
            {
                "type": "scattermap",
                "lon": [float(row["centroid_lon"]) for row in shared],
                "lat": [float(row["centroid_lat"]) for row in shared],
                "mode": "markers",
                "marker": {
                    "size": 16,
                    "color": [NO_DATA_COLOUR if _missing(row["rate"]) else _rate_colour(row["rate"]) for row in shared],
                },
                "customdata": [row["code"] for row in shared],
                "hovertext": [
                    f"<b>{row['label']}</b><br>"
                    + (
                        _hover(row["rate"], row["committed"], row["planned"], lang, "dash.unit.action_plans")
                        if not _missing(row["rate"])
                        else t("dash.map.no_rows", lang)
                    )
                    for row in shared
                ],
                "hoverinfo": "text",
                "showlegend": False,
                "name": "",
            }
        )
    spec = _spec(
        traces,
        map={"style": "white-bg", "center": {"lon": 118.0, "lat": -2.5}, "zoom": zoom},
        clickmode="event+select",
    )
    footer = _footer(as_of_text(as_of, source, lang), map_attribution(lang), about_url=about_url, lang=lang)
    return _frame(spec, t("dash.chart.map", lang), filters_text, footer, lang=lang, plot_height=height)


def fig_province_map(data: pd.DataFrame, lang: str, *args: Any, **options: Any) -> go.Figure:
    """spec_province_map() as a go.Figure (exports, the pack)."""
    spec = spec_province_map(data, lang, *args, **options)
    # Set after the figure is made: given to go.Figure, the 325 kB GeoJSON would be validated and deep-copied.
    polygons = spec["data"][0].pop("geojson")
    fig = go.Figure(spec)
    fig.data[0].geojson = polygons
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
    fig.update_layout(clickmode="event+select")
    return fig


def obstacle_title(what_key: str, lang: str) -> str:
    """An obstacle chart's title on one line, with its unit: 'Tema hambatan per pilar (teks hambatan)'."""
    return f"{t(what_key, lang)} {t('obs.unit_title', lang)}"


def _obstacle_frame(
    fig: go.Figure,
    what_key: str,
    filters_text: str,
    as_of: AsOf,
    source: str,
    lang: str,
    *,
    plot_height: int,
) -> go.Figure:
    """_frame with the obstacle chart's title and its unit; _lay_out gives a grid's column labels (an x axis on
    top) their room above the plot."""
    return _frame(
        fig,
        obstacle_title(what_key, lang),
        filters_text,
        _footer(as_of_text(as_of, source, lang), lang=lang),
        lang=lang,
        plot_height=plot_height,
    )


def _grid_frame(
    fig: go.Figure, what_key: str, filters_text: str, as_of: AsOf, source: str, lang: str, labels: Any
) -> go.Figure:
    return _obstacle_frame(
        fig, what_key, filters_text, as_of, source, lang, plot_height=GRID_ROW_PX * max(len(list(labels)), 3)
    )


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
    return _obstacle_frame(
        fig, "obs.chart.states", filters_text, as_of, source, lang, plot_height=ROW_HEIGHT_PX * 2 * max(len(rows), 2)
    )
