"""AppTest for the workspace pages: upload, history, completeness, reference data; who may use them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ranpe.access import audit, users
from ranpe.access.roles import Actor
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures.dashboard import pillar_label
from ranpe.store.connection import Store
from ranpe.web import auth
from tests.conftest import ANALYST, REPO, xlsx_bytes

ADMIN = Actor("admin", "admin")
HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Pilar", "Kode Aksi", "Provinsi", "Komitmen"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def good_file(committed: str = "Ya", quarter: int = 3) -> bytes:
    return xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, quarter, "BNPT", 1, "1.1.1", "Jawa Barat", committed],
                [2023, quarter, "BNPT", 1, "1.1.2", "", "Tidak"],
            ]
        }
    )


BAD_FILE = xlsx_bytes(
    {
        "Laporan": [
            HEADER,
            [2023, 3, "BNPT", 1, "1.1.1", "Jawa Barat", "Mungkin"],
            [2023, 3, "Kementerian Entah", 1, "1.1.2", "", "Ya"],
        ]
    }
)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store path for the app, with sign-in off (no users file)."""
    path = tmp_path / "ranpe.duckdb"
    monkeypatch.setenv("RANPE_DB", str(path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.chdir(REPO)
    Store(path).close()
    yield path


def page(name: str, lang: str = "en", signed_in: str | None = None) -> AppTest:
    at = AppTest.from_file(str(REPO / "pages" / f"{name}.py"), default_timeout=60)
    at.session_state["lang"] = lang
    if signed_in:
        at.session_state["ranpe_signed_in_user"] = signed_in
    return at.run()


def texts(at: AppTest) -> str:
    """The page's texts as a reader sees them (markdown escapes such as "bnpt\\-tw3" shown as typed)."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "success", "error", "warning", "info", "title", "subheader")
        for e in at.get(kind)
    ]
    return re.sub(r"\\([^\w\s])", r"\1", "\n".join(str(p) for p in parts))


def table(at: AppTest, column: str):
    """The first table on the page that has this column (AppTest does not expose a dataframe's key)."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise KeyError(column)


def no_exception(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


# -- upload ----------------------------------------------------------------------------------------


def test_upload_page_checks_then_stores_a_good_file(db):
    at = no_exception(page("upload"))
    assert "No file yet" in texts(at)
    at.file_uploader(key="ws_upload_files").set_value([("bnpt-tw3.xlsx", good_file(), XLSX)])
    at = no_exception(at.run())
    assert "**bnpt-tw3.xlsx**: ready to store, 2 rows without errors." in texts(at)
    with Store(db) as store:
        assert store.query_rows("store/counts")[0]["uploads"] == 0
    at = no_exception(at.button(key="ws_store").click().run())
    assert "Stored: 2 rows (upload #1) — K/L BNPT; periods 2023 Q3; pillars 1" in texts(at)
    with Store(db) as store:
        assert store.query_rows("store/counts")[0]["rows_active"] == 2


def test_upload_page_shows_every_problem_filters_them_and_records_the_refusal(db):
    at = page("upload", lang="id")
    at.file_uploader(key="ws_upload_files").set_value(
        [("buruk.xlsx", BAD_FILE, XLSX), ("baik.xlsx", good_file(), XLSX)]
    )
    at = no_exception(at.run())
    assert "**buruk.xlsx**: tidak dapat disimpan, 2 kesalahan." in texts(at)
    problems = table(at, "Nilai")
    assert set(problems["Kolom"]) == {"Komitmen", "Kementerian/Lembaga"}
    assert list(problems["Baris"]) == [2, 3]
    at.multiselect(key="ws_problem_columns").set_value(["Komitmen"])
    at = no_exception(at.run())
    assert list(table(at, "Nilai")["Nilai"]) == ["Mungkin"]
    assert at.get("download_button")
    at = no_exception(at.button(key="ws_store").click().run())
    with Store(db) as store:
        statuses = sorted(u["status"] for u in store.query_rows("workspace/upload_history", agency=None, year=None))
    assert statuses == ["active", "refused"]


def test_upload_page_previews_rows_as_understood_and_what_storing_replaces(db):
    with Store(db) as store:
        first = ingest_bytes(
            store, good_file("Tidak"), "bnpt-v1.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 10, 2)
        )
    revised = xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, "TW III", "BNPT RI", "Pilar 1", "1.1.1", "Jabar", "Ya"],
                [2023, "Triwulan III", "bnpt", "Pilar 2", "2.1.1", "Nasional", "tidak"],
            ]
        }
    )
    at = page("upload")
    at.file_uploader(key="ws_upload_files").set_value([("bnpt-v2.xlsx", revised, XLSX)])
    at = no_exception(at.run())
    shown = texts(at)
    assert "What it replaces and what it adds" in shown
    assert "Storing this file replaces 1 K/L–year–quarter–pillar combinations and adds 1 new ones" in shown
    plan = table(at, "When stored")
    assert list(plan["When stored"]) == [f"replaces upload #{first.upload_id}", "new (no version yet)"]
    assert list(plan["Its file"]) == ["bnpt-v1.xlsx", ""]
    assert list(plan["Uploaded"]) == ["2 October 2023 00:00", ""]
    rows = table(at, "Action code")
    assert list(rows["Province"]) == ["West Java", "National"]
    assert list(rows["Committed"]) == ["Yes", "No"]
    assert list(rows["Quarter"]) == ["Q3", "Q3"]
    assert list(rows["Pillar"]) == ["Pillar 1 · Prevention", "Pillar 2 · Law enforcement"]
    assert "The first 2 of 2 rows" in shown
    with Store(db) as store:
        assert store.query_rows("store/counts")[0]["uploads"] == 1


def test_upload_page_summary_of_a_refused_file_names_what_it_read(db):
    at = page("upload", lang="id")
    at.file_uploader(key="ws_upload_files").set_value([("buruk.xlsx", BAD_FILE, XLSX)])
    at = no_exception(at.run())
    assert "K/L: **BNPT** · Periode: **2023 TW III** · Pilar: **1**" in "\n".join(m.value for m in at.markdown)
    assert "Mungkin maksudnya" not in texts(at)


def test_given_values_fill_a_file_without_those_columns(db):
    data = xlsx_bytes({"Sheet1": [["Pilar", "Kode Aksi", "Komitmen"], [1, "1.1.1", "Ya"]]})
    at = page("upload")
    at.file_uploader(key="ws_upload_files").set_value([("kemenag.xlsx", data, XLSX)])
    at = no_exception(at.run())
    assert "cannot be stored" in texts(at)
    at.selectbox(key="ws_given_year").set_value(2024)
    at.selectbox(key="ws_given_quarter").set_value(2)
    at.selectbox(key="ws_given_agency").set_value("KEMENAG")
    at = no_exception(at.run())
    assert "**kemenag.xlsx**: ready to store, 1 rows without errors." in texts(at)


def test_sign_in_off_is_said(db):
    at = AppTest.from_string(
        "from ranpe.web import auth\nauth.render_account('en')\nimport streamlit as st\n"
        "st.write(auth.current_actor().role)"
    )
    at = no_exception(at.run())
    assert "Sign-in is off" in at.sidebar.info[0].value
    assert at.markdown[0].value == "admin"


# -- who may do what -------------------------------------------------------------------------------


@pytest.fixture
def local_users(db: Path, tmp_path: Path) -> Path:
    for name, role in (("pemirsa", "viewer"), ("analis", "analyst"), ("admin", "admin")):
        users.add_user(name, role, f"sandi-{name}-panjang", actor=ADMIN)
    return db


def test_sign_in_form_then_roles(local_users):
    at = no_exception(page("upload"))
    assert "ws_upload_files" not in [w.key for w in at.get("file_uploader")]
    at.text_input(key="ranpe_sign_in_name").set_value("analis")
    at.text_input(key="ranpe_sign_in_password").set_value("salah-sekali-ya")
    at = no_exception(at.button[0].click().run())
    assert "Wrong user name or password." in texts(at)
    at.text_input(key="ranpe_sign_in_password").set_value("sandi-analis-panjang")
    at = no_exception(at.button[0].click().run())
    assert at.file_uploader(key="ws_upload_files")
    with Store(local_users) as store:
        actions = [e["action"] for e in audit.entries(store, ADMIN)]
    assert actions == ["sign_in", "sign_in_failed"]


def test_repeated_wrong_passwords_lock_the_name_out(local_users):
    at = no_exception(page("upload"))
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        at.text_input(key="ranpe_sign_in_name").set_value("admin")
        at.text_input(key="ranpe_sign_in_password").set_value("tebakan-yang-salah")
        at = no_exception(at.button[0].click().run())
    at.text_input(key="ranpe_sign_in_password").set_value("sandi-admin-panjang")
    at = no_exception(at.button[0].click().run())
    assert "Too many failed attempts; try again in 60 seconds." in texts(at)
    assert not at.get("file_uploader")
    auth._failures.clear()


def test_viewer_cannot_upload_analyst_can(local_users):
    viewer = no_exception(page("upload", signed_in="pemirsa"))
    assert "This page is for the analyst role and above; your role: viewer." in texts(viewer)
    assert not viewer.get("file_uploader")
    analyst = no_exception(page("upload", signed_in="analis"))
    assert analyst.file_uploader(key="ws_upload_files")


def test_analyst_cannot_edit_references_admin_can(local_users):
    analyst = no_exception(page("reference", signed_in="analis"))
    assert "This page is for the admin role and above" in texts(analyst)
    at = no_exception(page("reference", signed_in="admin"))
    at.selectbox(key="ws_ref_edit_code").set_value("KEMENDIKBUDRISTEK")
    at = no_exception(at.run())
    at.text_input(key="ws_ref_short_KEMENDIKBUDRISTEK").set_value("Kemendikdasmen")
    at.text_input(key="ws_ref_name_KEMENDIKBUDRISTEK").set_value("Kementerian Pendidikan Dasar dan Menengah")
    at = no_exception(at.button[0].click().run())
    with Store(local_users) as store:
        agency = next(a for a in store.query_rows("reference/agencies") if a["code"] == "KEMENDIKBUDRISTEK")
        assert agency["short_name"] == "Kemendikdasmen"
        assert "Kemendikbudristek" in agency["aliases"]
        assert audit.entries(store, ADMIN, action="reference_change")[0]["actor"] == "admin"
    assert "Kemendikdasmen" in set(table(at, "Short name")["Short name"])
    assert len(table(at, "Old value")) >= 3


def test_oidc_sign_in_maps_email_to_role(db):
    at = AppTest.from_string(
        "from ranpe.web import auth\nimport streamlit as st\nauth.render_account('en')\n"
        "st.write(repr(auth.current_actor()))"
    )
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
    at.secrets["roles"] = {"siti@bnpt.go.id": "analyst"}
    at.user = {"is_logged_in": False}
    at = no_exception(at.run())
    assert "Please sign in to continue." in texts(at)
    assert not [m for m in at.markdown if "Actor" in m.value]
    at.user = {"is_logged_in": True, "email": "Siti@bnpt.go.id", "name": "Siti"}
    at = no_exception(at.run())
    assert "Actor(name='Siti@bnpt.go.id', role='analyst')" in texts(at)
    at.user = {"is_logged_in": True, "email": "tamu@contoh.id"}
    at = no_exception(at.run())
    assert "role='viewer'" in texts(at)


# -- history, completeness -------------------------------------------------------------------------


def test_history_page_restores_with_confirmation_and_compares(db):
    with Store(db) as store:
        first = ingest_bytes(store, good_file("Ya"), "v1.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 10, 2))
        ingest_bytes(store, good_file("Tidak"), "v2.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 10, 9))
    at = no_exception(page("history"))
    uploads = table(at, "Status")
    assert list(uploads["Status"]) == ["active", "replaced"]
    assert at.metric[3].value == "1"  # one commitment flipped between the two versions
    at.selectbox(key="ws_history_upload").set_value(first.upload_id)
    at = no_exception(at.run())
    assert at.button(key="ws_history_restore").disabled
    at.checkbox(key="ws_history_confirm").check()
    at = no_exception(at.run())
    at = no_exception(at.button(key="ws_history_restore").click().run())
    assert "Upload #1 is active again for 1 K/L–year–quarter–pillar combinations." in texts(at)
    assert list(table(at, "Status")["Status"]) == ["replaced", "active"]


def test_history_page_undoes_an_upload_that_replaced_one_slice_and_follows_the_choice(db):
    kl_file = xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, 3, "BNPT", 1, "1.1.1", "Jawa Barat", "Tidak"],
                [2023, 3, "BNPT", 2, "2.1.1", "", "Tidak"],
            ]
        }
    )
    pokja = xlsx_bytes({"Laporan": [HEADER, [2023, 3, "BNPT", 1, "1.1.1", "Jawa Barat", "Ya"]]})
    kemenag = xlsx_bytes({"Laporan": [HEADER, [2023, 2, "KEMENAG", 3, "3.1.1", "", "Ya"]]})
    with Store(db) as store:
        first = ingest_bytes(store, kl_file, "bnpt.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 10, 2))
        second = ingest_bytes(store, pokja, "pokja1.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 10, 9))
        ingest_bytes(store, kemenag, "kemenag.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 10, 10))
    at = no_exception(page("history"))
    assert list(table(at, "Status")["Status"]) == ["active", "active", "active for 1 of 2 combinations"]

    # The newest upload is chosen first: its versions only, Kemenag's.
    chain = table(at, "Version")
    assert set(chain["Ministry/Agency"]) == {"Kemenag"}
    assert list(chain["Pillar"]) == [pillar_label(3, "en")]

    at.selectbox(key="ws_history_upload").set_value(second.upload_id)
    at = no_exception(at.run())
    chain = table(at, "Version")
    assert list(chain["#"]) == [f"#{first.upload_id}", f"#{second.upload_id} ◀"]
    assert set(chain["Pillar"]) == {"Pillar 1 · Prevention"}
    differences = table(at, "Commitment flipped")
    assert list(differences["Province"]) == ["West Java"] and list(differences["Ministry/Agency"]) == ["BNPT"]
    plan = table(at, "After undoing")
    assert list(plan["After undoing"]) == [f"#{first.upload_id} · bnpt.xlsx · 2 October 2023 00:00 · 1 rows"]
    assert at.button(key="ws_history_undo").disabled
    at.checkbox(key="ws_history_undo_confirm").check()
    at = no_exception(at.run())
    at = no_exception(at.button(key="ws_history_undo").click().run())
    assert (
        f"Upload #{second.upload_id} undone: 1 combinations are back to their previous version, 0 now have no version."
        in texts(at)
    )
    assert list(table(at, "Status")["Status"]) == ["active", "replaced", "active"]
    assert not at.checkbox(key="ws_history_confirm").value
    with Store(db) as store:
        active = store.cursor().execute("select pillar, upload_id from active_slices where agency_code = 'BNPT'")
        assert sorted(active.fetchall()) == [(1, first.upload_id), (2, first.upload_id)]


def test_completeness_page_matrix_and_not_reported(db):
    with Store(db) as store:
        ingest_bytes(store, good_file(quarter=1), "q1.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 4, 3))
        other = xlsx_bytes({"L": [HEADER, [2023, 1, "KEMENAG", 1, "1.1.1", "", "Ya"]]})
        ingest_bytes(store, other, "kemenag.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 5, 3))
    at = page("completeness")
    at.selectbox(key="ws_completeness_year").set_value(2023)
    at = no_exception(at.run())
    matrix = table(at, "Q1")
    assert list(matrix["Code"]) == ["BNPT", "KEMENAG"]
    assert list(matrix["Q1"]) == ["✓ on time (3 April 2023)", "! late (3 May 2023)"]
    assert at.metric[0].value == "100.0%"
    at.selectbox(key="ws_completeness_quarter").set_value(2)
    at = no_exception(at.run())
    assert list(table(at, "Days overdue")["Code"]) == ["BNPT", "KEMENAG"]
    at.toggle(key="ws_completeness_all").set_value(True)
    at = no_exception(at.run())
    assert len(table(at, "Q1")) == 49


def test_completeness_page_for_a_year_nobody_has_reported_yet(db):
    with Store(db) as store:
        ingest_bytes(store, good_file(quarter=1), "q1.xlsx", actor=ANALYST, uploaded_at=datetime(2023, 4, 3))
    this_year = date.today().year
    at = page("completeness")
    at.selectbox(key="ws_completeness_year").set_value(this_year)
    at = no_exception(at.run())
    assert f"No K/L has reported for {this_year} yet. The K/L expected below are the 49 active" in texts(at)
    assert "No K/L is expected" not in texts(at)
    assert len(table(at, "Q1")) == 49
    # The fourth quarter of the current year is never due within it: no rate, and it says so.
    assert at.metric[3].value == "–"
    assert any(c.value.startswith("not yet due") for c in at.caption)
