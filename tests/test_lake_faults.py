"""The shared store under faults (docs/reliability.md): writers at one instant on a fresh store, ingests killed with
SIGKILL, PostgreSQL stopped mid-ingest, the data folder read-only or full. A few rounds of each here; the long runs are
`python -m benchmarks.reliability`."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks import reliability
from ranpe.cli import main
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store import health, lake
from ranpe.store.connection import Store, StoreUnavailable
from tests.conftest import ANALYST, REPO
from tests.lake_support import LakeServer, own_postgres
from tests.test_ingest import agency_file

# Kills, a stopped PostgreSQL, mounts: each times its fault to land inside a write, so each has the machine to itself.
pytestmark = [pytest.mark.slow, pytest.mark.serial]


@pytest.fixture
def server(lake_server: LakeServer) -> LakeServer:
    return lake_server


@contextmanager
def empty_database(server: LakeServer) -> Iterator[str]:
    """A PostgreSQL database with no DuckLake catalogue yet: the next open of its store is a first start."""
    from tests.lake_support import admin_sql

    dbname = f"{server.prefix}empty_{os.getpid()}_{time.monotonic_ns()}"
    admin_sql(server.conninfo, f"create database {dbname}")
    try:
        yield server.url(dbname)
    finally:
        server.drop(dbname)


def test_writers_of_every_kind_at_one_instant_on_a_fresh_store_all_store(server, tmp_path):
    import psycopg

    kinds = reliability.writer_kinds(4)
    assert {kind.split(":")[0] for kind in kinds} == {"ingest", "catalogue", "reference"}
    with empty_database(server) as url:
        data, conninfo = str(tmp_path / "data"), url.removeprefix("ducklake:postgres:")
        outcomes: list[reliability.WritersRound] = []
        # Every writer's first start meets the others for sure: a transaction of this test creating one of DuckLake's
        # catalogue tables, left open until every writer waits (on it, or on the write lock), makes them all arrive
        # together when it rolls back.
        with psycopg.connect(conninfo) as holder, psycopg.connect(conninfo, autocommit=True) as watcher:
            holder.execute("create table ducklake_metadata (key varchar)")
            writers = threading.Thread(target=lambda: outcomes.append(reliability.writers_round(url, data, kinds)))
            writers.start()
            waiting = 0
            for _ in range(6000):  # at most 10 minutes: every writer starts a Python process and attaches
                waiting = watcher.execute(WAITING, [holder.info.backend_pid]).fetchone()[0]
                if waiting >= len(kinds):
                    break
                time.sleep(0.1)
            holder.rollback()
            writers.join()
        assert waiting == len(kinds)
        assert outcomes[0].failures == [] and outcomes[0].stored == len(kinds)
        with Store(url, lake_data=data) as store:
            assert store.query_rows("store/counts")[0]["uploads"] == 2
            assert health.check(store) == []
            aliases = store.cursor().execute("select aliases from provinces where code = '72'").fetchone()[0]
            assert "Sulteng 1" in aliases
            catalogue = store.cursor().execute("select count(*) from catalogue_versions").fetchone()[0]
            assert catalogue == 1


# The writers' PostgreSQL sessions waiting for a lock (the test's open transaction, or the write lock).
WAITING = """
select count(*) from pg_stat_activity
where datname = current_database() and wait_event_type = 'Lock' and pid <> %s
"""


def test_an_ingest_killed_at_random_moments_on_the_shared_store_loses_nothing_reported_stored(server):
    rnd = random.Random(23)
    confirmed: set[int] = set()
    with server.fresh_store() as store:
        url, data = str(store.path), str(server.data)
        for _ in range(5):
            outcome = reliability.kill_round(url, data, rnd, confirmed)
            assert outcome.lost == [] and outcome.half_stored == [] and outcome.findings == []
            confirmed.update(outcome.confirmed)
    assert confirmed, "no kill landed after an upload was reported stored"


# Stops itself (SIGSTOP) inside the command's write transaction, its rows in, before the commit (when the write loads
# the statement it runs last): the test stops PostgreSQL (immediate) and lets it go on. What the CLI then says is the
# user's: exit code and stderr.
_STOPPED_COMMAND = """
import os, signal, sys
from ranpe.cli import main
from ranpe.store import sql

load = sql.load
def stopping_load(name):
    if name == "store/record_activations":
        print("in the write", flush=True)
        os.kill(os.getpid(), signal.SIGSTOP)
    return load(name)
sql.load = stopping_load
sys.exit(main([*sys.argv[1:], "--lang", "en"]))
"""


def uploads(store: Store) -> list[tuple]:
    """Every upload with its status (active, replaced, refused): what an ingest or a restore changes."""
    history = store.query_rows("workspace/upload_history", agency=None, year=None)
    return sorted((row["upload_id"], row["status"]) for row in history)


@pytest.mark.timeout(600)
def test_postgresql_stopped_in_the_middle_of_an_ingest_and_a_restore_changes_nothing_says_so_and_a_retry_stores(
    tmp_path,
):
    path = tmp_path / "Polri.xlsx"
    path.write_bytes(agency_file("Polri", "Ya"))
    with own_postgres() as (conninfo, postgres):
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "RANPE_STORE": f"ducklake:postgres:{conninfo} connect_timeout=2",
            "RANPE_LAKE_DATA": str(tmp_path / "data"),
        }
        url, data = env["RANPE_STORE"], env["RANPE_LAKE_DATA"]
        with Store(url, lake_data=data) as store:
            ingest_bytes(store, agency_file("Polri", "Tidak"), "polri-1.xlsx", actor=ANALYST)
        for command in (["ingest", str(path)], ["restore", "1"]):
            with Store(url, lake_data=data) as store:
                before = uploads(store)
            child = subprocess.Popen(
                [sys.executable, "-c", _STOPPED_COMMAND, *command],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=REPO,
                env=env,
            )
            assert reliability._line_with(child, "in the write").strip().endswith("in the write")
            postgres("kill")
            child.send_signal(signal.SIGCONT)
            out, err = child.communicate(timeout=300)
            assert child.returncode == 3, (command, out, err)
            assert "database server (PostgreSQL) cannot be reached" in err and "Traceback" not in err
            postgres("start")
            with Store(url, lake_data=data) as store:
                assert health.check(store) == []
                assert uploads(store) == before  # the stopped write is absent, whole
                assert main([*command, "--store", url, "--lang", "en"]) == 0
                assert health.check(store) == []
                assert uploads(store) != before


@contextmanager
def mounted(folder: Path, *options: str) -> Iterator[None]:
    """folder as a mount of its own (a tmpfs with options, or, with none, itself bound read-only); skipped where this
    process may not mount."""
    folder.mkdir(parents=True, exist_ok=True)
    if options:
        commands = [["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(folder)]]
    else:
        commands = [["mount", "--bind", str(folder), str(folder)], ["mount", "-o", "remount,bind,ro", str(folder)]]
    done = []
    try:
        for command in commands:
            if shutil.which("mount") is None or subprocess.run(command, capture_output=True).returncode != 0:
                pytest.skip("this test needs to mount a folder (root in the CI container)")
            done.append(command)
        yield
    finally:
        if done:
            subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_data_folder_refuses_the_write_whole_with_its_own_message(server, tmp_path, capsys):
    data = tmp_path / "data"
    with empty_database(server) as url, Store(url, lake_data=str(data)) as store:
        ingest_bytes(store, agency_file("BNPT", "Tidak"), "bnpt-1.xlsx", actor=ANALYST)
        path = tmp_path / "BNPT.xlsx"
        path.write_bytes(agency_file("BNPT", "Ya", quarter="TW IV"))
        with mounted(data):
            with pytest.raises(StoreUnavailable) as raised:
                ingest_bytes(store, path.read_bytes(), "bnpt-2.xlsx", actor=ANALYST)
            assert raised.value.kind == "data_unwritable"
            assert main(["ingest", str(path), "--store", url, "--lang", "en"]) == 3
            err = capsys.readouterr().err
            assert f"data folder ({data}) cannot be written" in err and "Traceback" not in err
        assert health.check(store) == []
        assert len(store.query_rows("workspace/upload_history", agency=None, year=None)) == 1
        assert ingest_bytes(store, path.read_bytes(), "bnpt-2.xlsx", actor=ANALYST).status == "stored"


def test_a_data_folder_filling_up_mid_write_stores_nothing_and_tidy_removes_the_files_left(server, tmp_path, capsys):
    from tests.test_crash import _submission

    data = tmp_path / "small"
    with mounted(data, "size=128k"), empty_database(server) as url:
        with Store(url, lake_data=str(data)) as store:
            ingest_bytes(store, agency_file("Kemenag", "Tidak"), "kemenag-1.xlsx", actor=ANALYST)
            before = {path.name for path in data.rglob("*.parquet")}
            with pytest.raises(StoreUnavailable) as raised:
                ingest_bytes(store, _submission("Kemenag", 20_000, 2), "kemenag-2.csv", year=2023, actor=ANALYST)
            assert raised.value.kind == "data_full"
            assert health.check(store) == []
            assert len(store.query_rows("workspace/upload_history", agency=None, year=None)) == 1
            left_behind = {path.name for path in data.rglob("*.parquet")} - before
            assert main(["tidy", "--keep-days", "0", "--store", url, "--lang", "en"]) == 0
            assert {path.name for path in data.rglob("*.parquet")} == before
            assert health.check(store) == []
            assert ingest_bytes(store, agency_file("Kemenag", "Ya"), "kemenag-3.xlsx", actor=ANALYST).status == "stored"
        print(f"\nthe folder full mid-write: {len(left_behind)} uncommitted Parquet files left, deleted by tidy")


def _outside_writer(store: Store, times: int):
    """A sql.load that, the first `times` times an ingest is about to commit, commits a write of its own to the same
    table through a connection of its own that does not take the app's write lock (a writer outside the app)."""
    from ranpe.store import sql

    load, done = sql.load, []

    def loading(name: str) -> str:
        if name == "store/record_activations" and len(done) < times:
            con, _ = lake.connect(store.conninfo, store.data_path, store.data_path, read_only=False)
            try:
                con.execute("update data_version set version = version + 1")
            finally:
                con.close()
            done.append(name)
        return load(name)

    return loading, done


@pytest.mark.parametrize(("conflicts", "stored"), [(1, True), (len(lake.CONFLICT_PAUSES_SECONDS) + 1, False)])
def test_a_write_that_loses_a_race_is_run_again_and_told_only_when_the_tries_run_out(
    server, monkeypatch, tmp_path, capsys, conflicts, stored
):
    from ranpe.store import sql

    path = tmp_path / "TNI.xlsx"
    path.write_bytes(agency_file("TNI", "Ya"))
    with server.fresh_store() as store:
        ingest_bytes(store, agency_file("TNI", "Tidak"), "tni-1.xlsx", actor=ANALYST)
        loading, done = _outside_writer(store, conflicts)
        monkeypatch.setattr(sql, "load", loading)
        code = main(["ingest", str(path), "--store", str(store.path), "--lang", "en"])
        monkeypatch.undo()
        assert len(done) == conflicts
        err = capsys.readouterr().err
        if stored:
            assert code == 0 and err == ""
        else:
            assert code == 3 and "Another write changed the shared store at the same moment" in err
            assert "Traceback" not in err and "cannot be reached" not in err
        history = store.query_rows("workspace/upload_history", agency=None, year=None)
        assert len(history) == (2 if stored else 1)
        assert health.check(store) == []


def test_a_catalogue_of_a_newer_ducklake_is_refused_on_a_page_and_the_cli_with_its_own_message(
    server, tmp_path, monkeypatch, capsys
):
    import psycopg
    from streamlit.testing.v1 import AppTest

    dbname = server.new_database()
    try:
        url = server.url(dbname)
        with psycopg.connect(url.removeprefix("ducklake:postgres:"), autocommit=True) as pg:
            pg.execute("update ducklake_metadata set value = '9.9' where key = 'version'")
        assert main(["history", "--store", url, "--lang", "en"]) == 3
        err = capsys.readouterr().err
        assert "written by a newer DuckLake (9.9; this version reads 1.0)" in err and "Traceback" not in err
        monkeypatch.setenv("RANPE_STORE", url)
        monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
        app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        app.run()
        assert not app.exception
        errors = " ".join(e.value for e in app.error)
        assert "ditulis oleh versi DuckLake yang lebih baru (9.9" in errors and "PostgreSQL" not in errors
    finally:
        server.drop(dbname)
