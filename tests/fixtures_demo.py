"""A store with the demo data loaded once per test session; tests copy it (or open it read-only)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from ranpe import demo
from ranpe.store.connection import Store


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DuckDB file of a store holding the demo data (its archived uploads beside it, in uploads/)."""
    path = tmp_path_factory.mktemp("demo_store") / "ranpe.duckdb"
    started = time.perf_counter()
    with Store(path) as store:
        count = demo.load(store)
        store.checkpoint()
    print(f"\ndemo data: {count} uploads loaded in {time.perf_counter() - started:.1f} s")
    return path


def copy_demo_store(source: Path, directory: Path) -> Path:
    """A copy of the demo store (and its archived uploads) in directory, for a test that changes it."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / source.name
    shutil.copy2(source, target)
    shutil.copytree(source.parent / "uploads", directory / "uploads", dirs_exist_ok=True)
    return target
