"""The shared store's parts: DuckLake on a PostgreSQL catalog, opened offline, its schema translated, its writes
serialised across processes and machines by a PostgreSQL advisory lock."""

from __future__ import annotations

import os
import re
import site
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from ranpe.store import sql

# The extensions come from PyPI packages (duckdb-extension-ducklake, duckdb-extension-postgres-scanner), loaded
# from their files: DuckDB would otherwise try to download them. postgres_scanner is the name whose entry point
# DuckDB expects (the same bytes named postgres.duckdb_extension fail to load).
EXTENSIONS = (("duckdb_extension_postgres_scanner", "postgres_scanner"), ("duckdb_extension_ducklake", "ducklake"))

INLINING_ROW_LIMIT = 500
POOL_CONNECTIONS = 16

# One number for every write of the RAN PE store: pg_advisory_lock takes a bigint.
WRITE_LOCK_KEY = 7_262_736_001
# And one for the demo's load on a first start (ranpe.demo.load_if_empty): many transactions, one process at a time.
DEMO_LOCK_KEY = 7_262_736_002

# What DuckLake has not: keys, sequences, nextval defaults, indexes. Ids are allocated by the writing code
# (max + 1 inside the serialised write) and uniqueness kept by it, on both stores.
_TRANSLATIONS = (
    (re.compile(r"^\s*create\s+sequence\b[^;]*;\s*$", re.IGNORECASE | re.MULTILINE), ""),
    (re.compile(r"^\s*create\s+(unique\s+)?index\b[^;]*;\s*$", re.IGNORECASE | re.MULTILINE), ""),
    (re.compile(r",\s*primary\s+key\s*\([^)]*\)", re.IGNORECASE), ""),
    (re.compile(r"\s+primary\s+key\b", re.IGNORECASE), ""),
    (re.compile(r"\s+default\s+nextval\s*\(\s*'[^']*'\s*\)", re.IGNORECASE), ""),
)

# Macros live in DuckDB's in-memory catalog, defined anew on each open from every migration in order: DuckLake
# would store them, but it cannot read back a parameter's NULL default (counted_rows' `sel_as_of := null`).
_STATEMENT_END = re.compile(r";\s*(?:\n|$)")
_MACRO = re.compile(r"^(?:\s*--[^\n]*\n)*\s*(create|drop)\s+macro\b", re.IGNORECASE)
_CREATE_MACRO = re.compile(r"^((?:\s*--[^\n]*\n)*\s*)create\s+macro\s+", re.IGNORECASE)


class LakeUnavailable(RuntimeError):
    """The PostgreSQL catalog of the shared store cannot be reached."""


def translate(text: str) -> str:
    """A migration's SQL as DuckLake takes it: without primary keys, sequences, nextval defaults, indexes and macros
    (see macros())."""
    for pattern, replacement in _TRANSLATIONS:
        text = pattern.sub(replacement, text)
    kept = [statement for statement in _statements(text) if not _MACRO.match(statement)]
    return ";\n".join(kept) + (";\n" if kept else "")


def macros(text: str) -> list[str]:
    """A migration's macros, each as `create or replace macro memory.main.<name>`: run in order over every migration
    on each open of the shared store, the last definition of each name wins, as on the embedded store."""
    return [
        _CREATE_MACRO.sub(r"\1create or replace macro memory.main.", statement, count=1)
        for statement in _statements(text)
        if _CREATE_MACRO.match(statement)
    ]


def _statements(text: str) -> list[str]:
    return [statement for statement in _STATEMENT_END.split(text) if statement.strip()]


def extension_file(package: str, name: str) -> Path:
    """The .duckdb_extension file a PyPI package ships for this DuckDB version."""
    version = f"v{duckdb.__version__}"
    for root in [*site.getsitepackages(), site.getusersitepackages(), *sys.path]:
        candidate = Path(root) / package / "extensions" / version / f"{name}.duckdb_extension"
        if candidate.is_file():
            return candidate
    raise LakeUnavailable(f"{package}: no {name}.duckdb_extension for DuckDB {version} (see requirements.txt)")


def connect(
    conninfo: str, data_path: str | None, default_data_path: str, *, read_only: bool
) -> tuple[duckdb.DuckDBPyConnection, str]:
    """An in-memory DuckDB with the lake attached as `lake` and in use, so every query of queries/ runs unchanged;
    and the folder of its data files: data_path when given (it must be the one the catalogue names), else the
    catalogue's own, else (a new store) default_data_path. A writer that finds no catalogue yet attaches under the
    write lock: DuckLake creates its catalogue on the first ATTACH, and two processes creating it at once fail
    (`duplicate key value violates unique constraint "pg_type_typname_nsp_index"`); the second one waits, then
    finds it made."""
    if read_only or catalogue_ready(conninfo):
        try:
            return _connect_any(conninfo, data_path, default_data_path, read_only=read_only)
        except LakeUnavailable as exc:
            # Another process without this lock (an older version of the app) was creating the catalogue.
            if read_only or not conflict(str(exc)):
                raise
    pauses = iter(CONFLICT_PAUSES_SECONDS)
    while True:
        try:
            with held(conninfo, WRITE_LOCK_KEY):
                return _connect_any(conninfo, data_path, default_data_path, read_only=read_only)
        except LakeUnavailable as exc:
            pause = next(pauses, None)
            if pause is None or not conflict(str(exc)):
                raise
            time.sleep(pause)


def catalogue_ready(conninfo: str) -> bool:
    """Whether DuckLake's catalogue exists in the PostgreSQL database, whole (its first snapshot written: DuckLake
    writes it last when it creates the catalogue)."""
    import psycopg

    try:
        with psycopg.connect(conninfo, connect_timeout=5) as pg:
            found = pg.execute(sql.load("store/lake_catalogue_ready")).fetchone()
    except psycopg.OperationalError as exc:
        raise LakeUnavailable(str(exc).splitlines()[0]) from exc
    return bool(found and found[0])


def _connect_any(
    conninfo: str, data_path: str | None, default_data_path: str, *, read_only: bool
) -> tuple[duckdb.DuckDBPyConnection, str]:
    try:
        if data_path is None:
            try:
                return _connect(conninfo, None, read_only=read_only)
            except LakeUnavailable as exc:
                if "data_path" not in str(exc).lower():
                    raise
            data_path = default_data_path
        return _connect(conninfo, data_path, read_only=read_only)
    except duckdb.Error as exc:
        raise LakeUnavailable(str(exc).splitlines()[0]) from exc


def _connect(conninfo: str, data_path: str | None, *, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, str]:
    con = duckdb.connect()
    try:
        con.execute("set autoinstall_known_extensions = false")
        con.execute("set autoload_known_extensions = false")
        for package, name in EXTENSIONS:
            # LOAD and ATTACH take no bound values: their text holds paths of this installation and the
            # configured connection string (RANPE_STORE, RANPE_LAKE_DATA), quoted; never a user's value.
            loading = f"load '{_quoted(str(extension_file(package, name)))}'"
            con.execute(loading)
        # The postgres extension's pool checks each connection with a `SELECT 1` twice per use (two of the six
        # PostgreSQL round trips of a small read). It stays on: with it off (pg_pool_health_check_query = ''), a
        # PostgreSQL that went away while a page ran aborted the whole process (DuckDB 1.5.5; test_users_store.py).
        # The pool keeps POOL_CONNECTIONS connections to PostgreSQL; a read beyond them opens one of its own and
        # closes it (the extension's default of 4: 16 pages reading at once opened ~1,500 PostgreSQL sessions for 960
        # reads, 17 with 16 kept). PostgreSQL's max_connections must hold processes × (POOL_CONNECTIONS + 2).
        pooling = f"set pg_pool_max_connections = {int(POOL_CONNECTIONS)}"
        con.execute(pooling)
        # Small writes (an audit entry, a setting, a few rows) stay in PostgreSQL instead of a Parquet file each.
        options = [f"data_inlining_row_limit {INLINING_ROW_LIMIT}"]
        if data_path is not None:
            if not read_only:
                Path(data_path).mkdir(parents=True, exist_ok=True)
            options.append(f"data_path '{_quoted(data_path.rstrip('/') + '/')}'")
        if read_only:
            options.append("read_only")
        attaching = f"attach '{_quoted('ducklake:postgres:' + conninfo)}' as lake ({', '.join(options)})"
        con.execute(attaching)
        use(con)
        stored = con.execute(sql.load("store/lake_data_path")).fetchone()[0]
    except duckdb.Error as exc:
        con.close()
        raise LakeUnavailable(str(exc).splitlines()[0]) from exc
    return con, str(stored)


def use(cur: duckdb.DuckDBPyConnection) -> None:
    """Point a connection or cursor at the lake: its tables by their bare names, the macros of memory.main too."""
    cur.execute("use lake")
    cur.execute("set search_path = 'lake.main,memory.main'")


# What DuckDB's postgres extension says when the catalog's server went away during a read or a write (PostgreSQL's
# texts are English: scripts/postgres.sh and the deploy set lc_messages=C).
_LOST_CONNECTION = re.compile(
    r"unable to connect to postgres|server closed the connection|terminat(?:ing|ed) (?:connection|abnormally)"
    r"|no connection to the server|connection refused|could not (?:connect|receive data|send data)"
    r"|failed to query most recent snapshot|SSL SYSCALL",
    re.IGNORECASE,
)


# What DuckLake and PostgreSQL say when two writers met: DuckLake's transaction conflict, PostgreSQL's serialization
# failure and deadlock, and two processes creating the same catalogue table at once.
_CONFLICT = re.compile(
    r"transaction conflict|could not serialize|deadlock detected|pg_type_typname_nsp_index"
    r"|relation \"ducklake_\w+\" already exists",
    re.IGNORECASE,
)
# The pauses between the tries of an attach that met another writer (a bounded back-off, ~1.5 s in all).
CONFLICT_PAUSES_SECONDS = (0.1, 0.2, 0.4, 0.8)


def conflict(message: str) -> bool:
    """Whether an error's text says the write met another writer (worth trying again)."""
    return bool(_CONFLICT.search(message))


def lost_connection(message: str) -> bool:
    """Whether an error's text says the PostgreSQL catalog could not be reached."""
    return bool(_LOST_CONNECTION.search(message))


_CATALOGUE_VERSION = re.compile(
    r"catalog version is (\d+(?:\.\d+)*), but the extension requires version (\d+(?:\.\d+)*)"
)
_DATA_FULL = re.compile(r"no space left on device|disk quota exceeded", re.IGNORECASE)
_DATA_UNWRITABLE = re.compile(r"permission denied|read-only file system|operation not permitted", re.IGNORECASE)
_DATA_MISSING = re.compile(r"no such file or directory|cannot open file|could not open file", re.IGNORECASE)


def fault(message: str, conninfo: str, data_path: str | None) -> tuple[str, dict[str, str]] | None:
    """What an error of the shared store was, as one of the faults a user is told apart (ranpe/i18n/store.py,
    store.fault_<kind>) with its details; None for an error that is none of them."""
    if data_path is not None:
        data_path = data_path.rstrip("/") or "/"
    found = _CATALOGUE_VERSION.search(message)
    if found:
        kind = "catalogue_newer" if _version(found[1]) > _version(found[2]) else "catalogue_older"
        return kind, {"found": found[1], "expected": found[2]}
    if conflict(message):
        return "conflict", {}
    if lost_connection(message):
        return "unreachable", {}
    local = data_path is not None and "://" not in data_path
    if local and not os.path.isdir(data_path):
        return "data_missing", {"path": data_path}
    for kind, pattern in (("data_full", _DATA_FULL), ("data_unwritable", _DATA_UNWRITABLE)):
        if pattern.search(message):
            return kind, {"path": data_path or ""}
    if local and not _writable(data_path):
        return "data_unwritable", {"path": data_path}
    if _DATA_MISSING.search(message) and data_path:
        return "data_missing", {"path": data_path}
    if not reachable(conninfo):
        return "unreachable", {}
    return None


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def _writable(folder: str) -> bool:
    """Whether a file can be made in the folder now (os.access says yes to root on a read-only mount)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".ranpe-probe-"):
            return True
    except OSError:
        return False


def reachable(conninfo: str) -> bool:
    """Whether the catalog's PostgreSQL answers now (asked only after an error whose text does not say)."""
    import psycopg

    try:
        with psycopg.connect(conninfo, connect_timeout=2) as pg:
            pg.execute("select 1")
    except psycopg.Error:
        return False
    return True


def read(cur: duckdb.DuckDBPyConnection, copies: str, snapshot: int) -> None:
    """A cursor for reads only, in one read transaction, so that all it reads is of one snapshot: the copied tables
    from this process's copies (copies: the schema LocalCopies made at snapshot) when the transaction's snapshot is
    that one, else (another process committed since) every table from the lake. DuckLake looks up its snapshot once
    per transaction (with each pooled PostgreSQL connection's begin, commit and reset): once for the cursor's life
    instead of once for each statement (the `use`, the search path, each query)."""
    cur.execute("begin transaction")
    cur.execute("use lake")
    seen = int(cur.execute(sql.load("store/lake_snapshot")).fetchone()[0])
    # The schema's name is LocalCopies' own (a snapshot id): SET takes no bound value.
    first = f"memory.{copies}," if seen == snapshot else ""
    pointing = f"set search_path = '{first}lake.main,memory.main'"
    cur.execute(pointing)


def without_password(text: str) -> str:
    """A connection string fit for a message: its password (key=value or URI form) hidden."""
    text = re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", text, flags=re.IGNORECASE)
    return re.sub(r"(://[^:/@\s]+:)[^@\s]+@", r"\1***@", text)


def _quoted(text: str) -> str:
    return text.replace("'", "''")


# The small tables every page reads, each query anew: the reference tables, the catalogue, the slices and the sums
# the measures read (migration 010). On the shared store each read of a table costs DuckLake several PostgreSQL round
# trips (snapshot, file list, statistics; an inlined table's rows and, at an older schema version, the whole
# schema), ~10-40 ms a table on this machine against ~1 ms in a file. Each process copies them into memory once per
# snapshot and reads them there. Never copied: the row tables (current_rows, submission_rows: read in place from
# Parquet), and what a write outside the data version changes (audit log, users, settings, originals).
COPIED_TABLES = (
    "action_counts",
    "active_slices",
    "agencies",
    "catalogue_actions",
    "catalogue_activations",
    "catalogue_supporting",
    "catalogue_versions",
    "catalogue_years",
    "counted_slices",
    "crosswalk",
    "data_version",
    "obstacle_themes",
    "period_groups",
    "periods",
    "place_counts",
    "provinces",
    "slice_activations",
    "uploads",
)


class LocalCopies:
    """This process's copies of COPIED_TABLES, each set in a schema of DuckDB's in-memory catalog named after the
    DuckLake snapshot it was read at (`AT (VERSION => n)`: every table of a set from the same snapshot). A reader asks
    for the set of the snapshot Store.data_version() names; the first to ask after a commit builds it (one
    transaction), the others wait for it. The set before stays for readers still using it; older ones are dropped."""

    KEPT = 2

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._schemas: list[tuple[int, str]] = []

    def schema(self, con: duckdb.DuckDBPyConnection, snapshot: int) -> str:
        """The schema holding the copies as of snapshot, built if needed."""
        kept = self._schemas
        if kept and kept[-1][0] == snapshot:
            return kept[-1][1]
        with self._guard:
            if self._schemas and self._schemas[-1][0] == snapshot:
                return self._schemas[-1][1]
            name = f"lake_copy_{snapshot}"
            cur = con.cursor()
            try:
                _copy(cur, name, snapshot)
                self._schemas = [*self._schemas, (snapshot, name)]
                while len(self._schemas) > self.KEPT:
                    dropping = f"drop schema if exists memory.{self._schemas[0][1]} cascade"
                    cur.execute(dropping)
                    self._schemas = self._schemas[1:]
            finally:
                cur.close()
            return name


def _copy(cur: duckdb.DuckDBPyConnection, name: str, snapshot: int) -> None:
    # Names and the snapshot are this module's and DuckLake's (integers, COPIED_TABLES), never a user's value:
    # DDL and AT (VERSION => ...) take no bound parameters.
    use(cur)
    tables = [
        row[0] for row in cur.execute(sql.load("store/lake_copy_tables"), {"names": list(COPIED_TABLES)}).fetchall()
    ]
    cur.execute("begin transaction")
    try:
        creating = f"create schema if not exists memory.{name}"
        cur.execute(creating)
        for table in tables:
            copying = (
                f"create or replace table memory.{name}.{table} as "  # noqa: S608
                f"select * from lake.main.{table} at (version => {int(snapshot)})"
            )
            cur.execute(copying)
        cur.execute("commit")
    except BaseException:
        cur.execute("rollback")
        raise


# The row tables: every upload's rows, read by every page in place. Never inlined in PostgreSQL (DuckLake's data
# inlining keeps an insert under INLINING_ROW_LIMIT rows there, and the demo's 142 uploads are each under it: every
# scan of current_rows then read all of them from PostgreSQL); each write of them is a Parquet file instead, and once
# a table is read from MERGE_AT_FILES files or more, the small adjacent ones are merged after the write.
ROW_TABLES = ("current_rows", "submission_rows")
MERGE_AT_FILES = 16


def keep_rows_in_files(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """Inside the write lock: give each row table that has none its own inlining limit of 0 (stored in the
    catalogue: once per store) and move its rows still inlined to Parquet; the tables changed."""
    found = cur.execute(sql.load("store/lake_row_tables_inlined"), {"names": list(ROW_TABLES)}).fetchall()
    tables = [row[0] for row in found]
    for table in tables:
        cur.execute(sql.load("store/lake_keep_rows_in_files"), {"table_name": table})
        cur.execute(sql.load("store/lake_flush_rows"), {"table_name": table})
    return tables


def merge_row_files(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """Inside the write lock, after a write committed: merge the small adjacent files of each row table read from
    MERGE_AT_FILES files or more (a commit of its own; the files replaced stay for readers of older snapshots); the
    tables merged."""
    merged = []
    try:
        for table in ROW_TABLES:
            files = cur.execute(sql.load("store/lake_row_files"), {"table_name": table}).fetchone()[1]
            if files >= MERGE_AT_FILES:
                cur.execute(sql.load("store/lake_merge_rows"), {"table_name": table})
                merged.append(table)
    except duckdb.Error:
        # The write is stored: a merge that failed (PostgreSQL gone) leaves the files as they are, merged after a
        # later write. Not the write's error to report.
        pass
    return merged


@dataclass(frozen=True)
class Tidied:
    """What a tidy-up of the shared store did (or, dry_run, would do): DuckLake snapshots expired, data files deleted
    and their size in bytes (of the files on a local path; an S3 path's size is not asked)."""

    snapshots: int
    files: int
    size: int
    dry_run: bool


def tidy(cur: duckdb.DuckDBPyConnection, older_than: datetime, dry_run: bool) -> Tidied:
    """Inside the write lock: expire the snapshots before older_than, then delete the data files set aside before it
    and the orphaned ones (a dry run lists the snapshots it would expire and the files set aside already)."""
    expired = cur.execute(sql.load("store/lake_expire_snapshots"), {"older_than": older_than, "dry_run": dry_run})
    snapshots = len(expired.fetchall())
    paths = []
    for name in ("store/lake_cleanup_files", "store/lake_orphan_files"):
        listed = cur.execute(sql.load(name), {"older_than": older_than, "dry_run": True}).fetchall()
        paths += [row[0] for row in listed]
    size = sum(os.path.getsize(path) for path in paths if os.path.isfile(path))
    if not dry_run:
        for name in ("store/lake_cleanup_files", "store/lake_orphan_files"):
            cur.execute(sql.load(name), {"older_than": older_than, "dry_run": False}).fetchall()
    return Tidied(snapshots, len(paths), size, dry_run)


class WriteLock:
    """A PostgreSQL session-level advisory lock: one write transaction at a time across every process and machine
    on the store. The connection is opened on first use and again after a failure."""

    def __init__(self, conninfo: str):
        self._conninfo = conninfo
        self._pg = None
        self._guard = threading.Lock()
        self.held = False

    def acquire(self) -> None:
        import psycopg

        with self._guard:
            for attempt in (1, 2):
                try:
                    if self._pg is None or self._pg.closed:
                        self._pg = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5)
                    self._pg.execute("select pg_advisory_lock(%s)", [WRITE_LOCK_KEY])
                    self.held = True
                    return
                except psycopg.OperationalError as exc:
                    self._drop()
                    if attempt == 2:
                        raise LakeUnavailable(str(exc).splitlines()[0]) from exc

    def release(self) -> None:
        with self._guard:
            self.held = False
            if self._pg is None:
                return
            try:
                self._pg.execute("select pg_advisory_unlock(%s)", [WRITE_LOCK_KEY])
            except Exception:
                # The session is gone, and with it the lock.
                self._drop()

    def close(self) -> None:
        with self._guard:
            self._drop()

    def _drop(self) -> None:
        if self._pg is not None:
            try:
                self._pg.close()
            except Exception:
                pass
        self._pg = None


@contextmanager
def held(conninfo: str, key: int) -> Iterator[None]:
    """A PostgreSQL session-level advisory lock held for the block on a connection of its own (waiting for any
    other process holding it); released with that connection, also when the process dies."""
    import psycopg

    try:
        pg = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        raise LakeUnavailable(str(exc).splitlines()[0]) from exc
    try:
        pg.execute("select pg_advisory_lock(%s)", [key])
        yield
    finally:
        try:
            pg.close()
        except Exception:
            pass
