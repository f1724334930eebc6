"""Every query file is loaded by the code; tests/conftest.py fails a full run if one was never executed."""

from __future__ import annotations

import re

import pytest

from benchmarks import QUERIES as BENCHMARK_QUERIES
from ranpe.store import sql
from tests.conftest import REPO


def _code_text(*folders: str) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for folder in folders for p in (REPO / folder).rglob("*.py"))


ENGINE_CODE = _code_text("ranpe", "pages")
BENCHMARK_CODE = _code_text("benchmarks")


@pytest.mark.parametrize("name", sql.names())
def test_query_file_is_loaded_by_the_code(name):
    assert re.search(rf"[\"']{re.escape(name)}[\"']", ENGINE_CODE), f"queries/{name}.sql is loaded nowhere"


@pytest.mark.parametrize("name", BENCHMARK_QUERIES.names())
def test_benchmark_query_file_is_loaded_by_a_benchmark(name):
    assert re.search(rf"[\"']{re.escape(name)}[\"']", BENCHMARK_CODE), f"benchmarks/queries/{name}.sql is unused"
    assert name not in sql.names(), f"{name} is both an engine and a benchmark query"


def test_queries_live_in_folders_named_for_their_area():
    assert sql.names(), "no query files found"
    loose = [name for name in sql.names() if "/" not in name]
    assert not loose, f"query files outside a folder of queries/: {loose}"


def test_unknown_query_name_fails_loudly():
    with pytest.raises(sql.UnknownQuery):
        sql.load("no_such_query")
    with pytest.raises(sql.UnknownQuery):
        sql.load("../pyproject")
    with pytest.raises(sql.UnknownQuery):
        sql.load("measures/../health/tables")
    with pytest.raises(sql.UnknownQuery):
        sql.load("migrations/001_schema")


def test_every_migration_is_numbered_in_order():
    versions = [version for version, _ in sql.migrations()]
    assert versions == sorted(set(versions))
    assert versions[0] == 1
