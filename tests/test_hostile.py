"""The hostile-file corpus: each broken or hostile file is refused with a clear message and nothing stored."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from ranpe import config
from ranpe.ingest import sandbox
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store import health
from ranpe.store.connection import Store
from tests import hostile
from tests.conftest import ANALYST, REPO

STORED_COUNTS = ("rows_stored", "rows_active", "slices")


def _stored(store: Store) -> dict[str, int]:
    counts = store.query_rows("store/counts")[0]
    return {**{k: counts[k] for k in STORED_COUNTS}, "accepted_uploads": counts["uploads"] - counts["refused"]}


def _archived(store: Store) -> list[Path]:
    return sorted(store.uploads_dir.glob("*")) if store.uploads_dir.exists() else []


def _assert_clear_messages(result) -> None:
    assert result.problems, "a refusal names at least one problem"
    for problem in result.problems:
        indonesian, english = problem.message("id"), problem.message("en")
        assert indonesian and english and indonesian != english
        for text in (indonesian, english):
            assert "{" not in text and "Traceback" not in text and "found." not in text
    assert result.message("id").startswith("Ditolak") and result.message("en").startswith("Refused")


def test_the_corpus_has_at_least_40_refused_cases_and_the_accepted_variants():
    assert len(hostile.REFUSED) >= 40
    assert len({case.name for case in hostile.REFUSED}) == len(hostile.REFUSED)
    assert len(hostile.ACCEPTED) >= 10


@pytest.mark.parametrize("case", hostile.REFUSED, ids=lambda c: c.name)
def test_hostile_file_is_refused_with_a_clear_message_and_nothing_stored(case, store, monkeypatch):
    for name, value in case.limits.items():
        monkeypatch.setattr(config, name, value)
    before = _stored(store)
    result = ingest_bytes(store, case.build(), case.file_name, actor=ANALYST, **case.given)
    assert result.status == "refused"
    assert case.refused_with in [p.key for p in result.problems], [p.message("en") for p in result.problems]
    _assert_clear_messages(result)
    assert _stored(store) == before
    assert _archived(store) == []
    history = store.query_rows("workspace/upload_history", agency=None, year=None)
    assert [h["status"] for h in history] == ["refused"]


@pytest.mark.parametrize("variant", hostile.ACCEPTED, ids=lambda v: v.name)
def test_accepted_variant_is_stored_exactly(variant, store):
    result = ingest_bytes(store, variant.build(), variant.file_name, actor=ANALYST)
    assert result.status == "stored", [p.message("en") for p in result.problems]
    rows = {r["action_code"]: r for r in health.stored_rows(store, result.upload_id)}
    for code, expected in variant.expect.items():
        assert {k: rows[code][k] for k in expected} == expected
    assert [w.key for w in result.warnings] == list(variant.warnings) * (1 if variant.warnings else 0)


def test_duplicate_key_names_both_excel_rows(store):
    case = next(c for c in hostile.REFUSED if c.name == "duplicate_key_conflict")
    result = ingest_bytes(store, case.build(), case.file_name, actor=ANALYST)
    rows = sorted(p.row for p in result.problems if p.key == "problem.duplicate_key")
    assert rows == [2, 4]
    assert "4" in next(p for p in result.problems if p.row == 2).message("en")


def test_formula_without_value_names_its_cell(store):
    case = next(c for c in hostile.REFUSED if c.name == "formula_without_value")
    result = ingest_bytes(store, case.build(), case.file_name, actor=ANALYST)
    [problem] = [p for p in result.problems if p.key == "problem.formula_no_value"]
    assert (problem.sheet, problem.row, problem.column) == ("Laporan", 3, "Target")


def test_hundreds_of_bad_rows_are_each_reported(store):
    result = ingest_bytes(store, hostile._bad_rows(300), "salah.xlsx", actor=ANALYST)
    assert result.error_total == 300
    assert sorted(p.row for p in result.problems) == list(range(2, 302))


def test_errors_beyond_the_cap_are_counted_in_the_total(store):
    result = ingest_bytes(store, hostile._bad_rows(1_500), "salah.xlsx", actor=ANALYST)
    assert result.error_total == 1_500
    assert len(result.problems) == config.MAX_REPORTED_ERRORS + 1
    last = result.problems[-1]
    assert last.key == "problem.too_many_errors"
    assert "1500" in last.message("en") and "500" in last.message("id")


@pytest.mark.parametrize("name", hostile.PATH_NAMES)
def test_path_in_file_name_is_archived_under_a_generated_name(name, tmp_path):
    store = Store(tmp_path / "db" / "ranpe.duckdb")
    try:
        data = hostile.csv_bytes(hostile.valid_rows())
        result = ingest_bytes(store, data, name, actor=ANALYST)
        assert result.status == "stored"
        [upload] = store.query_rows("ingest/upload_by_id", upload_id=result.upload_id)
        assert "/" not in upload["file_name"] and "\\" not in upload["file_name"] and ".." not in upload["file_name"]
        archived = _archived(store)
        assert len(archived) == 1 and archived[0].parent == store.uploads_dir
        assert archived[0].name == upload["archive_path"] and archived[0].read_bytes() == data
        everything = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
        assert all(str(p).startswith("db/") for p in everything), everything
    finally:
        store.close()


def test_uploads_are_never_read_with_openpyxl_unless_defused():
    assert openpyxl.DEFUSEDXML, "defusedxml must be installed so that openpyxl refuses entity tricks"
    for folder in ("ranpe", "pages"):
        for path in (REPO / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "load_workbook" not in text and 'engine="openpyxl"' not in text, path


_MILLION_ROWS_SCRIPT = """
import resource, sys, time
from ranpe.ingest import forkserver
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store.connection import Store
from ranpe.access.roles import SYSTEM
data = open(sys.argv[1], "rb").read()
store = Store(sys.argv[2])
started = time.perf_counter()
result = ingest_bytes(store, data, "juta.xlsx", actor=SYSTEM)
elapsed = time.perf_counter() - started
forkserver.stop()  # the parser's child, collected by the fork server, counts among this process's children once it ends
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(result.status, result.problems[0].key, round(elapsed, 2), peak, children)
print(result.problems[0].message("id"))
print(result.problems[0].message("en"))
"""


@pytest.mark.slow
def test_a_million_row_workbook_is_refused_quickly_by_its_declared_size(tmp_path):
    path = tmp_path / "juta.xlsx"
    started = time.perf_counter()
    path.write_bytes(hostile.many_rows_xlsx(1_000_001, "A1:L1000002"))
    built = time.perf_counter() - started
    run = subprocess.run(
        [sys.executable, "-c", _MILLION_ROWS_SCRIPT, str(path), str(tmp_path / "ranpe.duckdb")],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    first, indonesian, english = run.stdout.strip().splitlines()
    status, key, seconds, peak_mb, child_peak_mb = first.split()
    print(
        f"\n1,000,001-row workbook ({path.stat().st_size / 1e6:.1f} MB, built in {built:.1f} s): {status} "
        f"by {key} in {seconds} s; peak memory {peak_mb} MB (app process), {child_peak_mb} MB (parser)"
    )
    assert (status, key) == ("refused", "problem.too_many_rows")
    assert "1000002" in english and "1000000" in english and "1000002" in indonesian


def test_parsing_that_outlasts_its_time_limit_is_refused(store, monkeypatch):
    if not sandbox.enabled():
        pytest.skip("RANPE_SANDBOX=0")
    monkeypatch.setattr(sandbox, "PARSE_SECONDS", 0.05)
    result = ingest_bytes(store, hostile.many_rows_xlsx(30_000, None), "lambat.xlsx", actor=ANALYST)
    assert result.status == "refused"
    assert [p.key for p in result.problems] == ["reliability.parse_timeout"]
    _assert_clear_messages(result)
    assert _stored(store)["rows_stored"] == 0


def test_parsing_that_needs_more_than_its_memory_budget_is_refused(store, monkeypatch):
    if not sandbox.enabled():
        pytest.skip("RANPE_SANDBOX=0")
    monkeypatch.setattr(sandbox, "PARSE_MEMORY_BYTES", 20 * 1024 * 1024)
    result = ingest_bytes(store, hostile.many_rows_xlsx(200_000, None), "rakus.xlsx", actor=ANALYST)
    assert result.status == "refused"
    assert result.problems[0].key in ("reliability.parse_memory", "reliability.parse_stopped")
    _assert_clear_messages(result)
    assert _stored(store)["rows_stored"] == 0
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # the app itself is not limited
