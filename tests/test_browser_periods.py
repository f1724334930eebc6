"""Nine themes in real Chromium: the pillars page and the map of the demo's illustrative 2026 drawn, nine bar
colours and the legend on screen, the illustrative period said (screenshots in tests/artifacts/, looked at)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ranpe import charts, demo
from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.fixtures_demo import copy_demo_store
from tests.test_browser_dashboard import BASE_PATH_PROBES, Visit, distinct_colours

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the demo store (the server holds its file)."""
    db = copy_demo_store(demo_store_path, tmp_path_factory.mktemp("browser_periods"))
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base
    finally:
        stop_app(process)


def _only_base_path_probes_failed(visit: Visit) -> None:
    """Opening a page's own URL, the front end probes the base path (two 404s, Streamlit's own): nothing else."""
    assert all(url.endswith(BASE_PATH_PROBES) for url in visit.failed), visit.failed
    assert [e for e in visit.errors if "status of 404" not in e] == []
    assert visit.leaving_requests() == []


def test_pillars_page_of_nine_themes(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    try:
        visit.open("pillars?year=2026")
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert "Tema" in visit.filter_values()[2] or visit.filter_values()[2] == "Semua tema"
        body = visit.page.locator("[data-testid='stMain']").inner_text()
        assert "Ilustratif" in body
        bars = visit.page.locator(".js-plotly-plot").first
        fills = bars.evaluate(
            "node => [...node.querySelectorAll('.bars .point path')].map(p => getComputedStyle(p).fill)"
        )
        assert len(set(fills)) == 9, fills
        legend = (
            visit.page.locator(".js-plotly-plot")
            .nth(1)
            .evaluate("node => [...node.querySelectorAll('.legendtext')].map(text => text.textContent)")
        )
        assert len(legend) == 9
        assert all(text.startswith(f"Tema {n}") for text, (n, *_) in zip(legend, demo.ILLUSTRATIVE_THEMES, strict=True))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / "periods_pillars_2026.png"), full_page=True)
        _only_base_path_probes_failed(visit)
    finally:
        visit.close()
    assert len(charts.PILLAR_COLOURS) >= 9


def test_map_of_a_theme(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    try:
        visit.open("regions?year=2026&pillar=4&lang=en")
        canvas = visit.page.locator("canvas.maplibregl-canvas").first
        canvas.wait_for(timeout=30_000)
        visit.page.wait_for_timeout(1500)
        assert distinct_colours(canvas.screenshot()) > 20, "the map canvas is blank"
        body = visit.page.locator("[data-testid='stMain']").inner_text()
        assert "Theme 4" in body and "Illustrative" in body
        visit.page.screenshot(path=str(ARTIFACTS / "periods_regions_2026_theme4.png"), full_page=True)
        _only_base_path_probes_failed(visit)
    finally:
        visit.close()


@pytest.mark.parametrize(
    ("lang", "nav", "title", "heading"),
    [
        ("id", "Pilar & Tema", "Tema", "Aksi — semua tema"),
        ("en", "Pillars & themes", "Themes", "Actions — all themes"),
    ],
)
def test_the_pillars_page_of_a_themes_year_says_theme(
    browser: object, server: str, lang: str, nav: str, title: str, heading: str
) -> None:
    """Issue 12: a year of a period of themes never says Pilar/Pillar in the page's title, headers or navigation."""
    visit = Visit(browser, server)
    try:
        visit.open(f"pillars?year=2026&lang={lang}")
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert visit.page.locator("h1").first.inner_text() == title
        headers = visit.page.locator("[data-testid='stMain'] h1, [data-testid='stMain'] h3").all_inner_texts()
        assert heading in headers
        assert [h for h in headers if "pilar" in h.lower() or "pillar" in h.lower()] == []
        # The navigation names the page before a year is chosen: every period's word.
        links = visit.page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()
        assert nav in [link.split("\n")[-1].strip() for link in links], links  # each link: its icon's name, its title
        visit.page.screenshot(path=str(ARTIFACTS / f"periods_pillars_2026_title_{lang}.png"), full_page=True)
        _only_base_path_probes_failed(visit)
    finally:
        visit.close()
