"""The Hambatan / Obstacles page in real Chromium: drawn in both languages on a 1440 px screen and a 390 px phone,
every chart text inside its chart and clear of the others, the deciding words highlighted, a click on a grid cell
down to its texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.fixtures_demo import copy_demo_store

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1440, "phone": 390}
# A text may stand out of its chart by this much (anti-aliasing, a glyph's overhang).
SLACK_PX = 2
BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")
SCREENSHOT_MAX_PX = 12_000


@pytest.fixture(scope="module")
def server(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """streamlit run app.py on 127.0.0.1 over a copy of the demo store."""
    db = copy_demo_store(demo_store_path, tmp_path_factory.mktemp("browser_obstacles"))
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base
    finally:
        stop_app(process)


def open_page(browser: object, base: str, width: int, query: str) -> tuple[object, object, list[str], list[str]]:
    """The obstacles page at this width, settled; with the console errors and requests it made."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: message.type == "error" and not probe(message) and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base}/obstacles?{query}", wait_until="domcontentloaded")
    settle(page)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 8", timeout=60_000)
    settle(page)
    return context, page, errors, requests


def probe(message: object) -> bool:
    """Whether a console error is the front end probing <page>/_stcore/ for the server's base path (a 404), as it
    does when a page's own URL is opened: Streamlit's own behaviour."""
    return str(message.location.get("url", "")).endswith(BASE_PATH_PROBES)


def settle(page: object) -> None:
    page.wait_for_selector("[data-testid='stApp']", timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(1000)


# Every text of every chart whose box leaves its chart: [chart title, text, how far out].
TEXTS_OUTSIDE = """(slack) => {
    const out = [];
    for (const chart of document.querySelectorAll('.js-plotly-plot')) {
        const frame = chart.getBoundingClientRect();
        const title = (chart.querySelector('.gtitle') || {}).textContent || '';
        for (const text of chart.querySelectorAll('.main-svg text, .infolayer text')) {
            if (!text.textContent.trim()) continue;
            const box = text.getBoundingClientRect();
            if (!box.width) continue;
            const far = Math.max(frame.left - box.left, box.right - frame.right, frame.top - box.top,
                                 box.bottom - frame.bottom);
            if (far > slack) out.push([title, text.textContent, Math.round(far)]);
        }
    }
    return out;
}"""


# Every two texts of a chart whose boxes overlap: [chart title, one text, the other].
TEXTS_OVERLAPPING = """(slack) => {
    const out = [];
    for (const chart of document.querySelectorAll('.js-plotly-plot')) {
        const title = (chart.querySelector('.gtitle') || {}).textContent || '';
        const boxes = [...chart.querySelectorAll('.main-svg text')]
            .filter(text => text.textContent.trim() && text.getBoundingClientRect().width)
            .map(text => [text.textContent, text.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const [a, b] = [boxes[i][1], boxes[j][1]];
                const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (wide > slack && high > slack) out.push([title, boxes[i][0], boxes[j][0]]);
            }
        }
    }
    return out;
}"""


# Whether a word of a text is drawn highlighted: bold, on a coloured background.
HIGHLIGHTED = """() => [...document.querySelectorAll('[data-testid="stMarkdownContainer"] strong')].filter(strong => {
    for (let node = strong; node && node.dataset?.testid !== 'stMarkdownContainer'; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return true;
    }
    return false;
}).map(strong => strong.textContent)"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("device", list(WIDTHS))
def test_the_page_draws_in_both_languages_on_a_screen_and_a_phone(
    browser: object, server: str, lang: str, device: str
) -> None:
    query = "year=2023" + ("&lang=en" if lang == "en" else "")
    context, page, errors, requests = open_page(browser, server, WIDTHS[device], query)
    try:
        title = "Obstacles" if lang == "en" else "Hambatan"
        assert page.locator("h1").filter(has_text=title).count() == 1
        charts = page.locator(".js-plotly-plot")
        assert charts.count() == 4
        for index in range(charts.count()):
            drawn = charts.nth(index).locator(".main-svg .heatmaplayer image, .main-svg .barlayer path")
            assert drawn.count() > 0, f"chart {index} drew nothing"
            assert charts.nth(index).bounding_box()["width"] <= WIDTHS[device]
        unit = "(obstacle texts)" if lang == "en" else "(teks hambatan)"
        # A title is wrapped into lines (one text span each): read with the lines joined, as a reader reads it.
        titles = [
            " ".join(charts.nth(i).locator(".gtitle tspan.line").all_text_contents()) for i in range(charts.count())
        ]
        assert all(unit in " ".join(title.split()) for title in titles), titles
        assert page.evaluate(TEXTS_OUTSIDE, SLACK_PX) == []
        assert page.evaluate(TEXTS_OVERLAPPING, SLACK_PX) == []
        highlighted = page.evaluate(HIGHLIGHTED)
        assert highlighted, "no deciding word is highlighted"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        # The app scrolls inside its main block: make the window as tall as the page to capture all of it.
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        page.set_viewport_size({"width": WIDTHS[device], "height": min(height, SCREENSHOT_MAX_PX)})
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / f"obstacles_{lang}_{WIDTHS[device]}.png"), full_page=True)
        assert errors == []
        local = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
        assert [url for url in requests if not url.startswith(local)] == []
    finally:
        context.close()


def test_clicking_a_grid_cell_filters_and_shows_its_texts(browser: object, server: str) -> None:
    context, page, errors, _ = open_page(browser, server, WIDTHS["desktop"], "year=2023")
    try:
        grid = page.locator(".js-plotly-plot").filter(has_text="Tema hambatan per pilar/tema")
        first = grid.locator(".scatterlayer .textpoint text").first
        cell = first.text_content()
        box = first.bounding_box()
        # Plotly's drag layer takes the pointer: click where the cell is drawn, as a user does.
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url("**pillar=1**", timeout=30_000)
        settle(page)
        theme = page.locator("[data-testid='stSelectbox']").filter(has_text="Tema").locator("input").first
        assert theme.input_value() == "Anggaran"
        shown = page.locator("[data-testid='stCaptionContainer']").filter(has_text="teks hambatan ditampilkan")
        assert f"dari {cell} teks hambatan" in shown.first.text_content()
        assert errors == []
    finally:
        context.close()
