"""Backups: a consistent copy of the store (taken after a checkpoint, writes paused) with the uploads archive,
in one zip file; and its restore into a new location, checked member by member.

python -m ranpe backup OUT.zip [--db DB]            (the app must not hold the store; or call write_backup)
python -m ranpe restore-backup IN.zip --db NEW_DB   (never overwrites an existing database)
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from ranpe import config
from ranpe.i18n import t
from ranpe.store import health, transfer
from ranpe.store.connection import Store

FORMAT = "pantau-ranpe-backup"
FORMAT_VERSION = 1
DB_MEMBER = "ranpe.duckdb"
UPLOADS_PREFIX = "uploads/"
MANIFEST = "manifest.json"
_COPY_CHUNK_BYTES = 1024 * 1024


class BackupError(RuntimeError):
    """A backup cannot be written or restored; the message is a translation key and its values."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.params)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_COPY_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def write_backup(store: Store, out: Path | str) -> dict[str, Any]:
    """Write the store and its uploads archive to the zip file out (which must not exist); its manifest. The shared
    store is first copied, writes paused across every process, into a DuckDB file and its uploads/ folder: the same
    backup format, which restore-backup makes a file store (then `migrate` it into a shared store)."""
    if store.is_lake and not Path(out).exists():
        with tempfile.TemporaryDirectory(prefix="ranpe-backup-") as folder:
            with Store(Path(folder) / DB_MEMBER) as copied:
                with store.writes_paused():
                    transfer.copy(store, copied)
                return write_backup(copied, out)
    out = Path(out)
    if out.exists():
        raise BackupError("reliability.backup_exists", path=out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    files: dict[str, dict[str, Any]] = {}
    with store.writes_paused(), zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        counts = store.query_rows("store/counts")[0]
        schema_version = store.schema_version()
        archive.write(store.path, DB_MEMBER)
        files[DB_MEMBER] = {"sha256": _sha256(store.path), "bytes": store.path.stat().st_size}
        originals = sorted(store.uploads_dir.glob("*")) if store.uploads_dir.is_dir() else []
        for original in originals:
            if original.is_file() and not original.name.endswith(".part"):
                name = UPLOADS_PREFIX + original.name
                archive.write(original, name)
                files[name] = {"sha256": _sha256(original), "bytes": original.stat().st_size}
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": datetime.now().isoformat(timespec="seconds"),
            "schema_version": schema_version,
            "counts": {k: int(v) for k, v in counts.items()},
            "files": files,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    partial.replace(out)
    return manifest


def _safe_member(name: str) -> bool:
    """Only the database and flat files under uploads/: no absolute paths, no '..', no sub-folders."""
    if name in (DB_MEMBER, MANIFEST):
        return True
    path = PurePosixPath(name)
    return (
        name.startswith(UPLOADS_PREFIX)
        and len(path.parts) == 2
        and path.name not in ("", ".", "..")
        and "\\" not in name
    )


def read_manifest(backup: Path | str) -> dict[str, Any]:
    """The manifest of a backup file, after checking that it is one and that every member is present."""
    backup = Path(backup)
    try:
        with zipfile.ZipFile(backup) as archive:
            names = set(archive.namelist())
            manifest = json.loads(archive.read(MANIFEST))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BackupError("reliability.backup_invalid", path=backup, detail=type(exc).__name__) from exc
    if manifest.get("format") != FORMAT or DB_MEMBER not in manifest.get("files", {}):
        raise BackupError("reliability.backup_invalid", path=backup, detail="manifest")
    unsafe = sorted(n for n in names | set(manifest["files"]) if not _safe_member(n))
    missing = sorted(set(manifest["files"]) - names)
    if unsafe or missing:
        raise BackupError("reliability.backup_invalid", path=backup, detail=", ".join(unsafe + missing)[:200])
    return manifest


def restore_backup(backup: Path | str, target_db: Path | str) -> tuple[dict[str, Any], list[health.Finding]]:
    """Restore a backup as a new store at target_db (never over an existing one); its manifest and health. Always a
    file store: into the shared store, restore to a file and `migrate` it (which copies only into an empty store)."""
    if config.is_lake(str(target_db)):
        raise BackupError("reliability.restore_target_exists", path=target_db)
    backup, target_db = Path(backup), Path(target_db)
    uploads_dir = config.uploads_dir(target_db)
    if target_db.exists() or Path(f"{target_db}.wal").exists() or (uploads_dir.is_dir() and any(uploads_dir.iterdir())):
        raise BackupError("reliability.restore_target_exists", path=target_db)
    manifest = read_manifest(backup)
    target_db.parent.mkdir(parents=True, exist_ok=True)
    uploads_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with zipfile.ZipFile(backup) as archive:
            for name, expected in manifest["files"].items():
                final = target_db if name == DB_MEMBER else uploads_dir / PurePosixPath(name).name
                partial = final.with_name(final.name + ".part")
                digest = hashlib.sha256()
                with archive.open(name) as source, open(partial, "wb") as target:
                    written.append(partial)
                    while chunk := source.read(_COPY_CHUNK_BYTES):
                        digest.update(chunk)
                        target.write(chunk)
                    target.flush()
                    os.fsync(target.fileno())
                if digest.hexdigest() != expected["sha256"]:
                    raise BackupError("reliability.backup_invalid", path=backup, detail=f"sha256 {name}")
                partial.replace(final)
                written.append(final)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    with Store(target_db) as restored:
        findings = health.check(restored)
    return manifest, findings
