"""The workspace in real Chromium: upload a bad .xlsx and get its errors and report, upload a good one and see
the dashboard change; history, completeness and reference pages drawn."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from ranpe.access import users
from ranpe.access.roles import Actor
from ranpe.measures.dashboard import pillar_label
from tests.browser_support import ARTIFACTS, SUBMISSIONS_UPLOADER, start_app, stop_app
from tests.conftest import xlsx_bytes
from tests.test_browser_dashboard import Visit

pytestmark = pytest.mark.browser

HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Pilar", "Kode Aksi", "Provinsi", "Komitmen"]
GOOD = [
    HEADER,
    [2023, "TW III", "BNPT", 1, "1.1.1", "Jawa Barat", "Ya"],
    [2023, "TW III", "BNPT", 1, "1.1.2", "", "Tidak"],
    [2023, "TW III", "KEMENAG", 2, "2.1.1", "Jawa Timur", "Ya"],
]
BAD = [
    HEADER,
    [2023, "TW III", "BNPT", 1, "1.1.1", "Jawa Barat", "Mungkin"],
    [2023, "TW III", "Kementerian Entah", 1, "1.1.2", "@SUM(A1)", "Ya"],
]


def start_workspace_app(folder: Path) -> tuple[subprocess.Popen, str]:
    """The app on the store and users file in folder."""
    return start_app({"RANPE_DB": str(folder / "ranpe.duckdb"), "RANPE_USERS_FILE": str(folder / "users.toml")})


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on an empty store of its own, sign-in off."""
    process, base = start_workspace_app(tmp_path_factory.mktemp("browser_workspace"))
    try:
        yield base
    finally:
        stop_app(process)


def upload(visit: Visit, tmp_path: Path, name: str, rows: list[list[object]]) -> None:
    path = tmp_path / name
    path.write_bytes(xlsx_bytes({"Laporan": rows}))
    visit.page.locator(f"{SUBMISSIONS_UPLOADER} input[type='file']").set_input_files(str(path))
    visit.page.get_by_text(name).first.wait_for(timeout=30_000)
    visit.wait_until_idle()


def open_visit(browser: object, server: str) -> Visit:
    """A browser page that also records the address of every 404 answer."""
    visit = Visit(browser, server)
    visit.missing = []
    visit.page.on("response", lambda answer: answer.status == 404 and visit.missing.append(answer.url))
    return visit


def assert_clean(visit: Visit) -> None:
    """No console error and nothing leaving 127.0.0.1. Opening a page's URL directly, Streamlit's client first
    probes <page>/_stcore/health and host-config (404) before the root: the only resources allowed to be missing."""
    assert all(url.endswith(("/_stcore/health", "/_stcore/host-config")) for url in visit.missing), visit.missing
    assert [e for e in visit.errors if not e.startswith("Failed to load resource")] == []
    assert visit.leaving_requests() == []


def shot(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / f"workspace_{name}.png"), full_page=True)


def test_bad_file_errors_and_report_then_good_file_changes_the_dashboard(browser, server, tmp_path):
    visit = open_visit(browser, server)
    try:
        visit.open("")
        main = visit.page.locator("[data-testid='stAppViewContainer']")
        main.get_by_text("Belum ada data").first.wait_for(timeout=30_000)

        visit.open("upload")
        visit.page.get_by_text("Unduh templat laporan").click()
        with visit.page.expect_download() as template_info:
            visit.page.get_by_role("button", name="Templat (Bahasa Inggris)").click()
        template = openpyxl.load_workbook(io.BytesIO(Path(template_info.value.path()).read_bytes()))
        assert template_info.value.suggested_filename == "ran-pe-report-template.xlsx"
        assert any("Agency" in str(cell.value) for sheet in template for row in sheet.iter_rows() for cell in row)
        visit.wait_until_idle()
        upload(visit, tmp_path, "laporan-buruk.xlsx", BAD)
        main.get_by_text("tidak dapat disimpan, 3 kesalahan").wait_for(timeout=30_000)
        visit.page.get_by_text("Masalah", exact=True).first.wait_for()
        with visit.page.expect_download() as download_info:
            visit.page.get_by_role("button", name="Unduh laporan kesalahan (.xlsx)").click()
        report = download_info.value
        assert report.suggested_filename == "laporan-kesalahan.xlsx"
        workbook = openpyxl.load_workbook(io.BytesIO(Path(report.path()).read_bytes()))
        problems = [list(r) for r in workbook["Masalah"].iter_rows(values_only=True)]
        assert problems[0][:4] == ["Berkas", "Sheet", "Baris", "Kolom"]
        assert {(p[2], p[3]) for p in problems[1:]} == {(2, "Komitmen"), (3, "Kementerian/Lembaga"), (3, "Provinsi")}
        assert "'@SUM(A1)" in [p[4] for p in problems[1:]]
        visit.wait_until_idle()
        shot(visit, "upload_refused")

        visit.open("upload")
        upload(visit, tmp_path, "laporan-baik.xlsx", GOOD)
        main.get_by_text("siap disimpan, 3 baris tanpa kesalahan").wait_for(timeout=30_000)
        visit.page.get_by_role("button", name="Simpan (1 berkas siap)").click()
        main.get_by_text("Disimpan: 3 baris (unggahan #").wait_for(timeout=60_000)
        visit.wait_until_idle()
        shot(visit, "upload_stored")

        visit.open("")
        visit.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        shot(visit, "dashboard_after_upload")
        text = main.inner_text()
        assert "Belum ada data" not in text
        assert "2023" in text
        assert_clean(visit)
    finally:
        visit.close()


def pseudo_text(visit: Visit, selector: str) -> tuple[str, str]:
    """The font size of an element's own text and the text its ::after shows (what CSS puts on screen)."""
    return visit.page.locator(selector).first.evaluate(
        "e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]"
    )


def grid_cells(visit: Visit) -> list[list[str]]:
    """The cells of every table on the page, per table (read from the grid's accessible table)."""
    frames = visit.page.locator("[data-testid='stDataFrame']")
    return [frames.nth(i).locator("td[role='gridcell']").all_text_contents() for i in range(frames.count())]


def test_upload_preview_in_indonesian_shows_uploader_words_rows_as_understood_and_what_it_replaces(
    browser, server, tmp_path
):
    first = [
        HEADER,
        [2022, 2, "KEMENAG", 1, "1.1.1", "", "Tidak"],
        [2022, 2, "KEMENAG", 2, "2.1.1", "", "Ya"],
    ]
    revised = [
        HEADER,
        [2022, "TW II", "Kementerian Agama", "Pilar 1", "1.1.1", "Jabar", "Ya"],
        [2022, "Triwulan II", "Kemenag RI", "III", "3.1.1", "-", "tidak"],
    ]
    visit = open_visit(browser, server)
    try:
        visit.open("")
        visit.open("upload")
        button = "[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary'] p"
        assert pseudo_text(visit, button) == ["0px", '"Pilih berkas"']
        limit = pseudo_text(visit, "[data-testid='stFileUploaderDropzoneInstructions'] span")
        assert limit == ["0px", '"Paling besar 50 MB per berkas • XLSX, CSV"']
        visit.page.locator(SUBMISSIONS_UPLOADER).screenshot(path=str(ARTIFACTS / "workspace_uploader_id.png"))

        upload(visit, tmp_path, "kemenag-v1.xlsx", first)
        visit.page.get_by_role("button", name="Simpan (1 berkas siap)").click()
        main = visit.page.locator("[data-testid='stAppViewContainer']")
        main.get_by_text("Disimpan: 2 baris (unggahan #").wait_for(timeout=60_000)

        visit.open("upload")
        upload(visit, tmp_path, "kemenag-v2.xlsx", revised)
        main.get_by_text("siap disimpan, 2 baris tanpa kesalahan").wait_for(timeout=30_000)
        main.get_by_text("Baris sebagaimana akan disimpan").wait_for()
        visit.wait_until_idle()
        shot(visit, "upload_preview")
        checked = main.locator("[data-testid='stLayoutWrapper']").filter(has_text="siap disimpan, 2 baris")
        checked.last.screenshot(path=str(ARTIFACTS / "workspace_upload_preview_file.png"))
        plan, rows = [cells for cells in grid_cells(visit) if cells][:2]
        assert plan[:4] == ["Kemenag", "2022 TW II", pillar_label(1, "id"), "1"]
        assert plan[4].startswith("menggantikan unggahan #") and plan[6:8] == ["kemenag-v1.xlsx", "1"]
        assert plan[8:12] == ["Kemenag", "2022 TW II", pillar_label(3, "id"), "1"]
        assert plan[12] == "baru (belum ada versi)"
        assert {
            "Kemenag",
            "TW II",
            "Jawa Barat",
            "Nasional",
            "Ya",
            "Tidak",
            pillar_label(3, "id"),
        } <= set(rows)
        assert not {"Kementerian Agama", "Jabar", "Kemenag RI", "Triwulan II"} & set(rows)
        assert_clean(visit)
    finally:
        visit.close()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("history", "Riwayat unggahan"), ("completeness", "Kelengkapan pelaporan"), ("reference", "Data rujukan")],
)
def test_workspace_page_draws(browser, server, name, expected):
    visit = open_visit(browser, server)
    try:
        visit.open("")
        visit.open(name)
        visit.page.get_by_role("heading", name=expected).wait_for(timeout=30_000)
        visit.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stSkeleton\"], .stSkeleton')", timeout=30_000
        )
        visit.page.wait_for_timeout(1500)
        shot(visit, name)
        assert "Masuk (sign-in) tidak aktif" in visit.page.locator("[data-testid='stSidebar']").inner_text()
        assert_clean(visit)
    finally:
        visit.close()


def test_pages_opened_directly_on_a_fresh_server_still_ask_for_sign_in(browser, tmp_path):
    """On a fresh server, Streamlit serves /upload from the pages/ folder without running app.py (the frame's
    sign-in): the page must gate itself."""
    users.add_user(
        "analis", "analyst", "sandi-analis-panjang", actor=Actor("admin", "admin"), path=tmp_path / "users.toml"
    )
    process, base = start_workspace_app(tmp_path)
    visit = open_visit(browser, base)
    try:
        visit.page.goto(f"{base}/upload", wait_until="domcontentloaded")
        visit.page.get_by_label("Nama pengguna").wait_for(timeout=30_000)
        assert visit.page.locator("[data-testid='stFileUploader']").count() == 0
        visit.page.get_by_label("Nama pengguna").fill("analis")
        visit.page.get_by_label("Kata sandi").fill("sandi-analis-panjang")
        visit.page.get_by_role("button", name="Masuk").click()
        visit.page.locator(SUBMISSIONS_UPLOADER).wait_for(timeout=30_000)
        shot(visit, "upload_signed_in")
    finally:
        visit.close()
        stop_app(process)
