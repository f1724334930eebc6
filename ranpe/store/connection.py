"""The one owner of the DuckDB connection: migrations, reads through a cursor per call, serialised writes."""

from __future__ import annotations

import csv
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import pyarrow as pa

from ranpe import config
from ranpe.store import lake, sql

T = TypeVar("T")

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


class LakeName(str):
    """The shared store's name (RANPE_STORE) where a file store has its path: str() gives it back unchanged (a Path
    would fold a URI's "//")."""


class StoreUnavailable(StoreError):
    """The shared store refused a read or a write, nothing of it stored: kind says why, each told by its own message
    (ranpe/i18n/store.py): "unreachable" (its PostgreSQL catalog; it may come back: open the store again),
    "conflict" (another writer, tried again until the tries ran out), "data_missing", "data_unwritable", "data_full"
    (the data folder, RANPE_LAKE_DATA), "catalogue_newer", "catalogue_older" (DuckLake's catalogue version), "failed"
    (an open that failed otherwise)."""

    def __init__(self, message: str, kind: str = "unreachable", params: dict[str, str] | None = None):
        # Messages reach terminals and logs: never with the connection string's password.
        super().__init__(lake.without_password(message))
        self.kind = kind
        self.params = params or {}

    @property
    def message_key(self) -> str:
        """The translation of what happened, for a page and the command line alike."""
        return f"store.fault_{self.kind}"


# How long the shared store's data version (its DuckLake snapshot id) is kept before it is read again.
SNAPSHOT_TTL_SECONDS = 1.0


class Store:
    """The RAN PE store: an embedded DuckDB file, or the shared store (DuckLake on a PostgreSQL catalog,
    `ducklake:postgres:<libpq connection string>`, its data files in RANPE_LAKE_DATA). Thread-safe: a cursor per
    read, one writer at a time (across processes and machines on the shared store)."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        read_only: bool = False,
        lake_data: str | None = None,
        threads: int | None = None,
    ):
        """threads: how many threads DuckDB runs each query on in this process (None: every core). The web app's
        many small reads take less CPU on one thread; ingest and the CLI keep every core."""
        target = str(path) if path is not None else config.store_target()
        self.is_lake = config.is_lake(target)
        self.read_only = read_only
        self._write_lock = threading.RLock()
        self._lock: lake.WriteLock | None = None
        self._snapshot: tuple[float, int] | None = None
        self._copies = lake.LocalCopies()
        if self.is_lake:
            self._open_lake(target, lake_data or config.lake_data_setting())
        else:
            self._open_file(Path(target))
        if threads is not None:
            self._con.execute(sql.load("store/threads"), {"threads": int(threads)})

    def _open_file(self, path: Path) -> None:
        self.path = path
        self.uploads_dir = config.uploads_dir(self.path)
        self._version_key = str(self.path.resolve())
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.IOException as exc:
            if "could not set lock" in str(exc).lower() or "conflicting lock" in str(exc).lower():
                raise StoreInUse(str(self.path)) from exc
            raise StoreError(f"{self.path}: {exc}") from exc
        except duckdb.Error as exc:
            # E.g. a file written by a newer DuckDB ("... storage version ..."): rebuild it (README).
            raise StoreError(f"{self.path}: {str(exc).splitlines()[0]}") from exc
        if not self.read_only:
            self._migrate()
        self._sync_counts = self.schema_version() >= COUNTS_MIGRATION
        # Nothing after start-up reads or writes files through DuckDB (uploads arrive as Arrow tables):
        # switch file and network access off, so no query can reach the file system. It cannot be re-enabled.
        self._con.execute("set enable_external_access = false")
        _VERSIONS[self._version_key] = self._stored_version()

    def _open_lake(self, target: str, data_path: str | None) -> None:
        # What names the store, exactly as given (cache keys and the web frame's reopening take str(store.path)).
        self.path = LakeName(target)
        self.conninfo = target.removeprefix(config.LAKE_PREFIX)
        self._version_key = target
        try:
            self._con, self.data_path = lake.connect(
                self.conninfo, data_path, str(config.DEFAULT_LAKE_DATA), read_only=self.read_only
            )
            # Never written: the shared store keeps original files in its table upload_originals.
            self.uploads_dir = Path(self.data_path) / "no-uploads-folder"
            if not self.read_only:
                self._lock = lake.WriteLock(self.conninfo)
                self._migrate()
            for _version, text in sql.migrations():
                for statement in lake.macros(text):
                    self._con.execute(statement)
            self._sync_counts = self.schema_version() >= COUNTS_MIGRATION
            # As on the embedded store, no query may reach the file system or the network: only the lake's own
            # data files stay reachable (its PostgreSQL connection is the extension's, not a query's).
            self._con.execute(sql.load("store/lake_allowed_directories"), {"data_path": self.data_path})
            self._con.execute("set enable_external_access = false")
        except (lake.LakeUnavailable, duckdb.Error) as exc:
            self.close()
            detail = str(exc).splitlines()[0]
            found = lake.fault(detail, self.conninfo, data_path) or ("failed", {})
            raise StoreUnavailable(f"{target}: {detail}", *found) from exc

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (the file stays consistent)."""
        if getattr(self, "_con", None) is not None:
            self._con.close()
        if self._lock is not None:
            self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file."""
        if self.is_lake:
            return
        with self._write_lock:
            self._con.execute("checkpoint")

    @contextmanager
    def writes_paused(self) -> Iterator[None]:
        """While the block runs no write can start, and the file alone holds every committed write."""
        with self._write_lock, self._shared_write():
            if not self.is_lake:
                self._con.execute("checkpoint")
            yield

    # -- reads ---------------------------------------------------------------------------------

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for one read; DuckDB's rule for use from several threads. On the shared store it
        reads the lake (a cursor starts on DuckDB's in-memory catalog) in one read transaction, its small tables from
        this process's copies of that snapshot (lake.LocalCopies) unless this process is writing."""
        return self._cursor(read=self.is_lake and (self._lock is None or not self._lock.held))

    def _cursor(self, *, read: bool = False) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        if self.is_lake:
            try:
                if read:
                    snapshot = self.data_version()
                    lake.read(cur, self._copies.schema(self._con, snapshot), snapshot)
                else:
                    lake.use(cur)
            except duckdb.Error as exc:
                cur.close()
                raise StoreUnavailable(f"{self.path}: {str(exc).splitlines()[0]}") from exc
        return cur

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one read, closed afterwards; on the shared store, PostgreSQL lost during the read is
        StoreUnavailable (a page says so and recovers on a later run), not DuckDB's error."""
        cur = self.cursor()
        try:
            yield cur
        except duckdb.Error as exc:
            unavailable = self._unavailable(exc)
            if unavailable is None:
                raise
            raise unavailable from exc
        finally:
            cur.close()

    def _unavailable(self, exc: BaseException) -> StoreUnavailable | None:
        """StoreUnavailable for an error of the shared store that is one of the faults told apart (its PostgreSQL gone,
        the data folder missing, unwritable or full, a conflict), else None."""
        if not self.is_lake or not isinstance(exc, duckdb.Error):
            return None
        # Every line: DuckLake says a commit failed on the first, why (a conflict) on the next.
        detail = " ".join(line.strip() for line in str(exc).splitlines()[:3])
        found = lake.fault(detail, self.conninfo, self.data_path)
        if found is None:
            return None
        return StoreUnavailable(f"{self.path}: {detail}", *found)

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run queries/<name>.sql with bound parameters; the result as a DataFrame."""
        with self.reading() as cur:
            return cur.execute(sql.load(name), params or None).df()

    def query_arrow(self, name: str, **params: Any) -> pa.Table:
        """Run queries/<name>.sql with bound parameters; the result as an Arrow table."""
        with self.reading() as cur:
            return cur.execute(sql.load(name), params or None).to_arrow_table()

    def query_rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run queries/<name>.sql with bound parameters; the result as a list of dicts."""
        with self.reading() as cur:
            result = cur.execute(sql.load(name), params or None)
            columns = [d[0] for d in result.description]
            return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]

    def data_version(self) -> int:
        """A number that changes whenever stored data changes (kept in memory: cache keys ask for it often).
        On the shared store, the DuckLake snapshot id, read again at most once a second, so that other processes'
        commits are seen within a rerun; this process's own commits at once."""
        if not self.is_lake:
            return _VERSIONS[self._version_key]
        now = time.monotonic()
        kept = self._snapshot
        if kept is not None and now - kept[0] < SNAPSHOT_TTL_SECONDS:
            return kept[1]
        return self._read_snapshot()

    def _read_snapshot(self) -> int:
        # A plain cursor: a read cursor would ask data_version() for the snapshot its copies are of.
        cur = self._cursor()
        try:
            snapshot = int(cur.execute(sql.load("store/lake_snapshot")).fetchone()[0])
        except duckdb.Error as exc:
            raise StoreUnavailable(f"{self.path}: {str(exc).splitlines()[0]}") from exc
        finally:
            cur.close()
        self._snapshot = (time.monotonic(), snapshot)
        return snapshot

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
        with self._write_cursor() as cur:
            yield cur
            if record_activations:
                cur.execute(sql.load("store/record_activations"), {"now": datetime.now()})
                if self._sync_counts and cur.execute(sql.load("store/counts_stale")).fetchone()[0]:
                    for name in SYNC_COUNTS:
                        cur.execute(sql.load(name))
            # Two statements: DuckLake has no RETURNING on an update.
            cur.execute("update data_version set version = version + 1")
            version = cur.execute("select version from data_version").fetchone()[0]
            cur.execute("commit")
            _VERSIONS[self._version_key] = int(version)
            if self.is_lake:
                lake.merge_row_files(cur)
        if self.is_lake:
            self._read_snapshot()

    def retrying(self, write: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """write(cur) in one transaction(), run again from the start when it lost a race with another writer (a
        DuckLake transaction conflict: a writer outside this app's write lock), after a bounded back-off; the conflict
        is StoreUnavailable(kind="conflict") only when the tries ran out. write must only touch the store."""
        pauses = iter(lake.CONFLICT_PAUSES_SECONDS)
        while True:
            try:
                with self.transaction() as cur:
                    return write(cur)
            except StoreUnavailable as exc:
                pause = next(pauses, None)
                if exc.kind != "conflict" or pause is None:
                    raise
                time.sleep(pause)

    @contextmanager
    def write_alone(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A write that changes no data shown (an audit entry of a sign-in or an export, a user): serialised like
        every write (its id is allocated inside it), committed on its own, the data version (and so the caches)
        kept."""
        with self._write_cursor() as cur:
            yield cur
            cur.execute("commit")

    @contextmanager
    def _write_cursor(self, *, transaction: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor in an open transaction (or, transaction=False, committing each statement on its own), one writer
        at a time (across processes on the shared store). The block commits; whatever it raises rolls the transaction
        back, PostgreSQL lost on the way being StoreUnavailable."""
        if self.read_only:
            raise StoreError("read-only store")
        with self._write_lock, self._shared_write():
            cur = self._cursor()
            try:
                if transaction:
                    cur.execute("begin transaction")
                yield cur
            except BaseException as exc:
                try:
                    if transaction:
                        cur.execute("rollback")
                except duckdb.Error:
                    pass  # A commit that failed, or a lost connection, has already ended the transaction.
                unavailable = self._unavailable(exc)
                if unavailable is not None:
                    raise unavailable from exc
                raise
            finally:
                cur.close()

    @contextmanager
    def _shared_write(self) -> Iterator[None]:
        """On the shared store, the PostgreSQL advisory lock around one write transaction: writers from every process
        and machine take turns (readers never wait); a process that dies releases it with its session."""
        if self._lock is None:
            yield
            return
        try:
            self._lock.acquire()
        except lake.LakeUnavailable as exc:
            raise StoreUnavailable(f"{self.path}: {exc}") from exc
        try:
            yield
        finally:
            self._lock.release()

    def tidy(self, older_than: datetime, *, dry_run: bool = False) -> lake.Tidied | None:
        """The shared store: its DuckLake snapshots before older_than expired and the data files no kept snapshot
        needs deleted (lake.tidy), one writer at a time as every write. Every version of the data stays: versions
        are rows, and figures as of a date read slice_activations, never an old snapshot. None for an embedded
        store: DuckDB reuses the space of deleted rows inside its file, nothing is left to delete."""
        if not self.is_lake:
            return None
        with self._write_cursor(transaction=False) as cur:  # DuckLake's maintenance calls commit on their own
            return lake.tidy(cur, older_than, dry_run)

    # -- schema --------------------------------------------------------------------------------

    def schema_version(self) -> int:
        """The highest migration applied to this file."""
        cur = self.cursor()
        try:
            return int(cur.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()[0])
        finally:
            cur.close()

    def _migrate(self) -> None:
        # On the shared store, under the write lock: two processes starting at once apply each migration once.
        with self._write_lock, self._shared_write():
            self._migrate_locked()

    def _migrate_locked(self) -> None:
        self._con.execute(self._schema_sql(sql.load("store/create_schema_migrations")))
        if self.is_lake:
            self._con.execute(sql.load("store/create_originals"))
        done = self.schema_version()
        for version, text in sql.migrations():
            if version <= done:
                continue
            # Before the history of activations exists (migration 6), nothing records into it.
            with self._transaction(record_activations=False) as cur:
                cur.execute(self._schema_sql(text))
                cur.execute("insert into schema_migrations values (?, ?)", [version, datetime.now()])
                seed = SEEDS.get(version)
                if seed is not None:
                    seed(cur)
        if self.is_lake:
            cur = self._cursor()
            try:
                lake.keep_rows_in_files(cur)
            finally:
                cur.close()

    def _schema_sql(self, text: str) -> str:
        """A migration as this store takes it (the shared store has no keys, sequences or indexes)."""
        return lake.translate(text) if self.is_lake else text

    # -- original files --------------------------------------------------------------------------------

    def keep_original(self, cur: duckdb.DuckDBPyConnection, archive_path: str, content: bytes) -> None:
        """Keep an upload's original bytes: in the open transaction cur (shared store), or as a file (embedded)."""
        if self.is_lake:
            cur.execute(sql.load("store/original_insert"), {"archive_path": archive_path, "content": content})
            return
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        (self.uploads_dir / archive_path).write_bytes(content)

    def original(self, archive_path: str) -> bytes | None:
        """The original bytes of an upload archived under this name, or None: files under uploads/ beside the
        embedded store; a table of the shared store (every process and machine reads the same)."""
        if self.is_lake:
            rows = self.query_rows("store/original", archive_path=archive_path)
            return bytes(rows[0]["content"]) if rows else None
        base = self.uploads_dir.resolve()
        path = (base / archive_path).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            return None
        return path.read_bytes()


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
