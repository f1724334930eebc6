"""Copy one store into another (an embedded file into the shared store, or back): every table, every version,
upload, history and original file; then the row counts of both compared. `python -m ranpe migrate` and the
shared store's backups use it."""

from __future__ import annotations

import re
from typing import Any

from ranpe.store.connection import Store, StoreError

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")

# Kept by each store itself: the migrations it applied.
NOT_COPIED = frozenset({"schema_migrations", "upload_originals"})


def tables(store: Store) -> list[str]:
    """The store's own tables that hold data (upload_originals, the shared store's files, copied apart)."""
    return [row["table_name"] for row in store.query_rows("health/tables") if row["table_name"] not in NOT_COPIED]


def counts(store: Store) -> dict[str, int]:
    """Rows per table, and the number of original files kept."""
    found = {name: int(store.query_rows("store/table_count", table_name=name)[0]["n"]) for name in tables(store)}
    found["original_files"] = sum(
        1 for row in store.query_rows("health/archived_uploads") if store.original(row["archive_path"]) is not None
    )
    return found


def _copy_statements(name: str) -> tuple[str, str]:
    """The two statements that replace a table's rows by those registered as copied_rows. A table name cannot be a
    bound value: it comes from the store's own catalogue (health/tables, a name of the migrations), checked here to
    be a plain identifier, and is quoted."""
    if not _IDENTIFIER.fullmatch(name):
        raise StoreError(f"unexpected table name: {name!r}")
    return f'delete from "{name}"', f'insert into "{name}" by name select * from copied_rows'  # noqa: S608


def copy(source: Store, target: Store) -> dict[str, Any]:
    """Copy every row of source into target, which must be at the same schema version and hold no upload; the
    counts of both (equal, or StoreError)."""
    if source.schema_version() != target.schema_version():
        raise StoreError(f"schema {source.schema_version()} → {target.schema_version()}: open both with this version")
    if target.query_rows("store/counts")[0]["uploads"]:
        raise StoreError(f"{target.path}: holds uploads already (copy only into a new store)")
    names = tables(source)
    missing = sorted(set(names) - set(tables(target)))
    if missing:
        raise StoreError(f"{target.path}: no table {', '.join(missing)}")
    originals = [
        (row["archive_path"], source.original(row["archive_path"]))
        for row in source.query_rows("health/archived_uploads")
    ]
    with target.transaction() as cur:
        for name in names:
            rows = source.query_arrow("store/table_rows", table_name=name)
            emptying, filling = _copy_statements(name)
            cur.execute(emptying)
            cur.register("copied_rows", rows)
            try:
                cur.execute(filling)
            finally:
                cur.unregister("copied_rows")
        for archive_path, content in originals:
            if content is not None:
                target.keep_original(cur, archive_path, content)
    before, after = counts(source), counts(target)
    if before != after:
        raise StoreError(f"{target.path}: copied counts differ: {before} → {after}")
    return after
