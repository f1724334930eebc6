"""Owns the Plotly figures of the dashboard, built from the engine's DataFrames, each with its title and data line;
never touches the store. Imports: config, i18n.

style (colours, sizes, text widths) <- layout (_frame, fit) <- common (parts of the measures' charts) <- one module
per page family: pillars, agencies, trends, regions (the map), obstacles. Callers use `from ranpe import charts`
and the names below; `frame.chart` looks a builder up here by name.
"""

from ranpe.charts.agencies import fig_agency_pillar_matrix, fig_commitment_by_agency
from ranpe.charts.common import as_of_text, period_span
from ranpe.charts.layout import PAGE, Canvas, Figure, figure_title, fit
from ranpe.charts.obstacles import (
    fig_obstacle_states,
    fig_obstacle_themes_by_agency,
    fig_obstacle_themes_by_pillar,
    fig_obstacle_themes_by_quarter,
    grid_label_room,
    obstacle_title,
)
from ranpe.charts.pillars import fig_commitment_by_focus_area, fig_commitment_by_pillar, spec_commitment_by_pillar
from ranpe.charts.regions import (
    SMALL_MAP_ISLAND_DEG,
    SMALL_MAP_TOLERANCE_DEG,
    fig_province_map,
    map_attribution,
    provinces_geojson,
    spec_province_map,
)
from ranpe.charts.style import (
    ALL_PILLARS_COLOUR,
    NEUTRAL_BAR_COLOUR,
    PILLAR_COLOURS,
    RATE_COLOURSCALE,
    STATUS_COLOURS,
    separators,
    text_px,
    wrap_px,
)
from ranpe.charts.trends import fig_completeness, fig_status_by_quarter, fig_trend, spec_trend

__all__ = [
    "ALL_PILLARS_COLOUR",
    "NEUTRAL_BAR_COLOUR",
    "PAGE",
    "PILLAR_COLOURS",
    "RATE_COLOURSCALE",
    "SMALL_MAP_ISLAND_DEG",
    "SMALL_MAP_TOLERANCE_DEG",
    "STATUS_COLOURS",
    "Canvas",
    "Figure",
    "as_of_text",
    "fig_agency_pillar_matrix",
    "fig_commitment_by_agency",
    "fig_commitment_by_focus_area",
    "fig_commitment_by_pillar",
    "fig_completeness",
    "fig_obstacle_states",
    "fig_obstacle_themes_by_agency",
    "fig_obstacle_themes_by_pillar",
    "fig_obstacle_themes_by_quarter",
    "fig_province_map",
    "fig_status_by_quarter",
    "fig_trend",
    "figure_title",
    "fit",
    "grid_label_room",
    "map_attribution",
    "obstacle_title",
    "period_span",
    "provinces_geojson",
    "separators",
    "spec_commitment_by_pillar",
    "spec_province_map",
    "spec_trend",
    "text_px",
    "wrap_px",
]
