"""Backups restore into a new location with every table and every original file equal; the start-up health
check names what is wrong instead of serving wrong numbers."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from ranpe.access.roles import SYSTEM
from ranpe.ingest.pipeline import ingest_bytes, restore_upload
from ranpe.store import backup, health
from ranpe.store.connection import Store
from tests import hostile
from tests.conftest import ANALYST, REPO


def _fill(store: Store) -> None:
    ingest_bytes(store, hostile.valid_xlsx(5), "laporan_bnpt.xlsx", actor=ANALYST)
    rows = [hostile.HEADER] + [hostile.data_row(n, Kementerian_Lembaga="Kemenag") for n in range(1, 4)]
    first = ingest_bytes(store, hostile.csv_bytes(rows, ";"), "kemenag.csv", actor=ANALYST)
    rows[1] = hostile.data_row(1, Kementerian_Lembaga="Kemenag", Komitmen="Tidak")
    ingest_bytes(store, hostile.csv_bytes(rows, ";"), "kemenag_revisi.csv", actor=ANALYST)
    restore_upload(store, first.upload_id, actor=ANALYST)
    ingest_bytes(store, b"%PDF-1.4 not a sheet", "salah.xlsx", actor=ANALYST)


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main' "
                "and table_type = 'BASE TABLE' order by 1"
            ).fetchall()
        ]
        return {name: con.execute(f'select * from "{name}" order by all').fetchall() for name in names}
    finally:
        con.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*"))}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ranpe", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )


@pytest.mark.slow
def test_backup_and_restore_through_the_cli_reproduce_every_table_and_file(tmp_path):
    source = tmp_path / "live" / "ranpe.duckdb"
    with Store(source) as store:
        _fill(store)
        counts = store.query_rows("store/counts")[0]
    out = tmp_path / "cadangan" / "ranpe-backup.zip"
    run = _cli("backup", str(out), "--db", str(source), "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert "Backup written" in run.stdout and "3 original files" in run.stdout and "4 uploads" in run.stdout
    target = tmp_path / "pulih" / "ranpe.duckdb"
    run = _cli("restore-backup", str(out), "--db", str(target))
    assert run.returncode == 0, run.stderr
    assert "dipulihkan" in run.stdout
    original, restored = _tables(source), _tables(target)
    assert set(original) >= {"uploads", "submission_rows", "active_slices", "agencies", "provinces"}
    assert original == restored
    assert counts["uploads"] == 4 and counts["refused"] == 1
    assert _files(source.parent / "uploads") == _files(target.parent / "uploads")
    assert len(_files(target.parent / "uploads")) == 3
    with Store(target) as reopened:
        assert health.check(reopened) == []


def test_backup_from_the_running_app_is_consistent_while_it_stays_open(tmp_path):
    store = Store(tmp_path / "live" / "ranpe.duckdb")
    try:
        _fill(store)
        manifest = backup.write_backup(store, tmp_path / "b.zip")
        ingest_bytes(store, hostile.valid_xlsx(7), "sesudah.xlsx", actor=ANALYST)  # after the backup: not in it
    finally:
        store.close()
    backup.restore_backup(tmp_path / "b.zip", tmp_path / "new" / "ranpe.duckdb")
    restored = _tables(tmp_path / "new" / "ranpe.duckdb")
    assert len(restored["uploads"]) == manifest["counts"]["uploads"] == 4
    assert len(restored["submission_rows"]) == manifest["counts"]["rows_stored"]


def test_backup_never_overwrites_and_restore_never_overwrites(tmp_path, store):
    out = tmp_path / "b.zip"
    out.write_bytes(b"precious")
    with pytest.raises(backup.BackupError) as refused:
        backup.write_backup(store, out)
    assert out.read_bytes() == b"precious" and "already exists" in refused.value.message("en")
    backup.write_backup(store, tmp_path / "ok.zip")
    with pytest.raises(backup.BackupError) as refused:
        backup.restore_backup(tmp_path / "ok.zip", store.path)
    assert refused.value.key == "reliability.restore_target_exists"


def _rewritten(source: Path, change) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w") as new:
        manifest = json.loads(old.read("manifest.json"))
        for name in old.namelist():
            if name != "manifest.json":
                new.writestr(name, change(name, old.read(name), manifest))
        new.writestr("manifest.json", json.dumps(manifest))
    return buffer.getvalue()


def _tampered(name, content, manifest):
    return content + b"x" if name.startswith("uploads/") else content


def _slipped(name, content, manifest):
    if name.startswith("uploads/"):
        manifest["files"]["uploads/../../evil.csv"] = manifest["files"][name]
    return content


@pytest.mark.parametrize("change", [_tampered, _slipped], ids=["tampered_file", "path_traversal"])
def test_a_damaged_or_hostile_backup_is_refused_and_leaves_nothing(tmp_path, change):
    with Store(tmp_path / "live" / "ranpe.duckdb") as store:
        _fill(store)
        backup.write_backup(store, tmp_path / "b.zip")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(_rewritten(tmp_path / "b.zip", change))
    target = tmp_path / "new" / "ranpe.duckdb"
    with pytest.raises(backup.BackupError) as refused:
        backup.restore_backup(bad, target)
    assert refused.value.key == "reliability.backup_invalid"
    assert refused.value.message("id") and refused.value.message("en")
    assert not target.exists() and not (tmp_path / "evil.csv").exists()
    assert [p for p in target.parent.rglob("*") if p.is_file()] == []


def test_restore_of_a_non_backup_is_refused_clearly_by_the_cli(tmp_path):
    not_backup = tmp_path / "x.zip"
    not_backup.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    run = _cli("restore-backup", str(not_backup), "--db", str(tmp_path / "n.duckdb"), "--lang", "en")
    assert run.returncode == 1 and "not a complete Pantau RAN PE backup" in run.stderr
    assert "Traceback" not in run.stderr


# -- the start-up health check ------------------------------------------------------------------------


def _keys(store: Store) -> list[str]:
    return [f.key for f in health.check(store)]


def test_a_healthy_store_has_no_findings(store):
    _fill(store)
    assert health.check(store) == []


def test_half_stored_upload_is_named(store):
    _fill(store)
    with store.transaction() as cur:
        cur.execute("delete from submission_rows where upload_id = 1 and source_row = 3")
    [finding] = health.check(store)
    assert finding.key == "reliability.health_row_count"
    assert finding.message("en") == "Upload #1 records 5 rows but the database holds 4"


def test_active_slice_without_its_upload_is_named(store):
    _fill(store)
    with store.transaction() as cur:
        cur.execute("update active_slices set upload_id = 99 where agency_code = 'BNPT'")
    assert set(_keys(store)) == {"reliability.health_active_missing"}


@pytest.mark.file_only  # the shared store keeps originals in a table
def test_missing_original_file_is_named(store):
    _fill(store)
    next(store.uploads_dir.glob("*")).unlink()
    assert _keys(store) == ["reliability.health_archive_missing"]


def test_missing_original_in_the_shared_store_is_named(lake_server):
    with lake_server.fresh_store() as store:
        _fill(store)
        assert _keys(store) == []
        with store.write_alone() as cur:
            cur.execute(
                "delete from upload_originals where archive_path = "
                "(select archive_path from uploads where status = 'stored' order by upload_id desc limit 1)"
            )
        assert _keys(store) == ["reliability.health_archive_missing"]


def test_schema_newer_than_the_app_is_named(store):
    with store.transaction() as cur:
        cur.execute("insert into schema_migrations values (999, now())")
    [finding] = health.check(store)
    assert finding.key == "reliability.health_schema_new" and "999" in finding.message("id")


def test_audit_log_that_disagrees_with_the_data_is_named(store):
    if "audit_log" not in {r["table_name"] for r in store.query_rows("health/tables")}:
        pytest.skip("no audit log in this schema")
    _fill(store)
    with store.transaction() as cur:
        cur.execute(
            "delete from audit_log where action in ('upload', 'replace') "
            "and json_extract_string(details, '$.upload_id') = '2'"
        )
        # The id as the code allocates it (max + 1 inside the write; the shared store has no sequences).
        cur.execute(
            "insert into audit_log (audit_id, logged_at, actor, role, action, details) "
            "select coalesce(max(audit_id), 0) + 1, now(), 'x', 'admin', 'upload', '{\"upload_id\": 77}' "
            "from audit_log"
        )
    assert sorted(_keys(store)) == ["reliability.health_audit_missing", "reliability.health_audit_orphan"]
    messages = [f.message("en") for f in health.check(store)]
    assert any("#2" in m for m in messages) and any("#77" in m for m in messages)


def test_removing_demo_data_is_not_an_audit_disagreement(store):
    ingest_bytes(store, hostile.valid_xlsx(2), "demo.xlsx", actor=SYSTEM, is_demo=True)
    from ranpe.ingest.pipeline import remove_demo

    remove_demo(store, actor=SYSTEM)
    assert health.check(store) == []
