"""Exports in real Chromium: click a chart's PNG/SVG, a table's .xlsx, build the pack; the files arrive and open."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation

from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.fixtures_demo import copy_demo_store

pytestmark = pytest.mark.browser

VIEW = "?year=2023&quarter=3"
WAIT_MS = 90_000


@pytest.fixture(scope="module")
def server(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """streamlit run app.py on 127.0.0.1 over a copy of the demo store."""
    db = copy_demo_store(demo_store_path, tmp_path_factory.mktemp("browser_exports"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with (ARTIFACTS / "exports_server.log").open("wb") as log:
        process, base = start_app({"RANPE_DB": str(db)}, log)
        try:
            yield base
        finally:
            stop_app(process)


@pytest.fixture(scope="module")
def page(server: str, browser: object) -> Iterator[object]:
    """One browser tab on the overview of 2023 TW III, its script run to the end."""
    context = browser.new_context(viewport={"width": 1600, "height": 1100}, accept_downloads=True)
    tab = context.new_page()
    tab.goto(f"{server}/{VIEW}", wait_until="domcontentloaded")
    _wait_idle(tab)
    tab.wait_for_selector(".js-plotly-plot .main-svg", timeout=WAIT_MS)
    yield tab
    context.close()


def _wait_idle(tab) -> None:
    tab.wait_for_selector("[data-testid='stSidebar']", timeout=WAIT_MS)
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=WAIT_MS)
    tab.wait_for_timeout(500)


def _download(tab, button, folder: Path) -> Path:
    with tab.expect_download(timeout=WAIT_MS) as arrived:
        button.click()
    download = arrived.value
    target = folder / download.suggested_filename
    download.save_as(target)
    return target


def _button(tab, label: str):
    return tab.locator("[data-testid='stDownloadButton'] button:visible").filter(has_text=label)


def test_chart_png_and_svg_downloads_arrive_and_open(page, tmp_path: Path) -> None:
    png = _download(page, _button(page, "PNG").first, tmp_path)
    assert png.name == "komitmen-per-pilar_2023-TW3_id.png"
    assert Image.open(png).size == (3200, 1800)
    svg = _download(page, _button(page, "SVG").first, tmp_path)
    assert svg.name == "komitmen-per-pilar_2023-TW3_id.svg"
    root = ElementTree.fromstring(svg.read_bytes())
    assert "Tingkat komitmen per pilar" in "".join(root.itertext())
    map_png = _download(page, _button(page, "PNG").nth(1), tmp_path)
    assert map_png.name == "peta-komitmen-provinsi_2023-TW3_id.png"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    Image.open(map_png).reduce(4).save(ARTIFACTS / "exports_map_download.png")


def test_briefing_pack_builds_with_progress_and_downloads(page, tmp_path: Path) -> None:
    page.get_by_text("Bahan paparan", exact=True).first.click()
    page.get_by_label("Klasifikasi (opsional)").fill("TERBATAS")
    page.get_by_label("Klasifikasi (opsional)").press("Enter")
    _wait_idle(page)
    page.locator("button").filter(has_text="Susun bahan paparan").click()
    pdf_button = _button(page, "Unduh PDF")
    pdf_button.wait_for(timeout=WAIT_MS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "exports_pack_panel.png"), full_page=True)
    pdf = _download(page, pdf_button, tmp_path)
    assert pdf.name == "bahan-paparan_2023-TW3_TERBATAS_id.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == 2
    pptx = _download(page, _button(page, "Unduh slide"), tmp_path)
    assert pptx.suffix == ".pptx"
    deck = Presentation(str(pptx))
    assert len(deck.slides) == 9  # cover, key figures, five charts (obstacle themes too), two tables
    assert "64 dari 79 aksi" in " ".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)


def test_table_download_on_the_agencies_page(page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/agencies{VIEW}", wait_until="domcontentloaded")
    _wait_idle(page)
    xlsx = _download(page, _button(page, "Excel").first, tmp_path)
    assert xlsx.suffix == ".xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes())).worksheets[0]
    assert sheet.max_row > 10
