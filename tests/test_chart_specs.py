"""The overview's figures built as Plotly's JSON (charts.spec_*): what Plotly itself makes of them changes nothing,
what st.plotly_chart draws is that JSON as it is, and the exports get the same figure as a go.Figure."""

from __future__ import annotations

import base64
import itertools
import json
import math
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from ranpe import charts
from ranpe.charts import regions as chart_regions
from ranpe.exports import images
from ranpe.measures import dashboard
from ranpe.measures.filters import NATIONAL, Filters
from ranpe.store.connection import Store
from ranpe.web import frame

VIEWS = (Filters(2023), Filters(2023, quarter=2, pillar=1), Filters(2022, quarter=4), Filters(2023, province=NATIONAL))
SPECS = {
    "spec_commitment_by_pillar": ("by_pillar", {"about_url": "about?year=2023"}),
    "spec_province_map": (
        "province_rates",
        {"height": 280, "zoom": 2.55, "about_url": "about?year=2023", "simplified": True},
    ),
    "spec_trend": ("trend", {"about_url": "about?year=2023"}),
}


def plain(value: object) -> object:
    """Plotly's JSON with its typed arrays ({"dtype", "bdata"}), NumPy arrays and tuples as lists of numbers, NaN
    and None as None (what plotly.js reads the same), numbers as floats."""
    if isinstance(value, dict):
        if {"dtype", "bdata"} <= set(value):
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            if "shape" in value:
                array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
            return plain(array.tolist())
        return {key: plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple | np.ndarray):
        return [plain(item) for item in list(value)]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return None if math.isnan(number) else round(number, 9)
    return value


@pytest.fixture(scope="module")
def demo(demo_store_path: Path) -> Store:
    opened = Store(demo_store_path)
    yield opened
    opened.close()


def built(store: Store, builder: str, filters: Filters, lang: str) -> dict:
    source, options = SPECS[builder]
    data = getattr(dashboard, source)(store, filters, lang)
    text = dashboard.describe_filters(store, filters, lang)
    return getattr(charts, builder)(data, lang, text, dashboard.as_of(store, filters), "Sumber: uji", **options)


@pytest.mark.parametrize("builder", SPECS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_plotly_makes_nothing_new_of_a_spec(demo: Store, builder: str, lang: str):
    """Validated by Plotly (go.Figure), every property of the JSON comes back as it was: nothing left unset,
    renamed or coerced, so the page draws what Plotly's object model would have drawn."""
    for filters in VIEWS:
        spec = built(demo, builder, filters, lang)
        assert plain(go.Figure(spec).to_dict()) == plain(spec), (builder, filters)


@pytest.mark.parametrize("builder", SPECS)
def test_the_go_figure_of_a_spec_is_the_spec(demo: Store, builder: str):
    """fig_* (exports, the pack) is the same figure as spec_* (the page): traces, texts, layout, footer."""
    figure_builder = builder.replace("spec_", "fig_")
    for filters in VIEWS:
        source, options = SPECS[builder]
        data = getattr(dashboard, source)(demo, filters, "id")
        args = (data, "id", dashboard.describe_filters(demo, filters, "id"), None, "Sumber: uji")
        spec = getattr(charts, builder)(data.copy(), *args[1:], **options)
        figure = getattr(charts, figure_builder)(data.copy(), *args[1:], **options)
        assert isinstance(figure, go.Figure)
        assert plain(figure.to_dict()) == plain(spec), (builder, filters)


def test_the_page_draws_the_spec_as_it_is(demo: Store):
    """What st.plotly_chart sends to the browser for a spec (frame.drawn, through plotly.io.to_json as Streamlit
    calls it): the spec's own JSON, with the map's polygons (written once per process, the same text every run),
    not a copy validated anew; a spec without polygons is handed on as it is, a go.Figure unchanged."""
    spec = built(demo, "spec_province_map", Filters(2023), "id")
    drawn = frame.drawn(spec)
    text = pio.to_json(drawn, validate=False)
    assert text == pio.to_json(spec, validate=False)
    sent = json.loads(text)
    assert len(sent["data"][0]["geojson"]["features"]) == 34
    assert sent["data"][0]["hovertext"] == spec["data"][0]["hovertext"]
    assert plain(sent) == plain(spec)
    assert drawn.to_dict()["data"][0]["geojson"] is frame.drawn(spec).to_dict()["data"][0]["geojson"]
    pillars = built(demo, "spec_commitment_by_pillar", Filters(2023), "id")
    assert frame.drawn(pillars).to_dict() is pillars
    figure = go.Figure()
    assert frame.drawn(figure) is figure


def test_a_spec_exports_as_its_figure_does(demo: Store):
    """A chart's PNG/SVG download gets the page's spec: laid out for the slide as the go.Figure would be."""
    spec = built(demo, "spec_commitment_by_pillar", Filters(2023), "en")
    figure = charts.fig_commitment_by_pillar(
        dashboard.by_pillar(demo, Filters(2023), "en"),
        "en",
        dashboard.describe_filters(demo, Filters(2023), "en"),
        dashboard.as_of(demo, Filters(2023)),
        "Sumber: uji",
        about_url="about?year=2023",
    )
    from_spec, from_figure = images.presentation_figure(spec), images.presentation_figure(figure)
    assert plain(from_spec.to_dict()) == plain(from_figure.to_dict())
    assert charts.figure_title(spec) == charts.figure_title(figure) == "Commitment rate by pillar (actions)"


def test_the_small_map_draws_every_province_with_fewer_vertices():
    """The overview's small map (simplified=True): every province polygon still there, each outline a closed ring
    made of the shipped outline's own vertices and never farther from it than the tolerance; a third of the JSON a
    browser receives on every run."""
    full, small = chart_regions._provinces_geojson_rings(False), chart_regions._provinces_geojson_rings(True)
    assert [f["properties"]["code"] for f in small["features"]] == [f["properties"]["code"] for f in full["features"]]
    shipped = {f["properties"]["code"]: f["geometry"] for f in charts.provinces_geojson()["features"]}
    for feature in small["features"]:
        polygons = feature["geometry"]["coordinates"]
        assert polygons, feature["properties"]["code"]
        original = shipped[feature["properties"]["code"]]
        outlines = original["coordinates"] if original["type"] == "MultiPolygon" else [original["coordinates"]]
        vertices = {tuple(point) for polygon in outlines for ring in polygon for point in ring}
        for polygon in polygons:
            for ring in polygon:
                assert len(ring) >= 4 and tuple(ring[0]) == tuple(ring[-1])
                assert {tuple(point) for point in ring.tolist()} <= vertices

    # The largest island of every province is kept: as wide across as the shipped one.
    def widest(feature: dict) -> float:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        return max(float(np.hypot(*np.ptp(polygon[0], axis=0))) for polygon in polygons)

    for small_feature, full_feature in zip(small["features"], full["features"], strict=True):
        assert widest(small_feature) >= widest(full_feature) - 2 * charts.SMALL_MAP_TOLERANCE_DEG
    sent = {simplified: len(pio.to_json({"geojson": g}, validate=False)) for simplified, g in ((0, full), (1, small))}
    assert sent[1] < sent[0] / 2


def test_a_simplified_ring_stays_within_the_tolerance():
    """Douglas-Peucker on a closed ring: every dropped vertex lies within the tolerance of the kept outline."""
    angles = np.linspace(0, 2 * np.pi, 400)
    ring = np.column_stack([np.cos(angles), np.sin(angles)])
    ring[-1] = ring[0]
    kept = chart_regions._simplified_ring(ring)
    assert 4 <= len(kept) < len(ring) / 4
    segments = list(itertools.pairwise(kept))
    for point in ring:
        nearest = min(
            abs((b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0])) / float(np.hypot(*(b - a)))
            if ((point - a) @ (b - a)) * ((point - b) @ (a - b)) >= 0
            else min(float(np.hypot(*(point - a))), float(np.hypot(*(point - b))))
            for a, b in segments
        )
        assert nearest <= charts.SMALL_MAP_TOLERANCE_DEG * 1.0001
