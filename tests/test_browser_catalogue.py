"""The catalogue's parts of the pages in real Chromium, on the demo store, at 1440 px and 390 px, in Indonesian and
English: the overview's coverage, lead commitment and cumulative cards (the period named; the numbers those of
`summary --json`), the Pilar page's unreported actions, the K/L page's led vs supported and the upload page's
catalogue section (screenshots in tests/artifacts/catalogue_*.png, looked at)."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from ranpe.cli import main
from ranpe.i18n import fmt_int, fmt_pct, t
from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.fixtures_demo import copy_demo_store
from tests.test_browser_dashboard import BASE_PATH_PROBES, Visit

pytestmark = pytest.mark.browser

YEAR = 2023  # the demo leaves two of its 2023 catalogue actions unreported
WIDTHS = (1440, 390)
LANGS = ("id", "en")


@pytest.fixture(scope="module")
def served(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    """The app on a copy of the demo store, and `summary --json` of its year read before the server holds it."""
    db = copy_demo_store(demo_store_path, tmp_path_factory.mktemp("browser_catalogue"))
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["summary", "--db", str(db), "--year", str(YEAR), "--json"]) == 0
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base, json.loads(printed.getvalue())
    finally:
        stop_app(process)


class SizedVisit(Visit):
    """A Visit at a window width; on a phone the sidebar starts collapsed (attached, not visible)."""

    def wait_until_idle(self) -> None:
        self.page.wait_for_selector("[data-testid='stSidebar']", state="attached", timeout=60_000)
        self.page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        self.page.wait_for_timeout(800)


def visit_at(browser: object, base: str, width: int) -> Visit:
    visit = SizedVisit(browser, base)
    visit.page.set_viewport_size({"width": width, "height": 1000})
    return visit


def table_after(visit: Visit, heading: str) -> object:
    """The first table under a heading (Streamlit's data grid: an accessible <table role=grid> beside its canvas)."""
    return visit.page.locator(
        f"xpath=//h3[contains(., '{heading}')]/following::*[@data-testid='stDataFrame'][1]//table[@role='grid']"
    )


def main_text(visit: Visit) -> str:
    return visit.page.locator("[data-testid='stMain']").inner_text()


def to_top(element: object) -> None:
    """Scroll an element to the top of the window, below Streamlit's header bar."""
    element.evaluate(
        "node => { node.scrollIntoView({block: 'start'}); document.querySelector('[data-testid=stMain]')"
        ".scrollBy(0, -90); window.scrollBy(0, -90); }"
    )
    element.page.wait_for_timeout(500)


def section_shot(visit: Visit, heading: str, name: str) -> None:
    """The section under a heading, scrolled to the top of the window, as the user sees it."""
    to_top(visit.page.get_by_role("heading", name=heading).first)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / f"catalogue_{name}.png"))


def no_overflow(visit: Visit, selector: str) -> list[str]:
    """The texts of the elements under selector cut off by their box (wider than the box, or clipped)."""
    return visit.page.locator(selector).evaluate_all(
        "nodes => nodes.filter(n => n.scrollWidth > n.clientWidth + 1).map(n => n.innerText)"
    )


def clean(visit: Visit) -> None:
    assert all(url.endswith(BASE_PATH_PROBES) for url in visit.failed), visit.failed
    assert [e for e in visit.errors if "status of 404" not in e] == []
    assert visit.leaving_requests() == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_overview_cards_say_the_figures_of_summary_json(browser, served, width, lang):
    base, figures = served
    visit = visit_at(browser, base, width)
    try:
        visit.open(f"?year={YEAR}&lang={lang}")
        visit.page.locator("[data-testid='stMetric']").first.wait_for(timeout=60_000)
        period = figures["period"]["name"]
        cards = {
            t("measure.coverage", lang): (figures["coverage"], "reported", "catalogue"),
            t("measure.lead_commitment", lang): (figures["lead_commitment"], "committed_by_lead", "planned"),
            t("measure.cumulative", lang): (figures["cumulative"], "committed", "catalogue"),
        }
        for label, (measure, part, whole) in cards.items():
            card = visit.page.locator("[data-testid='stMetric']").filter(has_text=label)
            card.first.wait_for(timeout=60_000)  # the plan's cards come after the KPI cards: the page still drawing
            assert card.count() == 1, label
            assert fmt_pct(measure["rate"], lang) in card.inner_text()
            numbers = {"part": fmt_int(measure[part], lang), "whole": fmt_int(measure[whole], lang)}
            if measure is figures["cumulative"]:  # the period named under its card
                detail = t("measure.of_period", lang, **numbers, period=period)
            else:
                detail = t("measure.of", lang, **numbers)
            assert detail in main_text(visit)
        # Labels and values whole, not cut off with an ellipsis.
        assert no_overflow(visit, "[data-testid='stMetricLabel'] *, [data-testid='stMetricValue'] *") == []
        heading = t("measure.coverage", lang)
        visit.page.locator("[data-testid='stMetric']").filter(has_text=heading).scroll_into_view_if_needed()
        visit.page.wait_for_timeout(300)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"catalogue_overview_{width}_{lang}.png"), full_page=width > 400)
        clean(visit)
    finally:
        visit.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_unreported_actions_on_the_pillars_page(browser, served, width, lang):
    base, figures = served
    visit = visit_at(browser, base, width)
    try:
        visit.open(f"pillars?year={YEAR}&lang={lang}")
        title = t("unreported.title", lang)
        visit.page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
        period = figures["period"]["name"]
        assert t("unreported.caption", lang, period=period, year=YEAR) in main_text(visit)
        # One table row per catalogue action of the year with no report: catalogue − reported of summary --json.
        grid = table_after(visit, title)
        grid.wait_for(state="attached", timeout=30_000)
        rows = int(grid.get_attribute("aria-rowcount")) - 1
        assert rows == figures["coverage"]["catalogue"] - figures["coverage"]["reported"] > 0
        # The grid lays out only the columns in view: on a phone the first three.
        expected = [t(f"field.{name}", lang) for name in ("pillar", "action_code", "action", "lead_agency")]
        headers = grid.locator("th").all_inner_texts()
        assert headers[: len(expected)] == expected[: 4 if width > 400 else 3], headers
        section_shot(visit, title, f"unreported_{width}_{lang}")
        clean(visit)
    finally:
        visit.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_led_vs_supported_on_the_agencies_page(browser, served, width, lang):
    base, _figures = served
    visit = visit_at(browser, base, width)
    try:
        visit.open(f"agencies?year={YEAR}&lang={lang}")
        title = t("lead.title", lang)
        visit.page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
        grid = table_after(visit, title)
        grid.wait_for(state="attached", timeout=30_000)
        expected = [t("dash.col.agency", lang)] + [
            t(key, lang) for key in ("lead.led", "lead.led_committed", "lead.supported", "lead.supported_committed")
        ]
        headers = grid.locator("th").all_inner_texts()
        assert headers == expected[: 5 if width > 400 else len(headers)] and len(headers) >= 3, headers
        assert int(grid.get_attribute("aria-rowcount")) > 2
        section_shot(visit, title, f"lead_supporting_{width}_{lang}")
        clean(visit)
    finally:
        visit.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_upload_pages_catalogue_section(browser, served, width, lang):
    base, _figures = served
    visit = visit_at(browser, base, width)
    try:
        visit.open(f"upload?lang={lang}")
        title = t("upload.catalogue.title", lang)
        visit.page.get_by_text(title).first.click()
        visit.wait_until_idle()
        for text in ("upload.catalogue.template", "upload.catalogue.period", "upload.catalogue.file"):
            assert t(text, lang) in main_text(visit), text
        to_top(visit.page.get_by_text(title).first)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"catalogue_upload_{width}_{lang}.png"))
        clean(visit)
    finally:
        visit.close()
