"""The page Pemeriksaan data / Data checks in real Chromium, in Indonesian then English and on a phone: reached
from the navigation, its figures named with their units, the findings downloaded as .xlsx."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store.connection import Store
from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.conftest import ANALYST
from tests.test_browser_workspace import assert_clean, open_visit
from tests.test_checks import EARLIER, LATER, earlier_file, later_file, row

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a store with findings of four rules for two K/L (sign-in off)."""
    folder = tmp_path_factory.mktemp("browser_checks")
    with Store(folder / "ranpe.duckdb") as store:
        tw2 = [
            row(2, "1.1.1", realization=8),
            row(2, "1.1.2"),
            row(2, "1.1.3", agency="Kemenag", committed="Tidak", realization=3),
        ]
        ingest_bytes(store, earlier_file(tw2), EARLIER, actor=ANALYST)
        tw3 = [row(3, "1.1.1", realization=5), row(3, "1.1.4", realization=25, output="12 dari 14 kegiatan (79%)")]
        ingest_bytes(store, later_file(tw3), LATER, actor=ANALYST)
    process, base = start_app(
        {"RANPE_DB": str(folder / "ranpe.duckdb"), "RANPE_USERS_FILE": str(folder / "users.toml")}
    )
    try:
        yield base
    finally:
        stop_app(process)


def settle(visit) -> None:
    """Until the script has run and both tables are drawn (the sidebar is collapsed on a phone: not waited for)."""
    visit.page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    visit.page.wait_for_selector("[data-testid='stDataFrame'] canvas", timeout=30_000)
    visit.page.wait_for_timeout(1000)


def full_shot(visit, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so the window is made as tall as the content."""
    viewport = visit.page.viewport_size
    height = visit.page.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], [data-testid="stMain"] *\')]'
        ".map(e => e.scrollHeight))"
    )
    visit.page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height + 80)})
    visit.page.wait_for_timeout(1000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    visit.page.set_viewport_size(viewport)
    visit.page.wait_for_timeout(500)


def test_checks_page_in_both_languages(browser, server):
    visit = open_visit(browser, server)
    try:
        visit.open("")
        visit.go_to("Pemeriksaan data")
        visit.page.wait_for_url("**/checks**")
        main = visit.page.locator("[data-testid='stMain']")
        main.get_by_role("heading", name="Pemeriksaan data").wait_for(timeout=30_000)
        settle(visit)
        text = main.inner_text()
        assert "5 baris" in text and "2 dari 2 K/L" in text and "5 dari 6 aturan" in text
        assert "Temuan per aturan dan K/L — 2023 · Semua triwulan · Semua K/L" in text
        assert "Tidak dijalankan:" in text and "Kode aksi tidak ada di matriks — Belum ada matriks" in text
        assert visit.page.locator("[data-testid='stDataFrame']").count() == 2

        with visit.page.expect_download() as download_info:
            visit.page.get_by_role("button", name="Unduh temuan (.xlsx)").click()
        assert download_info.value.suggested_filename == "temuan-pemeriksaan-data-2023.xlsx"
        workbook = openpyxl.load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
        rows = [list(r) for r in workbook["Temuan"].iter_rows(values_only=True)]
        assert len(rows) == 6
        assert ("Persentase tidak cocok dengan angkanya", LATER, "CSV", 3) in [(r[0], r[7], r[8], r[9]) for r in rows]
        visit.wait_until_idle()
        full_shot(visit, "checks_id")

        visit.page.locator("[data-testid='stSidebar']").get_by_text("English").click()
        main.get_by_role("heading", name="Data checks").wait_for(timeout=30_000)
        settle(visit)
        text = main.inner_text()
        assert "5 rows" in text and "2 of 2 K/L" in text and "5 of 6 rules" in text
        assert "Findings per rule and K/L — 2023 · All quarters · All K/L" in text
        assert "Download findings (.csv)" in text
        shown = [box.input_value() for box in main.locator("[data-testid='stSelectbox'] input").all()]
        assert shown[:3] == ["2023", "All quarters", "All K/L"], shown
        full_shot(visit, "checks_en")
        assert_clean(visit)
    finally:
        visit.close()


def test_checks_page_on_a_phone(browser, server):
    visit = open_visit(browser, server)
    visit.page.set_viewport_size(PHONE)
    try:
        visit.page.goto(f"{server}/checks", wait_until="domcontentloaded")
        main = visit.page.locator("[data-testid='stMain']")
        main.get_by_role("heading", name="Pemeriksaan data").wait_for(timeout=30_000)
        settle(visit)
        width = visit.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways: {width} px"
        full_shot(visit, "checks_phone")
        assert_clean(visit)
    finally:
        visit.close()


def test_checks_page_follows_the_dashboards_date(browser, server):
    """A copied link with the dashboard's date opens the checks as stored then: before these uploads, nothing."""
    visit = open_visit(browser, server)
    try:
        visit.open("checks?as_of=2024-01-01&lang=en")
        main = visit.page.locator("[data-testid='stMain']")
        main.get_by_role("heading", name="Data checks").wait_for(timeout=30_000)
        main.get_by_text("Nothing was stored as of 1 January 2024").wait_for(timeout=30_000)
        text = main.inner_text()
        assert "Figures as stored on 1 January 2024, not the current data" in text
        full_shot(visit, "checks_as_of")
        assert main.locator("[data-testid='stDateInput'] input").input_value() == "2024-01-01"
        assert visit.page.locator("[data-testid='stDataFrame']").count() == 0
        assert_clean(visit)
    finally:
        visit.close()
