"""Local users where the store keeps them: the users file beside an embedded store (as ever), the shared store's
table on DuckLake, through the same interface (engine, `users` command, sign-in page); `users import` and `migrate`
bring the file's users into the shared store; PostgreSQL lost while a page runs. The tests on the `store` fixture
run on whatever --store says; the others need PostgreSQL (scripts/postgres.sh)."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ranpe.access import audit, users
from ranpe.access.roles import Actor
from ranpe.cli import main
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store import connection
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO
from tests.lake_support import own_postgres
from tests.test_ingest import agency_file

ADMIN = Actor("admin", "admin")


@pytest.fixture
def users_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "users.toml"
    monkeypatch.setenv("RANPE_USERS_FILE", str(path))
    return path


def stored_rows(store: Store) -> list[tuple]:
    return [(u["name"], u["role"]) for u in store.query_rows("access/users")]


def test_users_live_in_the_file_beside_an_embedded_store_and_in_the_shared_store_table(store, users_file):
    users.add_user("Siti", "analyst", "sandi-siti-panjang", actor=ADMIN, email="Siti@BNPT.go.id", store=store)
    users.add_user("budi", "viewer", "sandi-budi-panjang", actor=ADMIN, store=store)
    with pytest.raises(users.UserError, match="exists already"):
        users.add_user("siti", "viewer", "sandi-lain-panjang", actor=ADMIN, store=store)
    users.set_role("siti", "admin", actor=ADMIN, store=store)
    users.set_password("budi", "sandi-baru-budi", actor=ADMIN, store=store)
    users.remove_user("budi", actor=ADMIN, store=store)
    found = users.load_users(store=store)
    assert [(u.name, u.role, u.email) for u in found.values()] == [("siti", "admin", "siti@bnpt.go.id")]
    assert users.verify("siti", "sandi-siti-panjang", store=store) == found["siti"]
    assert users.verify("siti", "salah-sandi-sekali", store=store) is None
    assert users.role_for_email("siti@bnpt.go.id", {}, store=store) == "admin"
    changes = [e["details"] for e in audit.entries(store, ADMIN, action="user_change")]
    if store.is_lake:
        assert not users_file.exists()
        assert stored_rows(store) == [("siti", "admin")]
        assert [(c["user"], c["change"]) for c in reversed(changes)] == [
            ("siti", "add"),
            ("budi", "add"),
            ("siti", "role"),
            ("budi", "password"),
            ("budi", "remove"),
        ]
        assert "argon2" not in str(changes)
    else:
        # The embedded store's users are the file, as before: its table stays empty, its audit log untouched.
        assert "$argon2id$" in users_file.read_text() and "sandi-siti-panjang" not in users_file.read_text()
        assert users.load_users() == found
        assert stored_rows(store) == [] and changes == []


def test_the_users_command_manages_the_users_of_the_store_it_is_given(store, users_file, monkeypatch, capsys):
    given = ["--store", str(store.path)]
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-yang-panjang\n"))
    assert main(["users", *given, "add", "siti", "--role", "analyst", "--password-stdin"]) == 0
    assert main(["users", *given, "set-role", "siti", "admin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert main(["users", *given, "passwd", "siti", "--password-stdin"]) == 2
    capsys.readouterr()
    assert main(["users", *given, "list"]) == 0
    assert capsys.readouterr().out.split() == ["siti", "admin"]
    assert users_file.exists() is not store.is_lake
    assert main(["users", *given, "remove", "siti"]) == 0
    assert main(["users", *given, "remove", "siti"]) == 2
    assert users.load_users(store=store) == {}


def test_users_import_copies_the_file_into_the_shared_store_once(store, users_file, capsys):
    users.add_user("siti", "analyst", "sandi-siti-panjang", actor=ADMIN)
    users.add_user("budi", "viewer", "sandi-budi-panjang", actor=ADMIN)
    capsys.readouterr()
    if not store.is_lake:
        # Nothing to import into an embedded store: its users are that file.
        assert main(["users", "--store", str(store.path), "import"]) == 2
        assert "nothing to import" in capsys.readouterr().err
        return
    assert main(["users", "--store", str(store.path), "--lang", "en", "import"]) == 0
    assert f"2 users copied from {users_file} into the shared store: budi, siti." in capsys.readouterr().out
    assert users.verify("siti", "sandi-siti-panjang", store=store).role == "analyst"
    users.set_role("siti", "admin", actor=ADMIN, store=store)
    assert main(["users", "--store", str(store.path), "--lang", "en", "import"]) == 0
    out = capsys.readouterr().out
    assert "0 users copied" in out and "Already in the shared store (left unchanged): budi, siti." in out
    assert stored_rows(store) == [("budi", "viewer"), ("siti", "admin")]


def test_a_name_stays_unique_when_two_processes_add_it_at_once(store, users_file):
    if not store.is_lake:
        pytest.skip("the shared store's table (--store=lake)")
    outcomes: list[str] = []
    stores = [Store(str(store.path)) for _ in range(2)]

    def add(other: Store) -> None:
        try:
            users.add_user("siti", "analyst", "sandi-siti-panjang", actor=ADMIN, store=other)
            outcomes.append("added")
        except users.UserError:
            outcomes.append("exists")

    threads = [threading.Thread(target=add, args=(other,)) for other in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for other in stores:
        other.close()
    assert sorted(outcomes) == ["added", "exists"]
    assert stored_rows(store) == [("siti", "analyst")]


def test_a_user_added_by_another_process_can_sign_in_within_a_second(store, users_file):
    if not store.is_lake:
        pytest.skip("the shared store's table (--store=lake)")
    assert users.load_users(store=store) == {}
    with Store(str(store.path)) as other:
        users.add_user("siti", "analyst", "sandi-siti-panjang", actor=ADMIN, store=other)
    time.sleep(1.1)  # the data version (the snapshot id) is read again at most once a second
    assert users.verify("siti", "sandi-siti-panjang", store=store) is not None


def test_migrate_into_the_shared_store_brings_the_users_file_and_says_so(lake_server, tmp_path, users_file, capsys):
    import json

    users.add_user("siti", "admin", "sandi-siti-panjang", actor=ADMIN)
    source = tmp_path / "ranpe.duckdb"
    with Store(source) as embedded:
        ingest_bytes(embedded, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST)
    dbname = lake_server.new_database()
    try:
        assert main(["migrate", "--from", str(source), "--to", lake_server.url(dbname)]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["users_imported"] == ["siti"] and report["users_file"] == str(users_file)
        with Store(lake_server.url(dbname), lake_data=str(lake_server.data)) as shared:
            assert users.verify("siti", "sandi-siti-panjang", store=shared).role == "admin"
            assert shared.query_rows("store/counts")[0]["uploads"] == 1
    finally:
        lake_server.drop(dbname)


# -- the sign-in page on both stores ---------------------------------------------------------------


@pytest.fixture
def app_store(store: Store, users_file: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The app reads the test's store (a DuckDB file, or the shared store), sign-in by local users."""
    monkeypatch.setenv("RANPE_STORE", str(store.path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.chdir(REPO)
    return store


def upload_page() -> AppTest:
    at = AppTest.from_file(str(REPO / "pages" / "upload.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    return at.run()


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("error", "warning", "info", "markdown") for e in at.get(kind))


def test_sign_in_reads_the_users_where_the_store_keeps_them(app_store):
    users.add_user("analis", "analyst", "sandi-analis-panjang", actor=ADMIN, store=app_store)
    at = upload_page()
    assert not at.exception and not at.get("file_uploader")
    at.text_input(key="ranpe_sign_in_name").set_value("analis")
    at.text_input(key="ranpe_sign_in_password").set_value("salah-sekali-ya")
    at = at.button[0].click().run()
    assert "Wrong user name or password." in texts(at)
    at.text_input(key="ranpe_sign_in_password").set_value("sandi-analis-panjang")
    at = at.button[0].click().run()
    assert not at.exception
    assert at.file_uploader(key="ws_upload_files")
    assert [e["action"] for e in audit.entries(app_store, ADMIN) if e["action"] != "user_change"] == [
        "sign_in",
        "sign_in_failed",
    ]


def test_a_shared_store_without_its_users_keeps_sign_in_on_until_they_are_imported(app_store, users_file):
    if not app_store.is_lake:
        pytest.skip("the shared store (--store=lake)")
    users.add_user("analis", "analyst", "sandi-analis-panjang", actor=ADMIN)  # the file only
    at = upload_page()
    assert not at.exception and not at.get("file_uploader")
    assert f"The shared store has no users yet, while the users file {users_file} has some" in texts(at)
    at.text_input(key="ranpe_sign_in_name").set_value("analis")
    at.text_input(key="ranpe_sign_in_password").set_value("sandi-analis-panjang")
    at = at.button[0].click().run()
    assert "Wrong user name or password." in texts(at) and not at.get("file_uploader")
    users.import_file(app_store, actor=ADMIN)
    at = upload_page()
    assert "has no users yet" not in texts(at)


# -- PostgreSQL lost while a page runs ----------------------------------------------------------------


@pytest.mark.shared_store
@pytest.mark.timeout(300)
def test_postgresql_lost_while_a_page_runs_is_said_and_the_page_recovers(tmp_path, users_file, monkeypatch):
    """The data version was read (kept a while, as every run keeps it) and PostgreSQL stops before the page's own
    reads: the page says so in the user's language, no traceback; once PostgreSQL is back, the page shows again."""
    with own_postgres() as (conninfo, server):
        url = "ducklake:postgres:" + conninfo + " connect_timeout=2"
        with Store(url, lake_data=str(tmp_path / "data")) as shared:
            ingest_bytes(shared, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST)
        monkeypatch.setenv("RANPE_STORE", url)
        monkeypatch.setenv("RANPE_LAKE_DATA", str(tmp_path / "data"))
        monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
        # The data version, once read, stays for the test: PostgreSQL goes away after a run has read it.
        monkeypatch.setattr(connection, "SNAPSHOT_TTL_SECONDS", 3600.0)
        app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        app.session_state["lang"] = "en"
        app.run()
        assert not app.exception
        server("stop")
        # Pages whose reads are not cached yet (the dashboard's are, per data version, and show as they were).
        for page in ("history", "checks"):
            app.switch_page(str(REPO / "pages" / f"{page}.py")).run()
            assert not app.exception, (page, [e.value for e in app.exception])
            errors = " ".join(e.value for e in app.error)
            assert "the database server (PostgreSQL) cannot be reached" in errors, page
        server("start")
        app.switch_page(str(REPO / "pages" / "history.py")).run()
        assert not app.exception
        assert "PostgreSQL" not in " ".join(e.value for e in app.error)
        assert "bnpt.xlsx" in " ".join(frame.value.to_string() for frame in app.dataframe)


@pytest.mark.shared_store
@pytest.mark.timeout(300)
def test_postgresql_lost_inside_a_write_or_a_read_is_store_unavailable_and_the_store_goes_on(tmp_path):
    with own_postgres() as (conninfo, server):
        shared = Store("ducklake:postgres:" + conninfo + " connect_timeout=2", lake_data=str(tmp_path / "data"))
        try:
            with pytest.raises(connection.StoreUnavailable), shared.transaction() as cur:
                cur.execute("select count(*) from uploads").fetchall()
                server("stop")
                cur.execute("select count(*) from audit_log").fetchall()
            with pytest.raises(connection.StoreUnavailable):
                shared.query_rows("store/counts")
            server("start")
            # The same open store reads and writes again; the lost write left nothing behind.
            users.add_user("siti", "admin", "sandi-siti-panjang", actor=ADMIN, store=shared)
            assert stored_rows(shared) == [("siti", "admin")]
            assert shared.query_rows("store/counts")[0]["uploads"] == 0
        finally:
            shared.close()


def test_a_backup_of_the_shared_store_keeps_its_users_through_restore_and_migrate(lake_server, tmp_path, users_file):
    from ranpe.store.backup import restore_backup, write_backup

    with lake_server.fresh_store() as shared:
        users.add_user("siti", "admin", "sandi-siti-panjang", actor=ADMIN, store=shared)
        write_backup(shared, tmp_path / "lake.zip")
    restore_backup(tmp_path / "lake.zip", tmp_path / "restored" / "ranpe.duckdb")
    dbname = lake_server.new_database()
    try:
        assert (
            main(["migrate", "--from", str(tmp_path / "restored" / "ranpe.duckdb"), "--to", lake_server.url(dbname)])
            == 0
        )
        with Store(lake_server.url(dbname), lake_data=str(lake_server.data)) as copied:
            assert users.verify("siti", "sandi-siti-panjang", store=copied).role == "admin"
    finally:
        lake_server.drop(dbname)


def test_the_users_tab_shows_the_users_where_the_store_keeps_them(app_store, users_file):
    users.add_user("admin", "admin", "sandi-admin-panjang", actor=ADMIN, store=app_store)
    users.add_user("siti", "analyst", "sandi-siti-panjang", actor=ADMIN, email="siti@bnpt.go.id", store=app_store)
    at = AppTest.from_file(str(REPO / "pages" / "reference.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    at.session_state["ranpe_signed_in_user"] = "admin"
    at = at.run()
    assert not at.exception
    shown = " ".join(frame.value.to_string() for frame in at.dataframe)
    assert "siti@bnpt.go.id" in shown and "analyst" in shown
    captions = " ".join(c.value for c in at.caption)
    if app_store.is_lake:
        assert "Local users are kept in the shared store" in captions
    else:
        assert f"(file {users_file})" in captions
