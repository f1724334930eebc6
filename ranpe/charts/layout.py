"""How a figure is laid out: _frame stacks title, legend, plot and data line for the page; fit() lays a page's
figure out anew for a slide."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure

from ranpe.charts.style import (
    BASE_FONT_PX,
    COLOURBAR_PX,
    COLOURBAR_THICKNESS_PX,
    EDGE_PX,
    FONT_FAMILY,
    FOOTER_FONT_PX,
    GAP_PX,
    LINE_SPACING,
    MIN_CHART_PX,
    MODEBAR_PX,
    SUBTITLE_FONT_PX,
    TITLE_FONT_PX,
    separators,
    text_px,
    wrap_px,
)


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
