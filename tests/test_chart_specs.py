"""The overview's figures built as Plotly's JSON (charts.spec_*): what Plotly itself makes of them changes nothing,
what st.plotly_chart draws is that JSON as it is, and the exports get the same figure as a go.Figure."""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from ranpe import charts
from ranpe.exports import images
from ranpe.measures import dashboard
from ranpe.measures.filters import NATIONAL, Filters
from ranpe.store.connection import Store
from ranpe.web import frame

VIEWS = (Filters(2023), Filters(2023, quarter=2, pillar=1), Filters(2022, quarter=4), Filters(2023, province=NATIONAL))
SPECS = {
    "spec_commitment_by_pillar": ("by_pillar", {"about_url": "about?year=2023"}),
    "spec_province_map": ("province_rates", {"height": 280, "zoom": 2.55, "about_url": "about?year=2023"}),
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
    """What st.plotly_chart sends to the browser for a spec (frame.drawn): the spec's own JSON, with the map's
    polygons, not a copy validated anew; a go.Figure is handed on unchanged."""
    spec = built(demo, "spec_province_map", Filters(2023), "id")
    drawn = frame.drawn(spec)
    assert drawn.to_dict() is spec
    sent = json.loads(pio.to_json(drawn.to_dict(), validate=False))
    assert len(sent["data"][0]["geojson"]["features"]) == 34
    assert sent["data"][0]["hovertext"] == spec["data"][0]["hovertext"]
    assert plain(sent) == plain(spec)
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
