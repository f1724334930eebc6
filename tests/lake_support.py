"""The shared store in tests: the PostgreSQL of scripts/postgres.sh, a DuckLake database per test copied from a
migrated template (PostgreSQL's CREATE DATABASE ... TEMPLATE: a migrated store in ~0.1 s instead of seconds)."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ranpe.store.connection import Store

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = "ranpe_template"
_NUMBERS = itertools.count(1)


def postgres(command: str) -> str:
    """Run scripts/postgres.sh <command>; its last line (the connection string for start and url)."""
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "postgres.sh"), command], check=True, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def own_postgres() -> Iterator[tuple[str, Callable[[str], None]]]:
    """A PostgreSQL of its own on a free port, for a test that stops and starts it (never the session's server): its
    connection string and a function running scripts/postgres.sh start|stop for it; purged afterwards."""
    # In a folder PostgreSQL's user can enter (pytest's own folders are the owner's only).
    folder = Path(tempfile.mkdtemp(prefix="ranpe-pg-"))
    folder.chmod(0o755)
    env = os.environ | {"RANPE_PG_DIR": str(folder / "pg"), "RANPE_PG_PORT": str(free_port())}
    script = ["bash", str(REPO / "scripts" / "postgres.sh")]

    def server(command: str) -> None:
        subprocess.run([*script, command], env=env, check=True, capture_output=True)

    try:
        conninfo = subprocess.run([*script, "start"], env=env, check=True, capture_output=True, text=True).stdout
        yield conninfo.strip(), server
    finally:
        subprocess.run([*script, "purge"], env=env, check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def admin_sql(conninfo: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(conninfo.replace("dbname=lake", "dbname=postgres"), autocommit=True) as pg:
        for statement in statements:
            pg.execute(statement)


def store_url(conninfo: str, dbname: str) -> str:
    return "ducklake:postgres:" + conninfo.replace("dbname=lake", f"dbname={dbname}")


@dataclass
class LakeServer:
    conninfo: str  # the server's "lake" database, as scripts/postgres.sh prints it
    data: Path  # the template's data files (every copy writes beside them: each file name is unique)

    @classmethod
    def start(cls, folder: Path) -> LakeServer:
        if not os.environ.get("RANPE_TEST_PG") and not glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"):
            import pytest

            pytest.skip("PostgreSQL is not installed (.ci/run installs Debian's postgresql)")
        conninfo = os.environ.get("RANPE_TEST_PG") or postgres("start")
        server = cls(conninfo, folder / "data")
        prefix = f"t{os.getpid()}_"
        admin_sql(
            conninfo, f"drop database if exists {TEMPLATE}_{os.getpid()}", f"create database {TEMPLATE}_{os.getpid()}"
        )
        server.template = f"{TEMPLATE}_{os.getpid()}"
        server.prefix = prefix
        with Store(store_url(conninfo, server.template), lake_data=str(server.data)):
            pass
        return server

    def url(self, dbname: str) -> str:
        return store_url(self.conninfo, dbname)

    @contextmanager
    def fresh_store(self) -> Iterator[Store]:
        """A migrated, empty shared store of its own; dropped afterwards."""
        dbname = self.new_database()
        opened = Store(self.url(dbname), lake_data=str(self.data))
        try:
            yield opened
        finally:
            opened.close()
            self.drop(dbname)

    def new_database(self) -> str:
        dbname = f"{self.prefix}{next(_NUMBERS)}"
        admin_sql(
            self.conninfo, f"drop database if exists {dbname}", f"create database {dbname} template {self.template}"
        )
        return dbname

    def drop(self, dbname: str) -> None:
        admin_sql(self.conninfo, f"drop database if exists {dbname} with (force)")
