"""The obstacle charts: counts of obstacle texts as grids (theme × pillar, quarter, K/L), open and resolved."""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ranpe.charts.common import _data_frame
from ranpe.charts.style import ROW_HEIGHT_PX
from ranpe.i18n import AsOf, fmt_int, t

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
    return _data_frame(
        fig, obstacle_title(what_key, lang), filters_text, as_of, source, lang, None, plot_height=plot_height
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
