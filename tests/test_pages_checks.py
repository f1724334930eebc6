"""AppTest of the page Pemeriksaan data / Data checks: counts per rule × K/L, the rows concerned, filters, the
exported bytes, the threshold (admins) re-counting, and who may open it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from ranpe.access import audit, users
from ranpe.checks import rules
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO
from tests.test_checks import EARLIER, LATER, earlier_file, later_file, row
from tests.test_pages_workspace import ADMIN, no_exception, texts


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store with two BNPT reports (TW II .xlsx, TW III .csv) and one Kemenag row; sign-in off (admin)."""
    path = tmp_path / "ranpe.duckdb"
    monkeypatch.setenv("RANPE_DB", str(path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.chdir(REPO)
    with Store(path) as store:
        tw2 = [
            row(2, "1.1.1", realization=8),
            row(2, "1.1.2"),
            row(2, "1.1.3", agency="Kemenag", committed="Tidak", realization=3),
        ]
        ingest_bytes(store, earlier_file(tw2), EARLIER, actor=ANALYST)
        tw3 = [row(3, "1.1.1", realization=5), row(3, "1.1.4", realization=25)]
        ingest_bytes(store, later_file(tw3), LATER, actor=ANALYST)
    yield path


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list:
    """The media file managers AppTest creates, to make what a download button would give."""
    made = []

    class Recorded(app_test_module.MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recorded)
    return made


def open_page(lang: str = "en", signed_in: str | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "pages" / "checks.py"), default_timeout=60)
    at.session_state["lang"] = lang
    if signed_in:
        at.session_state["ranpe_signed_in_user"] = signed_in
    return no_exception(at.run())


def tables(at: AppTest):
    counts, rows = (frame.value for frame in at.dataframe)
    return counts, rows


def downloaded(at: AppTest, media: list, key: str) -> bytes:
    """The file a download button gives when clicked (made then: the button holds no bytes before)."""
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    manager = media[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    return manager._storage.get_file(url.rsplit("/", 1)[-1]).content


def test_counts_rows_and_units(db):
    at = open_page()

    counts, rows = tables(at)
    assert list(counts["K/L code"]) == ["BNPT", "KEMENAG"]
    assert list(counts["Total"]) == [3, 1]
    assert list(counts["Realization lower than before"]) == [1, 0]
    assert list(counts["Action missing from the next report"]) == [1, 0]
    assert list(counts["Realization far above target"]) == [1, 0]
    assert list(counts["Not committed, yet done"]) == [0, 1]
    assert [m.value for m in at.metric] == ["4 rows", "2 of 2 K/L", "4 of 6 rules"]
    assert list(zip(rows["File"], rows["Sheet"], rows["Row"], strict=True)) == [
        (LATER, "CSV", 2),  # 1.1.1 in TW III: 5, lower than 8 in TW II
        (EARLIER, "Laporan", 5),  # 1.1.2, left out of TW III
        (LATER, "CSV", 3),  # 1.1.4: 25 of a target of 10
        (EARLIER, "Laporan", 6),  # Kemenag's 1.1.3: not committed, realization 3
    ]
    assert rows["Message"][0] == f"Realization 5 is lower than 8 in Q2 (upload #1: {EARLIER}, sheet Laporan, row 4)"
    page_text = texts(at)
    assert "Findings per rule and K/L — 2023 · All quarters · All K/L" in page_text
    assert "Checked: 5 rows (action plans)" in page_text
    assert "Not run:\n- Action code not in the catalogue — No action catalogue" in page_text


def test_filters_choose_the_findings(db):
    at = open_page()
    at.selectbox(key="ws_checks_agency").set_value("KEMENAG")
    at = no_exception(at.run())
    counts, rows = tables(at)
    assert list(counts["K/L code"]) == ["KEMENAG"]
    assert list(rows["Action code"]) == ["1.1.3"]
    assert "Rows concerned — 2023 · All quarters · Kemenag" in texts(at)

    at.selectbox(key="ws_checks_agency").set_value("all")
    at.selectbox(key="ws_checks_quarter").set_value(3)
    at = no_exception(at.run())
    _, rows = tables(at)
    assert list(rows["Action code"]) == ["1.1.1", "1.1.2", "1.1.4"]
    assert set(rows["Quarter"]) == {"Q3"}

    at.multiselect(key="ws_checks_rules").set_value(["action_dropped"])
    at = no_exception(at.run())
    _, rows = tables(at)
    assert list(rows["Action code"]) == ["1.1.2"]
    assert "1 of 3 findings selected" in texts(at)


def test_exports_hold_the_rows_shown(db, media):
    at = open_page(lang="id")
    at.selectbox(key="ws_checks_agency").set_value("BNPT")
    at = no_exception(at.run())

    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(at, media, "ws_checks_xlsx")))
    findings = [list(r) for r in workbook["Temuan"].iter_rows(values_only=True)]
    assert findings[0][:3] == ["Aturan", "K/L", "Kode Aksi"]
    assert [(r[7], r[8], r[9]) for r in findings[1:]] == [(LATER, "CSV", 2), (EARLIER, "Laporan", 5), (LATER, "CSV", 3)]
    assert findings[3][3] == "Realisasi 25 adalah 2,5× target 10 (ambang 2×)"

    lines = list(csv.reader(io.StringIO(downloaded(at, media, "ws_checks_csv").decode("utf-8-sig"))))
    assert len(lines) == 4 and lines[1][2] == "1.1.1"
    with Store(db) as store:
        exports = [e["details"] for e in audit.entries(store, ADMIN, action="export")]
    assert [(e["format"], e["agency"], e["rows"]) for e in exports] == [("csv", "BNPT", 3), ("xlsx", "BNPT", 3)]


def test_threshold_change_recounts(db):
    at = open_page()
    counts, _ = tables(at)
    assert list(counts["Realization far above target"]) == [1, 0]

    at.number_input(key="ws_checks_threshold").set_value(3.0)
    at = no_exception(at.button[0].click().run())

    counts, rows = tables(at)
    assert list(counts["Realization far above target"]) == [0, 0]
    assert list(counts["Total"]) == [2, 1]
    assert "1.1.4" not in list(rows["Action code"])
    assert "more than 3× the target" in at.expander[0].label
    with Store(db) as store:
        assert rules.threshold(store) == 3.0


def test_indonesian_page(db):
    at = open_page(lang="id")
    assert at.title[0].value == "Pemeriksaan data"
    assert [m.value for m in at.metric] == ["4 baris", "2 dari 2 K/L", "4 dari 6 aturan"]
    counts, rows = tables(at)
    assert "Realisasi turun dari triwulan sebelumnya" in counts.columns
    assert list(rows["Triwulan"]) == ["TW III", "TW III", "TW III", "TW II"]
    assert "Tidak dijalankan:\n- Kode aksi tidak ada di matriks — Belum ada matriks" in texts(at)


def test_empty_store_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("RANPE_DB", str(tmp_path / "kosong.duckdb"))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    at = open_page()
    assert "No stored data to check yet." in texts(at)
    assert not at.dataframe


def test_viewer_cannot_open_analyst_cannot_change_the_threshold(db, tmp_path):
    for name, role in (("pemirsa", "viewer"), ("analis", "analyst")):
        users.add_user(name, role, f"sandi-{name}-panjang", actor=ADMIN)
    viewer = open_page(signed_in="pemirsa")
    assert "This page is for the analyst role and above; your role: viewer." in texts(viewer)
    assert not viewer.dataframe
    analyst = open_page(signed_in="analis")
    assert len(analyst.dataframe) == 2
    assert "Only an admin can change it." in texts(analyst)
    assert not analyst.get("number_input")


def test_upload_preview_lists_the_findings_as_warnings(db):
    """A TW III correction that lowers 1.1.1 again and drops 1.1.2: the preview warns of both, naming the rows,
    before anything is stored; the file stays ready to store."""
    at = AppTest.from_file(str(REPO / "pages" / "upload.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at = no_exception(at.run())
    corrected = later_file([row(3, "1.1.1", realization=4), row(3, "1.1.4", realization=12)])
    at.file_uploader(key="ws_upload_files").set_value([("bnpt-tw3-revisi.csv", corrected, "text/csv")])
    at = no_exception(at.run())

    assert "**bnpt-tw3-revisi.csv**: ready to store, 2 rows without errors." in texts(at)
    problems = next(frame.value for frame in at.dataframe if "Severity" in frame.value.columns)
    warnings = problems[problems["Severity"] == "warning"]
    assert list(zip(warnings["File"], warnings["Sheet"], warnings["Row"], strict=True)) == [
        ("bnpt-tw3-revisi.csv", "CSV", 2),
        (EARLIER, "Laporan", 5),
    ]
    assert list(warnings["Expected"]) == [
        f"Realization 4 is lower than 8 in Q2 (upload #1: {EARLIER}, sheet Laporan, row 4)",
        "Reported in Q2, yet missing from this quarter's report",
    ]
    with Store(db) as store:
        assert store.query_rows("store/counts")[0]["uploads"] == 2
