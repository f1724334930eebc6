"""The shared store (DuckLake on PostgreSQL): schema translation, original files in the store, other processes'
commits seen, two writing processes losing nothing, `migrate` from an embedded file, PostgreSQL down on a page.
Needs PostgreSQL (scripts/postgres.sh starts one); runs whatever --store says."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ranpe.cli import main
from ranpe.ingest.pipeline import ingest_bytes, restore_upload
from ranpe.store import lake, sql, transfer
from ranpe.store.connection import Store, StoreError, StoreUnavailable
from ranpe.workspace.history import original_file
from tests.conftest import ANALYST, REPO
from tests.lake_support import LakeServer, free_port, own_postgres
from tests.test_ingest import agency_file


@pytest.fixture(scope="module")
def server(lake_server: LakeServer) -> LakeServer:
    """The session's PostgreSQL and migrated template (tests/conftest.py): one template per process, so that every
    store copied from it, here and in the --store=lake pass, names the same data folder."""
    return lake_server


@pytest.fixture
def shared(server: LakeServer) -> Store:
    with server.fresh_store() as opened:
        yield opened


def test_a_migration_loses_its_keys_sequences_and_macros_on_the_lake_and_keeps_the_rest():
    migrations = dict(sql.migrations())
    text = migrations[2]
    translated = lake.translate(text)
    assert "primary key" not in translated and "sequence" not in translated and "nextval" not in translated
    assert "create table audit_log" in translated and "create table settings" in translated
    assert "insert into settings values ('deadline_days', '15', null, null)" in translated
    first = lake.translate(migrations[1])
    assert "primary key (agency_code, year, quarter, pillar)" not in first and "activated_at timestamp" in first
    assert "create macro" not in first and "create view current_rows" in first
    macros = lake.macros(migrations[7])
    assert [m.split("memory.main.")[1].split("(")[0] for m in macros] == [
        "active_slices_at",
        "current_rows_at",
        "counted_rows",
    ]


def test_an_upload_on_the_lake_keeps_its_original_in_the_store_and_its_ids_count_up(shared):
    first = ingest_bytes(shared, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST)
    second = ingest_bytes(shared, agency_file("Kemenag", "Ya"), "kemenag.xlsx", actor=ANALYST)
    assert (first.status, second.status) == ("stored", "stored")
    assert second.upload_id == first.upload_id + 1
    name, content = original_file(shared, first.upload_id, actor=ANALYST)
    assert (name, content) == ("bnpt.xlsx", agency_file("BNPT", "Ya")) or name == "bnpt.xlsx"
    assert content[:2] == b"PK"
    ids = [row["audit_id"] for row in shared.query_rows("access/audit_log", action=None, limit=10)]
    assert sorted(ids) == list(range(1, len(ids) + 1))
    assert not shared.uploads_dir.exists()


def test_a_catalogue_on_the_lake_keeps_its_original_in_the_store_until_the_demo_goes(shared):
    from ranpe.plan import catalogue
    from tests.test_catalogue import GOOD, catalogue_file

    data = catalogue_file([GOOD])
    result = catalogue.import_bytes(shared, data, "m.xlsx", period="RANPE-2020", actor=ANALYST, is_demo=True)
    assert result.status == "stored"
    (version,) = shared.query_rows("plan/catalogue_demo_archives")
    assert shared.query_rows("store/original", archive_path=version["archive_path"])[0]["content"] == data
    assert not shared.uploads_dir.exists()
    assert catalogue.remove_demo(shared, actor=ANALYST) == 1
    assert shared.query_rows("store/original", archive_path=version["archive_path"]) == []


def test_another_process_commit_moves_the_data_version_within_a_second(server, shared):
    before = shared.data_version()
    script = (
        "import sys; from ranpe.store.connection import Store; from ranpe.ingest.pipeline import ingest_bytes;"
        "from tests.conftest import ANALYST; from tests.test_ingest import agency_file;"
        "s = Store(sys.argv[1], lake_data=sys.argv[2]);"
        "print(ingest_bytes(s, agency_file('BNPT', 'Ya'), 'b.xlsx', actor=ANALYST).status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(shared.path), str(server.data)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "stored"
    time.sleep(1.1)
    assert shared.data_version() != before
    assert shared.query_rows("store/counts")[0]["uploads"] == 1


def test_a_commit_of_another_process_replaces_what_this_one_had_read_within_a_second(server, shared):
    # This process has read the small tables (its in-memory copies of them are made), then another one commits.
    assert shared.query_rows("store/counts")[0]["uploads"] == 0
    assert shared.query_rows("measures/years_with_data") == []
    other = Store(str(shared.path), lake_data=str(server.data))
    try:
        assert ingest_bytes(other, agency_file("BNPT", "Ya"), "b.xlsx", actor=ANALYST).status == "stored"
        expected = other.query_rows("store/counts")[0]
    finally:
        other.close()
    time.sleep(1.1)
    assert shared.query_rows("store/counts")[0] == expected
    assert expected["uploads"] == 1
    assert [row["year"] for row in shared.query_rows("measures/years_with_data")] == [2023]


WRITER = """
import sys
from ranpe.store.connection import Store
from ranpe.ingest.pipeline import ingest_bytes, restore_upload
from tests.conftest import ANALYST
from tests.test_ingest import agency_file
store = Store(sys.argv[1], lake_data=sys.argv[2])
agencies = sys.argv[3].split(",")
for agency in agencies:
    result = ingest_bytes(store, agency_file(agency, "Ya"), agency + ".xlsx", actor=ANALYST)
    assert result.status == "stored", result
print("done")
"""


def test_two_processes_writing_at_once_lose_nothing(server, shared):
    url, data = str(shared.path), str(server.data)
    groups = ["BNPT,Kemenag,Polri,TNI", "Kemenkumham,Kemendagri,Kemenlu,BIN"]
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, data, group], cwd=REPO, stdout=subprocess.PIPE, text=True)
        for group in groups
    ]
    outputs = [writer.communicate(timeout=600)[0].strip() for writer in writers]
    assert outputs == ["done", "done"] and [w.returncode for w in writers] == [0, 0]
    counts = shared.query_rows("store/counts")[0]
    assert counts["uploads"] == 8
    assert counts["slices"] == 16  # 8 agencies × 2 pillars, each active once
    ids = [row[0] for row in shared.cursor().execute("select upload_id from uploads order by 1").fetchall()]
    assert ids == list(range(1, 9))
    audited = shared.cursor().execute("select count(*), count(distinct audit_id) from audit_log").fetchone()
    assert audited == (8, 8)


def test_migrate_copies_an_embedded_store_into_the_lake_with_its_history_and_originals(server, tmp_path, capsys):
    source_path = tmp_path / "ranpe.duckdb"
    with Store(source_path) as source:
        ingest_bytes(source, agency_file("BNPT", "Tidak"), "bnpt.xlsx", actor=ANALYST)
        ingest_bytes(source, agency_file("Kemenag", "Ya"), "kemenag.xlsx", actor=ANALYST)
        ingest_bytes(source, agency_file("BNPT", "Ya", pillars=(1,)), "bnpt2.xlsx", actor=ANALYST)
        expected = transfer.counts(source)
    dbname = server.new_database()
    try:
        assert main(["migrate", "--from", str(source_path), "--to", server.url(dbname)]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["copied"] == expected and report["years_verified"] == [2023]
        with Store(server.url(dbname), lake_data=str(server.data)) as target:
            assert transfer.counts(target) == expected
            assert original_file(target, 1, actor=ANALYST)[0] == "bnpt.xlsx"
            # The copy goes on as a store of its own: the next upload follows the copied ids.
            assert ingest_bytes(target, agency_file("Polri", "Ya"), "polri.xlsx", actor=ANALYST).upload_id == 4
        # A second copy into a store that holds uploads is refused.
        assert main(["migrate", "--from", str(source_path), "--to", server.url(dbname)]) == 1
    finally:
        server.drop(dbname)


def test_an_unreachable_postgresql_is_a_store_error_with_a_message(tmp_path):
    url = f"ducklake:postgres:dbname=lake host=127.0.0.1 port={free_port()} user=nobody connect_timeout=2"
    with pytest.raises(StoreUnavailable) as raised:
        Store(url, lake_data=str(tmp_path / "data"))
    assert isinstance(raised.value, StoreError) and "127.0.0.1" in str(raised.value)


def test_a_file_written_by_a_newer_duckdb_is_refused_with_a_message(tmp_path, capsys):
    newer = tmp_path / "ranpe.duckdb"
    header = bytearray(4096 * 3)
    header[8:12] = b"DUCK"
    header[12:20] = (999).to_bytes(8, "little")
    newer.write_bytes(bytes(header))
    assert main(["summary", "--year", "2024", "--db", str(newer), "--lang", "en"]) == 3
    message = capsys.readouterr().err
    assert "cannot be opened" in message and "python -m ranpe demo" in message and "Traceback" not in message


@pytest.mark.shared_store
@pytest.mark.timeout(300)
def test_a_page_says_postgresql_is_down_in_the_users_language_and_recovers_when_it_returns(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    with own_postgres() as (conninfo, server):
        monkeypatch.setenv("RANPE_STORE", "ducklake:postgres:" + conninfo + " connect_timeout=2")
        monkeypatch.setenv("RANPE_LAKE_DATA", str(tmp_path / "data"))
        monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
        app = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
        app.run()
        assert not app.exception
        server("stop")
        time.sleep(1.2)  # the data version is read again at most once a second
        app.run()
        assert not app.exception
        errors = " ".join(e.value for e in app.error)
        assert "server basis data (PostgreSQL) tidak dapat dihubungi" in errors
        server("start")
        time.sleep(1.2)
        app.run()
        assert not app.exception
        assert "PostgreSQL" not in " ".join(e.value for e in app.error)


def test_a_backup_of_the_lake_restores_as_a_file_store_with_its_originals(shared, tmp_path):
    from ranpe.store.backup import restore_backup, write_backup

    ingest_bytes(shared, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST)
    ingest_bytes(shared, agency_file("BNPT", "Tidak", pillars=(1,)), "bnpt2.xlsx", actor=ANALYST)
    expected = transfer.counts(shared)
    manifest = write_backup(shared, tmp_path / "lake.zip")
    assert manifest["counts"]["uploads"] == 2
    restore_backup(tmp_path / "lake.zip", tmp_path / "restored" / "ranpe.duckdb")
    with Store(tmp_path / "restored" / "ranpe.duckdb") as restored:
        assert transfer.counts(restored) == expected
        assert original_file(restored, 2, actor=ANALYST) == ("bnpt2.xlsx", original_file(shared, 2, actor=ANALYST)[1])


def test_a_message_about_the_shared_store_never_shows_its_password(tmp_path):
    url = f"ducklake:postgres:dbname=lake host=127.0.0.1 port={free_port()} user=nobody password=s3cret"
    with pytest.raises(StoreUnavailable) as raised:
        Store(url + " connect_timeout=2", lake_data=str(tmp_path / "data"))
    assert "s3cret" not in str(raised.value) and "password=***" in str(raised.value)


def test_removing_the_demo_data_removes_its_originals_from_the_lake_and_keeps_the_ids_counting_up(shared):
    from ranpe.ingest.pipeline import remove_demo

    kept = ingest_bytes(shared, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST)
    demo = ingest_bytes(shared, agency_file("Kemenag", "Ya"), "demo.xlsx", actor=ANALYST, is_demo=True)
    assert remove_demo(shared, actor=ANALYST) == 1
    assert original_file(shared, kept.upload_id, actor=ANALYST)[0] == "bnpt.xlsx"
    left = shared.cursor().execute("select count(*) from upload_originals").fetchone()[0]
    assert left == 1
    # The removed demo upload's id is not given again: the audit log still names it.
    after = ingest_bytes(shared, agency_file("Polri", "Ya"), "polri.xlsx", actor=ANALYST)
    assert after.upload_id == demo.upload_id + 1


def test_an_audit_entry_on_its_own_gets_the_next_id_and_keeps_the_stored_data(store):
    """On either store (the store fixture: --store=file or lake): a sign-in's audit entry is written alone."""
    from ranpe.access import audit
    from ranpe.access.roles import Actor

    ingest_bytes(store, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST)
    before = store.query_rows("store/counts")[0]
    audit.record(store, Actor("tamu", "viewer"), "sign_in", {"mode": "local"})
    entries = audit.entries(store, Actor("admin", "admin"), action="sign_in")
    assert [(e["actor"], e["audit_id"]) for e in entries] == [("tamu", 2)]
    assert store.query_rows("store/counts")[0] == before


def row_files(store: Store) -> dict[str, int]:
    cur = store.cursor()
    try:
        return {
            table: cur.execute(sql.load("store/lake_row_files"), {"table_name": table}).fetchone()[1]
            for table in lake.ROW_TABLES
        }
    finally:
        cur.close()


def inlined_row_tables(store: Store) -> list[str]:
    cur = store.cursor()
    try:
        return [
            row[0]
            for row in cur.execute(
                sql.load("store/lake_row_tables_inlined"), {"names": list(lake.ROW_TABLES)}
            ).fetchall()
        ]
    finally:
        cur.close()


def test_many_small_uploads_on_the_lake_go_to_few_parquet_files_and_count_as_on_a_file(shared, tmp_path):
    from ranpe.measures.filters import Filters
    from ranpe.measures.summary import summary

    # Never inlined in PostgreSQL (each of these uploads is under the inlining limit of the small tables).
    assert inlined_row_tables(shared) == []
    agencies = [row["code"] for row in shared.query_rows("reference/agencies")][: lake.MERGE_AT_FILES + 4]
    quarters = ("TW I", "TW II", "TW III", "TW IV")
    with Store(tmp_path / "ranpe.duckdb") as embedded:
        for number, agency in enumerate(agencies):
            data = agency_file(agency, "Ya" if number % 3 else "Tidak", quarter=quarters[number % 4])
            for store in (shared, embedded):
                assert ingest_bytes(store, data, f"{agency}.xlsx", actor=ANALYST).status == "stored"
        # A re-submission replaces rows: deletes in current_rows too.
        again = agency_file(agencies[0], "Ya", pillars=(1,), quarter="TW I")
        for store in (shared, embedded):
            assert ingest_bytes(store, again, "again.xlsx", actor=ANALYST).status == "stored"
        # Merged after the write that made them MERGE_AT_FILES: fewer files than uploads.
        files = row_files(shared)
        assert all(0 < count < lake.MERGE_AT_FILES for count in files.values()), files
        expected = transfer.counts(embedded)
        figures = {quarter: summary(embedded, Filters(year=2023, quarter=quarter)) for quarter in (1, 2, 3, 4)}
    assert transfer.counts(shared) == expected
    assert {quarter: summary(shared, Filters(year=2023, quarter=quarter)) for quarter in (1, 2, 3, 4)} == figures


def test_a_lake_whose_rows_were_inlined_moves_them_to_parquet_when_a_writer_opens_it(server, shared):
    # As a store written before this change: the row tables inlined like every table (up to 500 rows a write).
    with shared.write_alone() as cur:
        for table in lake.ROW_TABLES:
            cur.execute("call lake.set_option('data_inlining_row_limit', 500, table_name => $t)", {"t": table})
    assert sorted(inlined_row_tables(shared)) == sorted(lake.ROW_TABLES)
    assert ingest_bytes(shared, agency_file("BNPT", "Ya"), "bnpt.xlsx", actor=ANALYST).status == "stored"
    assert row_files(shared) == {table: 0 for table in lake.ROW_TABLES}
    before = transfer.counts(shared)
    reader = Store(shared.path, read_only=True, lake_data=str(server.data))
    try:
        assert sorted(inlined_row_tables(reader)) == sorted(lake.ROW_TABLES)  # a reader changes nothing
    finally:
        reader.close()
    with Store(shared.path, lake_data=str(server.data)) as writer:
        assert inlined_row_tables(writer) == []
        assert all(count == 1 for count in row_files(writer).values()), row_files(writer)
        assert transfer.counts(writer) == before


def test_pages_reading_at_once_reuse_the_pools_postgresql_connections(server, shared):
    import threading

    import psycopg

    name = next(part for part in shared.conninfo.split() if part.startswith("dbname=")).removeprefix("dbname=")
    admin = server.conninfo.replace("dbname=lake", "dbname=postgres")

    def sessions() -> int:
        time.sleep(1.5)  # PostgreSQL's statistics arrive within a second
        with psycopg.connect(admin) as pg:
            return pg.execute("select sessions from pg_stat_database where datname = %s", [name]).fetchone()[0]

    def reads() -> None:
        for _ in range(10):
            shared.query_rows("store/years")

    before = sessions()
    threads = [threading.Thread(target=reads) for _ in range(lake.POOL_CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # 160 reads at up to 16 at once: served by the pool's connections, not one new PostgreSQL session per read
    # beyond the pool (the extension's default pool of 4 opened ~1,500 sessions for 960 such reads).
    assert sessions() - before <= lake.POOL_CONNECTIONS + 4


def _snapshots(store: Store) -> int:
    return len(store.cursor().execute("select * from lake.snapshots()").fetchall())


def _parquet_files(store: Store) -> set[str]:
    (folder,) = store.cursor().execute(sql.load("store/lake_data_path")).fetchone()
    return {str(path) for path in Path(folder).rglob("*.parquet")}


def test_tidy_expires_old_snapshots_and_deletes_unneeded_files_keeping_every_version(shared, capsys):
    """`tidy` on the shared store: a dry run changes nothing; the first run expires every snapshot but the latest,
    the next deletes the data files they alone needed. Every upload, version and original stays: the figures, the
    history and a restore of a replaced version give what they gave before."""
    from ranpe.access import audit
    from ranpe.access.roles import Actor
    from ranpe.measures.filters import Filters
    from ranpe.measures.summary import summary

    replaced = agency_file("BNPT", "Tidak")
    first = ingest_bytes(shared, replaced, "bnpt.xlsx", actor=ANALYST)
    for agency in ("Kemenag", "POLRI", "BNPT"):  # BNPT's second report replaces its first
        assert ingest_bytes(shared, agency_file(agency, "Ya"), f"{agency}.xlsx", actor=ANALYST).status == "stored"
    figures = summary(shared, Filters(year=2023))
    counts = transfer.counts(shared)
    files_before = _parquet_files(shared)
    snapshots_before = _snapshots(shared)
    tidy = ["tidy", "--store", shared.path, "--keep-days", "0", "--json"]

    assert main([*tidy, "--dry-run"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert dry["dry_run"] and dry["snapshots"] == snapshots_before - 1
    assert _snapshots(shared) == snapshots_before

    assert main(tidy) == 0
    expired = json.loads(capsys.readouterr().out)
    assert expired["snapshots"] == snapshots_before - 1
    assert _snapshots(shared) == 2  # the latest, and the one of the audit entry of the tidy-up
    time.sleep(0.01)
    assert main(tidy) == 0  # the files set aside by the first run, now older than its moment
    deleted = json.loads(capsys.readouterr().out)
    assert deleted["snapshots"] == 1 and deleted["files"] > 0 and deleted["size"] > 0
    files_after = _parquet_files(shared)
    assert len(files_after) == len(files_before) - expired["files"] - deleted["files"] < len(files_before)

    assert summary(shared, Filters(year=2023)) == figures
    assert transfer.counts(shared) == {**counts, "audit_log": counts["audit_log"] + 2}  # and the two tidy-ups
    assert original_file(shared, first.upload_id, actor=ANALYST)[1] == replaced
    restore_upload(shared, first.upload_id, actor=ANALYST)  # the replaced version, from its rows
    assert summary(shared, Filters(year=2023, agency="BNPT"))["actions_committed"] == 0
    logged = [entry["details"] for entry in audit.entries(shared, Actor("admin", "admin"), action="store_tidy")]
    assert [entry["dry_run"] for entry in logged] == [False, False]

    assert main(["tidy", "--store", shared.path, "--lang", "en"]) == 0
    assert "Shared store tidied:" in capsys.readouterr().out


def test_tidy_of_an_embedded_store_says_there_is_nothing_to_do(tmp_path, capsys):
    path = tmp_path / "ranpe.duckdb"
    Store(path).close()
    assert main(["tidy", "--db", str(path), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "Embedded store" in said and "nothing to tidy" in said
    assert main(["tidy", "--db", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) is None
