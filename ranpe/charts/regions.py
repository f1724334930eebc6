"""The province map: its polygons (the small map's simplified), colours and the choropleth."""

from __future__ import annotations

import functools
import json
import math
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from ranpe.charts.common import _footer, _hover, _spec, as_of_text
from ranpe.charts.layout import _frame
from ranpe.charts.style import FOCUS_OUTLINE_COLOUR, NO_DATA_COLOUR, NO_DATA_Z, RATE_COLOURSCALE
from ranpe.config import REFERENCE_DIR
from ranpe.i18n import fmt_pct, t


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
