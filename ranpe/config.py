"""Paths and limits, each overridable by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = REPO_ROOT / "queries"
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
DEFAULT_DB_PATH = REPO_ROOT / "data" / "ranpe.duckdb"

MAX_UPLOAD_BYTES = int(os.environ.get("RANPE_MAX_UPLOAD_BYTES") or 50 * 1024 * 1024)
MAX_UNPACKED_BYTES = int(os.environ.get("RANPE_MAX_UNPACKED_BYTES") or 300 * 1024 * 1024)
MAX_ROWS = int(os.environ.get("RANPE_MAX_ROWS") or 1_000_000)
# A zip member that expands more than this is treated as a zip bomb.
MAX_COMPRESSION_RATIO = 200
# Validation reports every problem up to this many; beyond it, the total is still given.
MAX_REPORTED_ERRORS = 1000
# The most groups a plan period may have (charts hold a distinct colour for each).
MAX_GROUPS = 12


LAKE_PREFIX = "ducklake:postgres:"
DEFAULT_LAKE_DATA = REPO_ROOT / "data" / "lake"


def db_path() -> Path:
    """The embedded store's path: RANPE_DB when set, else data/ranpe.duckdb."""
    return Path(os.environ.get("RANPE_DB") or DEFAULT_DB_PATH)


def store_target() -> str:
    """The store to open: RANPE_STORE when set (a DuckDB file path, or ducklake:postgres:<libpq connection string>
    for the shared store), else the embedded file of db_path()."""
    return os.environ.get("RANPE_STORE") or str(db_path())


def is_lake(target: str) -> bool:
    """Whether a store target names the shared store (DuckLake with a PostgreSQL catalog)."""
    return target.startswith(LAKE_PREFIX)


def lake_data_setting() -> str | None:
    """Where the shared store keeps its data files, when RANPE_LAKE_DATA says (a folder every process can reach).
    Unset: a store that exists keeps the folder its catalogue names; a new one gets data/lake/."""
    return os.environ.get("RANPE_LAKE_DATA") or None


def uploads_dir(db: Path) -> Path:
    """Where original upload bytes are archived: beside the store, in uploads/."""
    return db.parent / "uploads"
