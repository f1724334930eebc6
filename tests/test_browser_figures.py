"""In real Chromium: a chart's source line opens the About page for the same view, worked out for its filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ranpe.i18n import fmt_int, fmt_pct
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store
from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.test_browser_dashboard import BASE_PATH_PROBES
from tests.test_browser_dashboard import Visit as DashboardVisit
from tests.test_pages import populate

pytestmark = pytest.mark.browser

VIEW = Filters(year=2023, pillar=2, province="32")
# The width leadership reads on, not the other browser tests' 1600.
LEADERSHIP_VIEWPORT = {"width": 1440, "height": 900}
QUERY = "year=2023&pillar=2&province=32"


class Visit(DashboardVisit):
    """The dashboard tests' visit (requests, console errors), in a browser context of the given size."""

    def __init__(self, browser: object, base: str, viewport: dict[str, int]):
        super().__init__(browser, base)
        self.page.set_viewport_size(viewport)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    """streamlit run app.py on a populated store of its own, and summary() of VIEW read before it starts (the
    server then holds the file)."""
    db: Path = tmp_path_factory.mktemp("figures") / "ranpe.duckdb"
    populate(db)
    with Store(db) as store:
        figures = summary(store, VIEW)
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base, figures
    finally:
        stop_app(process)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_chart_source_line_opens_the_about_page_for_the_same_view(
    browser: object, served: tuple[str, dict], lang: str
) -> None:
    base, figures = served
    query = QUERY + ("&lang=en" if lang == "en" else "")
    visit = Visit(browser, base, viewport=LEADERSHIP_VIEWPORT)
    try:
        visit.open(f"pillars?{query}")
        link = visit.page.locator(".js-plotly-plot svg a").first
        link.wait_for(timeout=30_000)
        link.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"figures_pillars_source_line_{lang}.png"))
        # Streamlit's chart container is reported on top of the link; click where it is drawn, as a user does.
        box = link.bounding_box()
        visit.page.mouse.click(box["x"] + 5, box["y"] + box["height"] / 2)
        visit.page.wait_for_url("**/about?**", timeout=30_000)
        visit.wait_until_idle()
        assert visit.page.url.endswith(f"/about?{query}")
        assert visit.page.locator("h1").first.inner_text() == ("Tentang angka" if lang == "id" else "About the figures")
        shown = visit.page.locator("[data-testid='stMain']").inner_text()
        worked = (
            f"{fmt_int(figures['actions_committed'], lang)} ÷ {fmt_int(figures['actions_planned'], lang)} = "
            f"{fmt_pct(figures['commitment_rate'], lang)}"
        )
        assert worked in shown
        assert ("Jawa Barat" if lang == "id" else "West Java") in shown
        visit.page.screenshot(path=str(ARTIFACTS / f"figures_about_{lang}.png"))
        assert all(url.endswith(BASE_PATH_PROBES) for url in visit.failed), visit.failed
        assert [e for e in visit.errors if "status of 404" not in e] == []
        assert visit.leaving_requests() == []
    finally:
        visit.close()
