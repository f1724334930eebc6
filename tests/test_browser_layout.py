"""Chart layout in real Chromium: on every dashboard page, in both languages, at three desktop widths and on a
phone, no chart text is cut off at its chart's edge and no two chart texts overlap.

What a reader checks by eye, measured: each Plotly chart's SVG text boxes (titles, subtitles, axis titles, tick
labels, bar labels, legend entries, colour bar, footers), taken as drawn on screen (rotated labels as rotated
rectangles), against the chart's box and against each other. A screenshot of every page × language × width is
kept in tests/artifacts/layout/.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.fixtures_demo import copy_demo_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LAYOUT_ARTIFACTS = ARTIFACTS / "layout"
# name → (playwright context options); the phone is a 390 px wide touch screen at twice the pixel density.
VIEWPORTS = {
    "1280": {"viewport": {"width": 1280, "height": 800}},
    "1440": {"viewport": {"width": 1440, "height": 900}},
    "1920": {"viewport": {"width": 1920, "height": 1080}},
    "phone390": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
}
LANGS = ("id", "en")
# (view name, URL path and query, charts it draws): every dashboard page, and the K/L page with one K/L chosen
# (its profile adds a trend whose title carries the K/L's long name).
VIEWS = (
    ("overview", "", 3),
    ("pillars", "pillars", 2),
    ("agencies", "agencies", 2),
    ("agency_profile", "agencies?agency=KEMENKOPOLHUKAM", 3),
    ("regions", "regions", 1),
    ("trends", "trends", 3),
    ("obstacles", "obstacles", 4),
)
# Two boxes may touch or graze (anti-aliasing, a glyph's side bearing); beyond this many pixels they overlap.
OVERLAP_PX = 2
# A text box may reach this far past its chart's edge (sub-pixel rounding).
EDGE_TOLERANCE_PX = 1

# Every chart on the page, with each visible, non-empty SVG text drawn in it as the four corners of its box on
# screen (getBBox through the element's screen transform: a rotated label stays a rotated rectangle), and the box
# of Plotly's mode bar (the buttons over the top right corner, shown on hover or touch). Hover labels are not
# chart text; the map's tiles are drawn on a canvas, not in the SVG.
COLLECT_JS = """
() => [...document.querySelectorAll('.js-plotly-plot')].map((plot) => {
  const box = (plot.querySelector('.svg-container') || plot).getBoundingClientRect();
  const title = plot.querySelector('text.gtitle');
  const bar = plot.querySelector('.modebar');
  const barBox = bar ? bar.getBoundingClientRect() : null;
  const texts = [];
  for (const el of plot.querySelectorAll('svg.main-svg text')) {
    if (el.closest('.modebar, .hoverlayer')) continue;
    const content = (el.textContent || '').trim();
    if (!content) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const b = el.getBBox();
    if (b.width <= 0 || b.height <= 0) continue;
    const m = el.getScreenCTM();
    const corner = (x, y) => {
      const p = new DOMPoint(x, y).matrixTransform(m);
      return [p.x, p.y];
    };
    texts.push({
      text: content,
      corners: [
        corner(b.x, b.y), corner(b.x + b.width, b.y),
        corner(b.x + b.width, b.y + b.height), corner(b.x, b.y + b.height),
      ],
    });
  }
  return {
    title: title ? [...title.querySelectorAll('tspan.line')].map((line) => line.textContent).join(' / ')
      || title.textContent : '(untitled)',
    modebar: barBox && barBox.width > 0 ? [
      [barBox.left, barBox.top], [barBox.right, barBox.top],
      [barBox.right, barBox.bottom], [barBox.left, barBox.bottom],
    ] : null,
    box: {left: box.left, top: box.top, right: box.right, bottom: box.bottom},
    texts,
  };
})
"""


@pytest.fixture(scope="module")
def server(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One streamlit server for every view, on a copy of the demo store."""
    db = copy_demo_store(demo_store_path, tmp_path_factory.mktemp("layout"))
    log = (tmp_path_factory.getbasetemp() / "layout_server.log").open("wb")
    process, base = start_app({"RANPE_DB": str(db), "RANPE_AUTO_DEMO": "0"}, log)
    try:
        yield base
    finally:
        stop_app(process)
        log.close()


def _axes(corners: list[list[float]]) -> list[tuple[float, float]]:
    """The two edge directions of a rectangle given by its corners (normalised)."""
    axes = []
    for (x1, y1), (x2, y2) in (corners[0:2], corners[1:3]):
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1.0
        axes.append(((x2 - x1) / length, (y2 - y1) / length))
    return axes


def overlap_px(first: list[list[float]], second: list[list[float]]) -> float:
    """How deep two rectangles (any rotation) overlap, in pixels: 0 when a separating axis exists, else the
    smallest overlap of their projections on any edge direction of either (separating axis theorem)."""
    depth = float("inf")
    for ax, ay in _axes(first) + _axes(second):
        a = [x * ax + y * ay for x, y in first]
        b = [x * ax + y * ay for x, y in second]
        depth = min(depth, min(max(a), max(b)) - max(min(a), min(b)))
        if depth <= 0:
            return 0.0
    return depth


def layout_problems(charts: list[dict], where: str) -> list[str]:
    """Every text outside its chart, under the mode bar, and every pair of overlapping texts, each named with
    where it is."""
    problems = []
    for chart in charts:
        box, texts = chart["box"], chart["texts"]
        name = f"{where} · chart {chart['title']!r}"
        for text in texts:
            xs = [x for x, _ in text["corners"]]
            ys = [y for _, y in text["corners"]]
            sticks_out = {
                "left": box["left"] - min(xs),
                "right": max(xs) - box["right"],
                "top": box["top"] - min(ys),
                "bottom": max(ys) - box["bottom"],
            }
            for side, px in sticks_out.items():
                if px > EDGE_TOLERANCE_PX:
                    problems.append(f"{name}: {text['text']!r} sticks out {px:.0f} px on the {side}")
            if chart["modebar"] and overlap_px(text["corners"], chart["modebar"]) > OVERLAP_PX:
                problems.append(f"{name}: {text['text']!r} lies under the mode bar")
        for index, first in enumerate(texts):
            for second in texts[index + 1 :]:
                depth = overlap_px(first["corners"], second["corners"])
                if depth > OVERLAP_PX:
                    problems.append(f"{name}: {first['text']!r} overlaps {second['text']!r} by {depth:.0f} px")
    return problems


def wait_for_charts(page: object, count: int) -> list[dict]:
    """The charts' texts once the app has finished its run and Plotly has drawn (and re-laid out, for automatic
    margins) every chart: the same boxes read twice in a row."""
    page.wait_for_selector("[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl']", state="attached")
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot text.gtitle').length >= {count}", timeout=60_000
    )
    previous = None
    deadline = time.monotonic() + 20
    while True:
        page.wait_for_timeout(400)
        charts = page.evaluate(COLLECT_JS)
        if charts == previous or time.monotonic() > deadline:
            return charts
        previous = charts


def full_page_screenshot(page: object, path: Path) -> None:
    """The whole page: Streamlit scrolls its main area inside the window, so the window is made as tall as the
    content for the picture, then given its height back."""
    viewport = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], section.main, body')]"
        ".map((el) => el.scrollHeight))"
    )
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", VIEWPORTS)
def test_chart_texts_stay_inside_their_chart_and_never_overlap(
    browser: object, server: str, width: str, lang: str
) -> None:
    context = browser.new_context(locale="id-ID", **VIEWPORTS[width])
    page = context.new_page()
    LAYOUT_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    try:
        for name, path, count in VIEWS:
            separator = "&" if "?" in path else "?"
            query = f"{separator}lang=en" if lang == "en" else ""
            page.goto(f"{server}/{path}{query}", wait_until="domcontentloaded")
            charts = wait_for_charts(page, count)
            where = f"{name} [{lang}, {width}]"
            assert len(charts) == count, f"{where}: {len(charts)} charts drawn, {count} expected"
            assert all(chart["texts"] for chart in charts), f"{where}: a chart without any text"
            problems += layout_problems(charts, where)
            viewport_width = VIEWPORTS[width]["viewport"]["width"]
            for chart in charts:
                if (
                    chart["box"]["right"] > viewport_width + EDGE_TOLERANCE_PX
                    or chart["box"]["left"] < -EDGE_TOLERANCE_PX
                ):
                    problems.append(f"{where} · chart {chart['title']!r}: wider than the screen ({chart['box']})")
            full_page_screenshot(page, LAYOUT_ARTIFACTS / f"{name}_{lang}_{width}.png")
            (LAYOUT_ARTIFACTS / f"{name}_{lang}_{width}.json").write_text(json.dumps(charts, indent=1))
    finally:
        context.close()
    assert not problems, f"{len(problems)} layout problems:\n" + "\n".join(problems)


# The K/L a chart lists on its y axis, top down (a label wrapped on two lines reads as one).
Y_LABELS_JS = """
(plot) => [...plot.querySelectorAll('.ytick text')]
  .map((el) => ({text: [...el.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') || el.textContent,
                 y: el.getBoundingClientRect().top}))
  .sort((a, b) => a.y - b.y)
  .map((label) => label.text)
"""


def test_the_heat_map_lists_the_kl_in_the_order_of_the_ranking_beside_it(browser: object, server: str) -> None:
    context = browser.new_context(locale="id-ID", **VIEWPORTS["1440"])
    page = context.new_page()
    try:
        page.goto(f"{server}/agencies", wait_until="domcontentloaded")
        wait_for_charts(page, 2)
        plots = page.locator(".js-plotly-plot")
        ranking, matrix = (plots.nth(index).evaluate(Y_LABELS_JS) for index in (0, 1))
        assert len(ranking) > 20
        assert matrix == ranking
    finally:
        context.close()


def _exported_figures(db: Path, lang: str) -> dict[str, object]:
    """Every chart a page offers as PNG/SVG (and the pack puts on its slides), for 2023 TW III on the demo data."""
    from ranpe import charts
    from ranpe.measures import dashboard
    from ranpe.measures.filters import Filters
    from ranpe.store.connection import Store

    store = Store(db, read_only=True)
    view = Filters(year=2023, quarter=3)
    context = (
        lang,
        dashboard.describe_filters(store, view, lang),
        dashboard.as_of(store),
        dashboard.source_text(store, lang),
    )
    trend_context = (lang, dashboard.describe_trend_filters(store, view, lang), *context[2:])
    return {
        "by_pillar": charts.fig_commitment_by_pillar(dashboard.by_pillar(store, view, lang), *context),
        "by_focus_area": charts.fig_commitment_by_focus_area(dashboard.by_focus_area(store, view), *context),
        "by_agency": charts.fig_commitment_by_agency(dashboard.by_agency(store, view, lang), *context),
        "agency_pillar": charts.fig_agency_pillar_matrix(dashboard.agency_pillar_matrix(store, view), *context),
        "map": charts.fig_province_map(dashboard.by_province(store, view, lang)["provinces"], *context),
        "trend": charts.fig_trend(dashboard.trend(store, view, lang), *trend_context),
        "status": charts.fig_status_by_quarter(dashboard.status_by_quarter(store, view, lang), *trend_context),
        "completeness": charts.fig_completeness(dashboard.completeness(store, view, lang), *context, year=2023),
    }


@pytest.mark.parametrize("lang", LANGS)
def test_exported_chart_images_keep_every_text_inside_and_apart(
    browser: object, demo_store_path: Path, lang: str
) -> None:
    """The PNG/SVG downloads and the pack's slide images (without title and data line, which the slide writes as
    text): the same figures laid out anew for 1600 × 900."""
    from ranpe.exports import images, pack
    from ranpe.measures import dashboard
    from ranpe.store.connection import Store

    source = dashboard.source_text(Store(demo_store_path, read_only=True), lang)
    figures = _exported_figures(demo_store_path, lang)
    images_to_check = {
        **figures,
        **{f"slide_{name}": pack.slide_figure(f, source, lang) for name, f in figures.items()},
    }
    page = browser.new_page(viewport={"width": images.PRESENTATION_WIDTH_PX, "height": images.PRESENTATION_HEIGHT_PX})
    problems: list[str] = []
    try:
        for name, figure in images_to_check.items():
            svg = images.render(figure, "svg").decode("utf-8")
            (LAYOUT_ARTIFACTS / f"export_{name}_{lang}.svg").write_text(svg, encoding="utf-8")
            # Drawn at the slide's size (the SVG says twice that, for print), as the pack places it.
            size = f"width:{images.PRESENTATION_WIDTH_PX}px;height:{images.PRESENTATION_HEIGHT_PX}px"
            page.set_content(
                f"<html><head><style>svg.main-svg, .svg-container {{{size}; display:block}}</style></head>"
                f"<body style='margin:0'><div class='js-plotly-plot'><div class='svg-container'>{svg}</div></div>"
                "</body></html>"
            )
            charts = page.evaluate(COLLECT_JS)
            assert len(charts) == 1 and charts[0]["texts"], f"export {name} [{lang}] holds no text"
            problems += layout_problems(charts, f"export {name} [{lang}]")
    finally:
        page.close()
    assert not problems, f"{len(problems)} layout problems:\n" + "\n".join(problems)
