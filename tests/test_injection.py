"""Filter values and file contents that look like SQL are plain values: no error, no effect, tables intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store import health, sql
from tests import hostile
from tests.conftest import ANALYST, REPO

HOSTILE_VALUES = [
    "x' OR '1'='1",
    "'; DROP TABLE uploads; --",
    "BNPT' --",
    "BNPT'); DELETE FROM submission_rows; --",
    '" OR ""="',
    "1; checkpoint; attach '/tmp/evil.duckdb' as evil",
    "$agency",
    "%' OR 1=1 --",
]


@pytest.fixture
def loaded(store):
    rows = [hostile.HEADER] + [hostile.data_row(n) for n in range(1, 6)]
    rows.append(hostile.data_row(6, Aksi="'); DROP TABLE uploads; --", Hambatan="x' OR '1'='1"))
    result = ingest_bytes(store, hostile.xlsx_bytes({"Laporan": rows}), "laporan.xlsx", actor=ANALYST)
    assert result.status == "stored"
    return store


def _state(store):
    return store.query_rows("store/counts"), store.query_rows("health/tables")


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_filter_values_match_nothing_and_change_nothing(loaded, value):
    before, baseline = _state(loaded), summary(loaded, Filters(2023))
    for filters in (Filters(2023, agency=value), Filters(2023, province=value), Filters(2023, 3, 1, value, value)):
        result = summary(loaded, filters)
        assert (result["actions_planned"], result["agencies_total"], result["by_agency"]) == (0, 0, [])
    assert loaded.query_rows("workspace/upload_history", agency=value, year=None) == []
    assert _state(loaded) == before
    assert summary(loaded, Filters(2023)) == baseline
    assert baseline["actions_planned"] == 6


def test_sql_in_file_contents_is_stored_as_text(loaded):
    [upload] = loaded.query_rows("workspace/upload_history", agency=None, year=None)
    rows = {r["action_code"]: r for r in health.stored_rows(loaded, upload["upload_id"])}
    assert rows["1.1.6"]["action"] == "'); DROP TABLE uploads; --"
    assert rows["1.1.6"]["obstacles"] == "x' OR '1'='1"


@pytest.mark.parametrize("name", ["../queries/store_counts", "store_counts; drop table uploads", "/etc/passwd", ""])
def test_query_names_are_checked_against_the_files(name):
    with pytest.raises(sql.UnknownQuery):
        sql.load(name)


@pytest.mark.slow
@pytest.mark.parametrize("value", HOSTILE_VALUES[:3])
def test_hostile_values_through_the_cli_are_refused_as_unknown_without_effect(loaded, value):
    db = str(loaded.path)
    before = _state(loaded)
    loaded.close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for option in ("--agency", "--province"):
        run = subprocess.run(
            [sys.executable, "-m", "ranpe", "summary", "--year", "2023", option, value, "--db", db, "--json"],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
        )
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr and value in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "ranpe", "summary", "--year", "2023", "--db", db, "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
        check=True,
    )
    assert json.loads(run.stdout)["actions_planned"] == 6
    from ranpe.store.connection import Store

    with Store(db) as reopened:
        assert _state(reopened) == before


@pytest.mark.parametrize(
    "statement",
    [
        "select * from read_csv('/etc/passwd')",
        "copy uploads to '/tmp/ranpe_leak.csv'",
        "attach '/tmp/ranpe_evil.duckdb' as evil",
        "install httpfs",
        "set enable_external_access = true",
    ],
)
def test_duckdb_cannot_reach_files_or_the_network_after_start_up(store, statement):
    import duckdb

    cur = store.cursor()
    try:
        with pytest.raises(duckdb.Error):
            cur.execute(statement)
    finally:
        cur.close()
    assert not os.path.exists("/tmp/ranpe_leak.csv")
