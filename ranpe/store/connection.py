"""The one owner of the DuckDB connection: migrations, reads through a cursor per call, serialised writes."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from ranpe import config
from ranpe.store import sql

FOCUS_PROVINCES = ("72", "52", "35", "32", "33")
# Run by every write transaction that changed the active slices before it commits, in this order: the sums the
# measures read follow the active slices, whichever write changed them (on a store that has them: migration
# COUNTS_MIGRATION); store/counts_stale tells whether anything changed.
COUNTS_MIGRATION = 9
SYNC_COUNTS = (
    "store/sync_action_counts_delete",
    "store/sync_action_counts_insert",
    "store/sync_place_counts_delete",
    "store/sync_place_counts_insert",
    "store/sync_counted_slices_delete",
    "store/sync_counted_slices_insert",
)


# The data version of each open database file in this process, kept in memory: DuckDB lets no other process
# write a file this process holds open, so only this process's own commits move it. Keyed by the resolved
# path, so two Store objects on one file in this process see each other's writes.
_VERSIONS: dict[str, int] = {}


class StoreInUse(RuntimeError):
    """Another process holds the database file."""


class StoreError(RuntimeError):
    """The database file cannot be opened or upgraded."""


class Store:
    """A DuckDB file with the RAN PE schema. Thread-safe: a cursor per read, one writer at a time."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else config.db_path()
        self.uploads_dir = config.uploads_dir(self.path)
        self.read_only = read_only
        self._version_key = str(self.path.resolve())
        self._write_lock = threading.RLock()
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreInUse(str(self.path)) from exc
            raise StoreError(f"{self.path}: {exc}") from exc
        if not read_only:
            self._migrate()
        self._sync_counts = self.schema_version() >= COUNTS_MIGRATION
        # Nothing after start-up reads or writes files through DuckDB (uploads arrive as Arrow tables):
        # switch file and network access off, so no query can reach the file system. It cannot be re-enabled.
        self._con.execute("set enable_external_access = false")
        _VERSIONS[self._version_key] = self._stored_version()

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (the file stays consistent)."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file."""
        with self._write_lock:
            self._con.execute("checkpoint")

    @contextmanager
    def writes_paused(self) -> Iterator[None]:
        """While the block runs no write can start, and the file alone holds every committed write."""
        with self._write_lock:
            self._con.execute("checkpoint")
            yield

    # -- reads ---------------------------------------------------------------------------------

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for one read; DuckDB's rule for use from several threads."""
        return self._con.cursor()

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run queries/<name>.sql with bound parameters; the result as a DataFrame."""
        cur = self.cursor()
        try:
            return cur.execute(sql.load(name), params or None).df()
        finally:
            cur.close()

    def query_arrow(self, name: str, **params: Any) -> pa.Table:
        """Run queries/<name>.sql with bound parameters; the result as an Arrow table."""
        cur = self.cursor()
        try:
            return cur.execute(sql.load(name), params or None).to_arrow_table()
        finally:
            cur.close()

    def query_rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run queries/<name>.sql with bound parameters; the result as a list of dicts."""
        cur = self.cursor()
        try:
            result = cur.execute(sql.load(name), params or None)
            columns = [d[0] for d in result.description]
            return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
        finally:
            cur.close()

    def data_version(self) -> int:
        """A number that changes whenever stored data changes (kept in memory: cache keys ask for it often)."""
        return _VERSIONS[self._version_key]

    def _stored_version(self) -> int:
        return int(self.query_rows("store/data_version")[0]["version"])

    # -- writes --------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction: all of it is stored, or none of it. Whatever it changed in the active version of
        a slice is recorded in the history of activations (figures as of a date), whichever write it was, and the
        sums the measures read (action_counts, place_counts) follow it."""
        with self._transaction(record_activations=True) as cur:
            yield cur

    @contextmanager
    def _transaction(self, *, record_activations: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise StoreError("read-only store")
        with self._write_lock:
            cur = self._con.cursor()
            cur.execute("begin transaction")
            try:
                yield cur
                if record_activations:
                    cur.execute(sql.load("store/record_activations"), {"now": datetime.now()})
                    if self._sync_counts and cur.execute(sql.load("store/counts_stale")).fetchone()[0]:
                        for name in SYNC_COUNTS:
                            cur.execute(sql.load(name))
                version = cur.execute("update data_version set version = version + 1 returning version").fetchone()[0]
                cur.execute("commit")
                _VERSIONS[self._version_key] = int(version)
            except BaseException:
                cur.execute("rollback")
                raise
            finally:
                cur.close()

    # -- schema --------------------------------------------------------------------------------

    def schema_version(self) -> int:
        """The highest migration applied to this file."""
        cur = self.cursor()
        try:
            return int(cur.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()[0])
        finally:
            cur.close()

    def _migrate(self) -> None:
        self._con.execute(
            "create table if not exists schema_migrations (version integer primary key, applied_at timestamp)"
        )
        done = self.schema_version()
        for version, text in sql.migrations():
            if version <= done:
                continue
            # Before the history of activations exists (migration 6), nothing records into it.
            with self._transaction(record_activations=False) as cur:
                cur.execute(text)
                cur.execute("insert into schema_migrations values (?, ?)", [version, datetime.now()])
                seed = SEEDS.get(version)
                if seed is not None:
                    seed(cur)


def _read_reference(name: str) -> list[dict[str, str]]:
    with open(config.REFERENCE_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _load_obstacle_themes(cur: duckdb.DuckDBPyConnection) -> None:
    """Fill the obstacle-theme dictionary from the shipped CSV file (its migration only)."""
    for position, row in enumerate(_read_reference("obstacle_themes.csv"), start=1):
        cur.execute(
            "insert into obstacle_themes values (?, ?, ?, ?, ?, ?)",
            [row["theme"], position, row["name"], row["name_en"], row["words"], row["words_en"]],
        )


def _load_reference(cur: duckdb.DuckDBPyConnection) -> None:
    """Fill the reference tables from the shipped CSV files (first migration only)."""
    for row in _read_reference("agencies.csv"):
        cur.execute(
            "insert into agencies (code, name, short_name, name_en, aliases) values (?, ?, ?, ?, ?)",
            [row["code"], row["name"], row["short_name"], row["name_en"], row["aliases"]],
        )
    for row in _read_reference("pillars.csv"):
        cur.execute(
            "insert into pillars values (?, ?, ?, ?, ?)",
            [int(row["pillar"]), row["name"], row["name_en"], row["working_group"], row["aliases"]],
        )
    for row in _read_reference("provinces.csv"):
        cur.execute(
            "insert into provinces values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                row["code"],
                row["iso"],
                row["name"],
                row["name_en"],
                row["aliases"],
                float(row["centroid_lon"]),
                float(row["centroid_lat"]),
                row["code_kemendagri"],
                row["geojson_code"],
                row["code"] in FOCUS_PROVINCES,
            ],
        )


def _load_periods(cur: duckdb.DuckDBPyConnection) -> None:
    """Fill the plan periods from the shipped CSV file (its migration only; the groups come from the pillars)."""
    for row in _read_reference("periods.csv"):
        cur.execute(
            "insert into periods values (?, ?, ?, ?, ?, ?, ?, ?, false)",
            [
                row["code"],
                row["name"],
                row["name_en"],
                row["legal_basis"],
                int(row["first_year"]),
                int(row["last_year"]),
                row["group_word"],
                row["group_word_en"],
            ],
        )


# Migration version → what fills its new tables from data/reference/ in the same transaction.
SEEDS = {1: _load_reference, 6: _load_obstacle_themes, 8: _load_periods}
