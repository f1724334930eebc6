"""A store with the demo data loaded once per test run; tests copy it (or open it read-only)."""

from __future__ import annotations

import fcntl
import shutil
import time
from pathlib import Path

import pytest

from ranpe import demo
from ranpe.store.connection import Store


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The DuckDB file of a store holding the demo data (its archived uploads beside it, in uploads/).

    Built once per run: under pytest-xdist the first worker builds it in the run's shared temporary folder while
    the others wait on a file lock, and each worker then takes a copy of its own (a DuckDB file is opened by one
    process at a time)."""
    if not hasattr(request.config, "workerinput"):  # not under pytest-xdist
        path = tmp_path_factory.mktemp("demo_store") / "ranpe.duckdb"
        _build(path)
        return path
    shared = tmp_path_factory.getbasetemp().parent / "demo_store"
    shared.mkdir(exist_ok=True)
    with (shared / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "built").exists():
            _build(shared / "ranpe.duckdb")
            (shared / "built").touch()
    return copy_demo_store(shared / "ranpe.duckdb", tmp_path_factory.mktemp("demo_store"))


def _build(path: Path) -> None:
    started = time.perf_counter()
    with Store(path) as store:
        count = demo.load(store)
        store.checkpoint()
    print(f"\ndemo data: {count} uploads loaded in {time.perf_counter() - started:.1f} s")


def copy_demo_store(source: Path, directory: Path) -> Path:
    """A copy of the demo store (and its archived uploads) in directory, for a test that changes it."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / source.name
    shutil.copy2(source, target)
    shutil.copytree(source.parent / "uploads", directory / "uploads", dirs_exist_ok=True)
    return target
