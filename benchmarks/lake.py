"""The shared store for benchmarks: --lake CONNINFO (a PostgreSQL server, e.g. `scripts/postgres.sh url`) gives each
run a DuckLake database of its own, created and dropped here."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LAKE_HELP = "run on the shared store: a libpq connection string of a PostgreSQL server (scripts/postgres.sh url)"


def _admin(conninfo: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(conninfo, autocommit=True) as pg:
        pg.execute(statement)


@contextmanager
def fresh_lake(conninfo: str, name: str, folder: Path) -> Iterator[str]:
    """A new, empty DuckLake store named name on the server of conninfo (its data files under folder); its
    RANPE_STORE value. Dropped afterwards."""
    dbname = f"bench_{os.getpid()}_{name}"
    parts = [part for part in conninfo.split() if not part.startswith("dbname=")]
    admin = " ".join([*parts, "dbname=postgres"])
    _admin(admin, f"drop database if exists {dbname}")
    _admin(admin, f"create database {dbname}")
    saved = os.environ.get("RANPE_LAKE_DATA")
    os.environ["RANPE_LAKE_DATA"] = str(folder / dbname)
    try:
        yield "ducklake:postgres:" + " ".join([*parts, f"dbname={dbname}"])
    finally:
        if saved is None:
            os.environ.pop("RANPE_LAKE_DATA", None)
        else:
            os.environ["RANPE_LAKE_DATA"] = saved
        _admin(admin, f"drop database if exists {dbname} with (force)")
