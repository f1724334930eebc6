"""The "Data per tanggal" date in real Chromium: typed in the sidebar, it brings back the figures of that day, names
the date under every chart and goes into the URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest

from ranpe.store.connection import Store
from tests.browser_support import ARTIFACTS, start_app, stop_app
from tests.test_as_of import REPLACED_P1, UPLOADED_P1, UPLOADED_P2_P3, pokja_file, upload
from tests.test_browser_dashboard import Visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a store holding 64 of 79 actions committed on 10 October 2023 and 68 of 79 from the 18th on."""
    db = tmp_path_factory.mktemp("browser_as_of") / "ranpe.duckdb"
    with Store(db) as store:
        upload(store, pokja_file(1, 41), "pilar1.csv", UPLOADED_P1)
        upload(store, pokja_file(2, 12), "pilar2.csv", UPLOADED_P2_P3)
        upload(store, pokja_file(3, 11), "pilar3.csv", UPLOADED_P2_P3)
        upload(store, pokja_file(1, 45), "pilar1 (perbaikan).csv", REPLACED_P1)
        upload(store, pokja_file(2, 14), "pilar2 (perbaikan).csv", datetime(2023, 10, 30, 10, 0))
    process, base = start_app({"RANPE_DB": str(db)})
    try:
        yield base
    finally:
        stop_app(process)


def test_typing_a_date_brings_back_that_day_s_figures(browser: object, server: str) -> None:
    visit = Visit(browser, server)
    try:
        visit.open()
        main = visit.page.locator("[data-testid='stMain']")
        main.get_by_text("70 dari 79 aksi").first.wait_for(timeout=30_000)
        # Streamlit's date field: a segment each for day, month and year; typing fills them in turn and opens the
        # calendar on that day, where a click chooses it.
        date_field = visit.page.locator("[data-testid='stSidebar'] [data-testid='stDateInput']")
        date_field.locator("[role='spinbutton'][data-type='day']").focus()
        visit.page.keyboard.type("10102023")
        visit.page.locator("[role='grid'] [role='gridcell']").filter(has_text=re.compile(r"^10$")).first.click()
        visit.page.wait_for_url("**as_of=2023-10-10**", timeout=30_000)
        visit.wait_until_idle()
        main.get_by_text("64 dari 79 aksi").first.wait_for(timeout=30_000)
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert "81,0%" in main.inner_text()
        charts = visit.page.locator(".js-plotly-plot")
        assert charts.count() >= 2
        for index in range(charts.count()):
            text = " ".join(charts.nth(index).inner_text().split())
            assert "Data per 10 Oktober 2023 (seperti tersimpan saat itu)" in text, text
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / "dashboard_as_of.png"), full_page=True)

        visit.go_to("Pilar")
        visit.page.wait_for_url("**/pillars**as_of=2023-10-10**", timeout=30_000)
        segments = date_field.locator("[role='spinbutton']")
        assert [segments.nth(index).inner_text() for index in range(3)] == ["10", "10", "2023"]
        assert visit.errors == []
        assert visit.leaving_requests() == []
    finally:
        visit.close()
