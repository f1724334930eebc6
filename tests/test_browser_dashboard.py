"""The dashboard in real Chromium: pages load, charts and the map draw, drill-down filters, nothing leaves 127.0.0.1."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import pytest
from PIL import Image

from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.test_pages import PAGES, populate

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1600, "height": 1100}
PAGE_TITLES = {"overview": "Ringkasan", "pillars": "Pilar", "agencies": "K/L", "regions": "Wilayah", "trends": "Tren"}
# Opening a page's own URL, the front end first probes <page>/_stcore/health and host-config (404) to find the
# server's base path; Streamlit's own behaviour, the only failed requests allowed.
BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """streamlit run app.py on 127.0.0.1 and a free port, on a populated store of its own."""
    db = tmp_path_factory.mktemp("browser") / "ranpe.duckdb"
    populate(db)
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base
    finally:
        stop_app(process)


class Visit:
    """A browser page that records every request and every console error."""

    def __init__(self, browser: object, base: str):
        self.base = base
        self.context = browser.new_context(viewport=VIEWPORT, locale="id-ID")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))

    def open(self, path: str = "") -> None:
        self.page.goto(f"{self.base}/{path}", wait_until="domcontentloaded")
        self.wait_until_idle()

    def go_to(self, title: str) -> None:
        """Open a page through the sidebar navigation, as a user does."""
        self.page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click()
        self.wait_until_idle()

    def wait_until_idle(self) -> None:
        """Until the app has finished running its script (Streamlit's status widget gone) and charts settled."""
        self.page.wait_for_selector("[data-testid='stSidebar']", timeout=30_000)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
        self.page.wait_for_timeout(800)

    def filter_values(self, expected: list[str] | None = None, seconds: float = 30) -> list[str]:
        """What the sidebar's filter boxes show, read at one instant. With expected: as soon as they show it, else
        what they show after the given seconds (a page just opened may still hold the last page's boxes while its
        script runs: on a busy machine they went between counting them and reading one)."""
        deadline = time.monotonic() + seconds
        while True:
            values = self.page.eval_on_selector_all(
                "[data-testid='stSidebar'] [data-testid='stSelectbox'] input", "boxes => boxes.map(box => box.value)"
            )
            if expected is None or values == expected or time.monotonic() > deadline:
                return values
            self.page.wait_for_timeout(250)

    def leaving_requests(self) -> list[str]:
        local = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(local)]

    def close(self) -> None:
        self.context.close()


def distinct_colours(png: bytes) -> int:
    """How many different colours a screenshot holds (a blank canvas has one or two)."""
    image = Image.open(io.BytesIO(png)).convert("RGB").reduce(2)
    return len(image.getcolors(maxcolors=image.width * image.height))


@pytest.mark.parametrize("name", PAGES)
def test_page_draws_its_charts_offline(browser: object, server: str, name: str) -> None:
    visit = Visit(browser, server)
    try:
        visit.open()
        if name != "overview":
            visit.go_to(PAGE_TITLES[name])
            visit.page.wait_for_url(f"**/{name}**")
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        charts = visit.page.locator(".js-plotly-plot")
        assert charts.count() >= 1
        for index in range(charts.count()):
            drawn = charts.nth(index).locator(".main-svg path, .main-svg rect, canvas")
            assert drawn.count() > 0, f"chart {index} on {name} drew nothing"
        if name in ("overview", "regions"):
            canvas = visit.page.locator("canvas.maplibregl-canvas").first
            canvas.wait_for(timeout=30_000)
            visit.page.wait_for_timeout(1500)
            assert distinct_colours(canvas.screenshot()) > 20, "the map canvas is blank"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"dashboard_{name}.png"), full_page=True)
        assert visit.errors == []
        assert visit.leaving_requests() == []
    finally:
        visit.close()


def test_clicking_a_pillar_bar_filters_the_page(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    try:
        visit.open()
        visit.go_to("Pilar")
        chart = visit.page.locator(".js-plotly-plot").first
        chart.locator(".barlayer .point path").first.wait_for(timeout=30_000)
        # Pillar 1 is drawn on top, pillar 3 at the bottom; the first bar in the DOM is pillar 3's.
        # Plotly's drag layer takes the pointer: click where the bar is drawn, as a user does.
        box = chart.locator(".barlayer .point path").first.bounding_box()
        visit.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        visit.page.wait_for_url("**pillar=3**", timeout=30_000)
        visit.wait_until_idle()
        assert "Pilar 3 · Kemitraan dan kerja sama internasional" in visit.filter_values()
        heading = visit.page.locator("h3").filter(has_text="Aksi")
        assert "Pilar 3" in heading.first.inner_text()
        assert (
            "Tahun 2024 · triwulan terakhir tiap K/L · Pilar 3"
            in visit.page.locator(".js-plotly-plot").first.inner_text()
        )
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / "dashboard_pillars_drilled.png"), full_page=True)
        assert visit.errors == []
        assert visit.leaving_requests() == []
    finally:
        visit.close()


def test_a_copied_link_opens_its_view_on_a_freshly_started_server(browser: object, tmp_path) -> None:
    """The first visitor after a restart comes from a bookmark: Streamlit would run pages/regions.py on its own
    (no navigation, filters or language: "no data yet"); the page must open inside the app, as linked."""
    db = tmp_path / "ranpe.duckdb"
    populate(db)
    process, base = start_app({"RANPE_DB": str(db)})
    visit = Visit(browser, base)
    try:
        visit.open("regions?year=2023&quarter=2&pillar=1&province=32&lang=en")
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert visit.page.locator("h1").first.inner_text() == "Regions"
        shown = ["2023", "Q2", "Pillar 1 · Prevention", "All K/L", "West Java"]
        assert visit.filter_values(shown) == shown
        nav = visit.page.locator("[data-testid='stSidebarNav']").inner_text()
        assert "Overview" in nav and "Upload" in nav and "regions" not in nav
        canvas = visit.page.locator("canvas.maplibregl-canvas").first
        canvas.wait_for(timeout=30_000)
        visit.page.wait_for_timeout(1500)
        assert distinct_colours(canvas.screenshot()) > 20, "the map canvas is blank"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / "dashboard_regions_link_fresh_server.png"), full_page=True)
        assert all(url.endswith(BASE_PATH_PROBES) for url in visit.failed), visit.failed
        assert [e for e in visit.errors if "status of 404" not in e] == []
        assert visit.leaving_requests() == []
    finally:
        visit.close()
        stop_app(process)


def test_a_copied_link_reopens_the_same_view(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    try:
        visit.open("regions?year=2023&quarter=2&pillar=1&province=32&lang=en")
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        shown = ["2023", "Q2", "Pillar 1 · Prevention", "All K/L", "West Java"]
        assert visit.filter_values(shown) == shown
        assert "Year 2023 · Q2 · Pillar 1 · West Java" in visit.page.locator(".js-plotly-plot").first.inner_text()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / "dashboard_regions_link_en.png"), full_page=True)
        assert all(url.endswith(BASE_PATH_PROBES) for url in visit.failed), visit.failed
        unexplained = [e for e in visit.errors if "status of 404" not in e]
        assert unexplained == []
        assert len(visit.errors) == len(visit.failed)
        assert visit.leaving_requests() == []
    finally:
        visit.close()
