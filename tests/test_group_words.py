"""The period's word for its groups everywhere a user reads it (issue 12): a year of a period of themes (the demo's
illustrative 2026–2029, nine themes) never says "Pilar" / "Pillar"; a year of RAN PE 2020–2024 keeps it.

The navigation names the pillars page before a year is chosen: by every period's word ("Pilar & Tema"). The page
itself is titled by the chosen year's word. The internal column name `pillar` stays (queries, filters, URLs)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ranpe.exports import pack
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store
from tests.fixtures_demo import copy_demo_store
from tests.test_pages import app_env, run_app  # noqa: F401 (app_env is a fixture)

PILLAR = re.compile(r"\bpil(l)?ar", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo_db(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo_store(demo_store_path, tmp_path_factory.mktemp("group_words"))


def test_the_navigation_names_every_periods_word_and_one_period_keeps_pillars(demo_db: Path, store: Store):
    with Store(demo_db) as demo:
        assert dashboard.groups_nav_title(demo, "id") == "Pilar & Tema"
        assert dashboard.groups_nav_title(demo, "en") == "Pillars & themes"
    # The shipped reference data: RAN PE 2020–2024 alone.
    assert (dashboard.groups_nav_title(store, "id"), dashboard.groups_nav_title(store, "en")) == ("Pilar", "Pillars")


@pytest.mark.parametrize(
    ("year", "lang", "scope"),
    [
        (2026, "id", "semua tema, K/L dan wilayah"),
        (2026, "en", "all themes, K/L and regions"),
        (2023, "id", "semua pilar, K/L dan wilayah"),
        (2023, "en", "all pillars, K/L and regions"),
    ],
)
def test_the_pack_and_the_trend_say_every_group_in_the_years_word(demo_db: Path, year: int, lang: str, scope: str):
    with Store(demo_db) as demo:
        assert pack.scope_text(demo, Filters(year), lang) == scope
        assert dashboard.describe_trend_filters(demo, Filters(year), lang) == scope[:1].upper() + scope[1:]


def page_texts(at) -> list[str]:
    """What a reader reads on the page: headings, captions, chart titles, table headers."""
    texts = [e.value for kind in ("title", "header", "subheader", "caption") for e in at.get(kind)]
    texts += [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    texts += [str(column) for frame in at.dataframe for column in frame.value.columns]
    return texts


@pytest.mark.parametrize(
    ("lang", "title", "heading", "region_table"),
    [
        ("id", "Tema", "Aksi — semua tema", "Provinsi × tema (rencana aksi dikomitmenkan ÷ rencana aksi)"),
        ("en", "Themes", "Actions — all themes", "Province × theme (committed action plans ÷ action plans)"),
    ],
)
def test_a_themes_year_never_says_pillar(demo_db, monkeypatch, app_env, lang, title, heading, region_table):  # noqa: F811
    at = run_app(demo_db, monkeypatch, "pillars", year="2026", lang=lang)
    assert [e.value for e in at.title] == [title]
    assert heading in [e.value for e in at.subheader]
    shown = page_texts(at)
    assert [text for text in shown if PILLAR.search(text)] == []
    assert ("Tema" if lang == "id" else "Theme") in [str(c) for f in at.dataframe for c in f.value.columns]
    for name in ("overview", "regions", "agencies", "trends"):
        at.switch_page(f"pages/{name}.py").run()
        assert not at.exception
        assert [text for text in page_texts(at) if PILLAR.search(text)] == [], name
    at.switch_page("pages/regions.py").run()
    assert region_table in [e.value for e in at.subheader]


@pytest.mark.parametrize(
    ("lang", "title", "heading"), [("id", "Pilar", "Aksi — semua pilar"), ("en", "Pillars", "Actions — all pillars")]
)
def test_a_pillars_year_keeps_its_word(demo_db, monkeypatch, app_env, lang, title, heading):  # noqa: F811
    at = run_app(demo_db, monkeypatch, "pillars", year="2023", lang=lang)
    assert [e.value for e in at.title] == [title]
    assert heading in [e.value for e in at.subheader]


@pytest.mark.parametrize(
    ("year", "lang", "ticks", "axis_title", "percent_sign"),
    [
        (2026, "id", [str(n) for n in range(1, 10)], "Tema", False),
        (2026, "en", [str(n) for n in range(1, 10)], "Theme", False),
        (2023, "en", None, None, True),
    ],
)
def test_the_heat_map_of_nine_themes_names_each_column_and_keeps_its_numbers_in_their_cells(
    demo_db: Path, year: int, lang: str, ticks: list[str] | None, axis_title: str | None, percent_sign: bool
):
    """Nine 'Tema n' columns on half a page (or a phone) ran into each other, and '100%' into the next cell: the
    columns are numbered under the period's word and the cells say '100' (the colour bar says '%')."""
    from ranpe import charts

    with Store(demo_db) as demo:
        data = dashboard.agency_pillar_matrix(demo, Filters(year), lang)
    figure = charts.fig_agency_pillar_matrix(data, lang, "", None, "")
    axis = figure.layout.xaxis
    assert (list(axis.ticktext) if axis.ticktext else None) == ticks
    assert (axis.title.text if axis.title.text else None) == axis_title
    assert all(text.endswith("%") == percent_sign for text in figure.data[0].text)
