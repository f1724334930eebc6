"""The README's screenshot of the overview: python -m scripts.screenshot [--out docs/img/overview.png] [--lang id|en].

Builds a demo store in a temporary folder (`python -m ranpe demo --db`), serves it with `streamlit run app.py` on a
free loopback port, opens the overview in Debian's Chromium through Playwright at 1440 px wide, waits for its charts
and its map, and saves the page as a PNG. Nothing is written outside the temporary folder but the PNG."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, REPO, start_app, stop_app

WIDTH_PX = 1440
# Streamlit scrolls inside its own container, so a "full page" shot holds only the viewport: tall enough for the
# KPI cards, the pillar chart, the map and the trend.
HEIGHT_PX = 1700
WAIT_MS = 60_000
# The map is drawn by MapLibre on a canvas after the Plotly figure exists; give its tiles of polygons time to paint.
MAP_SETTLE_MS = 2_500


def build_demo_store(folder: Path) -> Path:
    """A store holding the demo data set, made by the command line as a user would."""
    db = folder / "ranpe.duckdb"
    subprocess.run([sys.executable, "-m", "ranpe", "demo", "--db", str(db), "--quiet"], cwd=REPO, check=True)
    return db


def capture(base: str, out: Path, lang: str) -> None:
    """Open the overview, wait until Streamlit has finished and every chart is drawn, save a full-page PNG."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH_PX, "height": HEIGHT_PX}, locale=f"{lang}-ID")
            page.goto(f"{base}/?lang={lang}", wait_until="domcontentloaded")
            page.wait_for_selector("[data-testid='stSidebar']", timeout=WAIT_MS)
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=WAIT_MS)
            page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT_MS)
            page.locator("canvas.maplibregl-canvas").first.wait_for(timeout=WAIT_MS)
            page.wait_for_timeout(MAP_SETTLE_MS)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.screenshot", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img" / "overview.png", help="the PNG to write")
    parser.add_argument("--lang", choices=("id", "en"), default="id", help="the app's language (default: id)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ranpe-screenshot-") as folder:
        db = build_demo_store(Path(folder))
        process, base = start_app({"RANPE_DB": str(db), "RANPE_STORE": str(db), "RANPE_AUTO_DEMO": "0"})
        try:
            capture(base, args.out, args.lang)
        finally:
            stop_app(process)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
