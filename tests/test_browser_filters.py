"""The shared filters in real Chromium on the demo store: four filters survive a language switch, a page change, a
workspace page and a copied link opened in a fresh browser; one filter clears on its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.fixtures_demo import copy_demo_store
from tests.test_browser_dashboard import Visit

pytestmark = pytest.mark.browser

# Tall enough for the whole sidebar (navigation, language, filters, chips) in one screenshot.
VIEWPORT = {"width": 1440, "height": 1500}
CHOSEN = {"year": ["2023"], "quarter": ["2"], "pillar": ["2"], "province": ["32"]}
SHOWN_ID = ["2023", "TW II", "Pilar 2 · Penegakan hukum", "Semua K/L", "Jawa Barat"]
SHOWN_EN = ["2023", "Q2", "Pillar 2 · Law enforcement", "All K/L", "West Java"]


@pytest.fixture(scope="module")
def server(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """streamlit run app.py on a copy of the demo store."""
    db = copy_demo_store(demo_store_path, tmp_path_factory.mktemp("browser_filters"))
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base
    finally:
        stop_app(process)


def visit_at(browser: object, server: str) -> Visit:
    visit = Visit(browser, server)
    visit.page.set_viewport_size(VIEWPORT)
    return visit


def choose(visit: Visit, label: str, option: str) -> None:
    """Pick an option in the sidebar filter labelled label, as a user does: open the box, type, click."""
    box = visit.page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
        has=visit.page.get_by_text(label, exact=True)
    )
    box.locator("input").click()
    visit.page.keyboard.type(option)
    visit.page.get_by_role("option", name=option, exact=True).click()
    visit.wait_until_idle()


def params(visit: Visit) -> dict[str, list[str]]:
    return parse_qs(urlparse(visit.page.url).query)


def path(visit: Visit) -> str:
    return urlparse(visit.page.url).path


def shot(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / f"filters_{name}.png"))


def test_four_filters_survive_a_language_switch_a_page_change_and_a_copied_link(browser: object, server: str) -> None:
    visit = visit_at(browser, server)
    try:
        visit.open()
        visit.page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stSelectbox']", timeout=60_000)
        choose(visit, "Tahun", "2023")
        choose(visit, "Triwulan", "TW II")
        choose(visit, "Pilar", "Pilar 2 · Penegakan hukum")
        choose(visit, "Provinsi", "Jawa Barat")
        shot(visit, "1_chosen_id")
        assert visit.filter_values(SHOWN_ID) == SHOWN_ID
        assert params(visit) == CHOSEN

        visit.page.locator("[data-testid='stSidebar'] button").filter(has_text="English").click()
        visit.wait_until_idle()
        shot(visit, "2_english")
        assert visit.page.locator("h1").first.inner_text() == "Overview"
        assert visit.filter_values(SHOWN_EN) == SHOWN_EN
        assert params(visit) == CHOSEN | {"lang": ["en"]}

        visit.go_to("Regions")
        visit.page.wait_for_url("**/regions**")
        shot(visit, "3_regions_en")
        assert visit.filter_values(SHOWN_EN) == SHOWN_EN
        assert params(visit) == CHOSEN | {"lang": ["en"]}
        assert visit.page.get_by_text("Year 2023 · Q2 · Pillar 2 · West Java", exact=True).count() >= 1

        # A workspace page shows no filters and keeps them out of its URL; back on a dashboard page, all are there.
        visit.go_to("Upload")
        visit.page.wait_for_url("**/upload**")
        shot(visit, "4_upload_en")
        assert visit.filter_values([]) == []
        assert params(visit) == {"lang": ["en"]}
        visit.go_to("Pillars")
        visit.page.wait_for_url("**/pillars**")
        assert visit.filter_values(SHOWN_EN) == SHOWN_EN
        assert params(visit) == CHOSEN | {"lang": ["en"]}
        copied = visit.page.url
        assert visit.errors == []
        assert visit.leaving_requests() == []
    finally:
        visit.close()

    fresh = visit_at(browser, server)
    try:
        fresh.page.goto(copied, wait_until="domcontentloaded")
        fresh.page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stSelectbox']", timeout=60_000)
        fresh.wait_until_idle()
        shot(fresh, "5_copied_link_fresh_context")
        assert path(fresh) == "/pillars"
        assert fresh.page.locator("h1").first.inner_text() == "Pillars"
        assert fresh.filter_values(SHOWN_EN) == SHOWN_EN
        assert params(fresh) == CHOSEN | {"lang": ["en"]}

        # One filter cleared with its own chip: only that one goes, on the page and in the URL.
        fresh.page.locator(".st-key-filter_clear_pillar").get_by_role("button").click()
        fresh.wait_until_idle()
        shot(fresh, "6_pillar_cleared")
        shown = ["2023", "Q2", "All pillars", "All K/L", "West Java"]
        assert fresh.filter_values(shown) == shown
        assert params(fresh) == {name: value for name, value in CHOSEN.items() if name != "pillar"} | {"lang": ["en"]}
        assert fresh.page.locator(".st-key-filter_clear_pillar").count() == 0
        assert fresh.page.locator(".st-key-filter_clear_quarter").count() == 1
        assert fresh.page.get_by_text("Year 2023 · Q2 · West Java", exact=True).count() >= 1
        # Only Streamlit's own base-path probes of a page's URL may fail (see test_browser_dashboard).
        assert [e for e in fresh.errors if "status of 404" not in e] == []
        assert fresh.leaving_requests() == []
    finally:
        fresh.close()
