"""Who may do what: the engine refuses every write without the role; local users and their file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date

import pytest

from ranpe.access import audit, users
from ranpe.access.roles import Actor, Forbidden
from ranpe.ingest.pipeline import ingest_bytes, remove_demo, restore_upload
from ranpe.workspace import completeness, history, reference_admin, upload
from tests.conftest import ANALYST, REPO, xlsx_bytes

VIEWER = Actor("pemirsa", "viewer")
ADMIN = Actor("admin", "admin")
HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Pilar", "Kode Aksi", "Komitmen"]
GOOD = xlsx_bytes({"Laporan": [HEADER, [2023, 3, "BNPT", 1, "1.1.1", "Ya"]]})


def writes(store, upload_id):
    """Every write of the engine, as (name, needed role, call with an actor)."""
    return [
        ("ingest", "analyst", lambda a: ingest_bytes(store, GOOD, "x.xlsx", actor=a)),
        ("store_file", "analyst", lambda a: upload.store_file(store, GOOD, "x.xlsx", actor=a)),
        ("restore", "analyst", lambda a: restore_upload(store, upload_id, actor=a)),
        ("remove_demo", "analyst", lambda a: remove_demo(store, actor=a)),
        ("original_file", "analyst", lambda a: history.original_file(store, upload_id, actor=a)),
        ("deadline_days", "analyst", lambda a: completeness.set_deadline_days(store, 20, actor=a)),
        (
            "quarter_deadline",
            "analyst",
            lambda a: completeness.set_quarter_deadline(store, 2023, 1, date(2023, 4, 30), actor=a),
        ),
        (
            "add_agency",
            "admin",
            lambda a: reference_admin.add_agency(
                store, code="BARU", name="Badan Baru", short_name="Baru", name_en="New", actor=a
            ),
        ),
        (
            "update_agency",
            "admin",
            lambda a: reference_admin.update_agency(store, "BNPT", aliases="BNPT Pusat", actor=a),
        ),
        ("province_aliases", "admin", lambda a: reference_admin.set_province_aliases(store, "32", "Jabar", actor=a)),
        ("reference_changes", "admin", lambda a: reference_admin.reference_changes(store, actor=a)),
        ("audit_log", "admin", lambda a: audit.entries(store, a)),
    ]


@pytest.mark.parametrize("index", range(12))
def test_write_without_the_role_is_refused_and_changes_nothing(store, index):
    upload_id = ingest_bytes(store, GOOD, "first.xlsx", actor=ANALYST).upload_id
    name, needed, call = writes(store, upload_id)[index]
    below = VIEWER if needed == "analyst" else ANALYST
    version = store.data_version()
    with pytest.raises(Forbidden) as caught:
        call(below)
    assert caught.value.needed == needed, name
    assert store.data_version() == version, name
    call(ANALYST if needed == "analyst" else ADMIN)


def test_preview_is_open_to_viewers_and_stores_nothing(store):
    assert upload.preview(store, GOOD, "x.xlsx", actor=VIEWER).status == "checked"
    assert store.query_rows("store/counts")[0]["uploads"] == 0


# -- local users -----------------------------------------------------------------------------------


@pytest.fixture
def users_file(tmp_path, monkeypatch):
    path = tmp_path / "config" / "users.toml"
    monkeypatch.setenv("RANPE_USERS_FILE", str(path))
    return path


def test_users_are_stored_hashed_owner_only_and_verified(users_file):
    users.add_user("Analis1", "analyst", "kata-sandi-rahasia", actor=ADMIN, email="Analis@BNPT.go.id")
    text = users_file.read_text()
    assert "kata-sandi-rahasia" not in text and "$argon2id$" in text
    assert stat.S_IMODE(os.stat(users_file).st_mode) == 0o600
    assert users.verify("analis1", "kata-sandi-rahasia") == users.load_users()["analis1"]
    assert users.verify("analis1", "salah-sandi-sekali") is None
    assert users.verify("tidak-ada", "kata-sandi-rahasia") is None
    users.set_role("analis1", "admin", actor=ADMIN)
    assert users.load_users()["analis1"].actor() == Actor("analis1", "admin")
    users.set_password("analis1", "sandi-baru-panjang", actor=ADMIN)
    assert users.verify("analis1", "sandi-baru-panjang") is not None
    assert users.role_for_email("analis@bnpt.go.id", {}) == "admin"
    assert users.role_for_email("analis@bnpt.go.id", {"Analis@bnpt.go.id": "viewer"}) == "viewer"
    assert users.role_for_email("orang@lain.id", {}) == "viewer"
    users.remove_user("analis1", actor=ADMIN)
    assert users.load_users() == {}


@pytest.mark.parametrize(
    ("name", "role", "password"),
    [("bad name", "viewer", "panjang-sekali"), ("ok", "boss", "panjang-sekali"), ("ok", "viewer", "pendek")],
)
def test_bad_user_is_refused(users_file, name, role, password):
    with pytest.raises(users.UserError):
        users.add_user(name, role, password, actor=ADMIN)


def test_only_admins_manage_users(users_file):
    with pytest.raises(Forbidden):
        users.add_user("x", "admin", "panjang-sekali", actor=ANALYST)


def test_users_file_inside_the_repository_is_refused(monkeypatch):
    monkeypatch.setenv("RANPE_USERS_FILE", str(REPO / "users.toml"))
    with pytest.raises(users.UserError):
        users.add_user("x", "admin", "panjang-sekali", actor=ADMIN)
    assert not (REPO / "users.toml").exists()


@pytest.mark.slow
def test_users_command_line(users_file):
    env = {**os.environ, "RANPE_USERS_FILE": str(users_file)}

    def run(*args, stdin=""):
        return subprocess.run(
            [sys.executable, "-m", "ranpe", "users", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
        )

    added = run("add", "siti", "--role", "analyst", "--password-stdin", stdin="sandi-yang-panjang\n")
    assert added.returncode == 0, added.stderr
    assert run("set-role", "siti", "admin").returncode == 0
    listed = run("list")
    assert listed.stdout.split() == ["siti", "admin"]
    assert run("passwd", "siti", "--password-stdin", stdin="pendek\n").returncode == 2
    assert run("remove", "siti").returncode == 0
    assert run("remove", "siti").returncode == 2
