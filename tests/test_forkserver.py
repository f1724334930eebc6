"""The parsing sandbox's children come from a single-threaded fork server, not from the app (ranpe.ingest.forkserver).

The app runs a thread per session. A child forked from it inherits every lock another thread held at that instant, held
forever: test_concurrency's uploads hung now and then in `import pyarrow.compute` while a browsing session imported it.
"""

from __future__ import annotations

import importlib
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ranpe.ingest import forkserver, sandbox
from ranpe.ingest.reference import load_reference
from ranpe.ingest.validate import Given
from ranpe.plan import catalogue
from ranpe.plan.periods import list_periods
from tests import forkserver_probe
from tests.conftest import csv_bytes, xlsx_bytes
from tests.test_catalogue import GOOD
from tests.test_catalogue import HEADER as CATALOGUE_HEADER
from tests.test_ingest import HEADER, ROW, rows_with

pytestmark = pytest.mark.skipif(not sandbox.enabled(), reason="RANPE_SANDBOX=0")

REPO = Path(__file__).resolve().parents[1]

# A module whose import lasts while its folder holds a file named "gate" (it says so with a file "importing").
_SLOW_MODULE = """
import pathlib, time
HERE = pathlib.Path(__file__).parent
(HERE / "importing").touch()
while (HERE / "gate").exists():
    time.sleep(0.01)
"""
_GATE_OPENER = """
import importlib, os

def open_gate_and_import(gate, name):
    os.remove(gate)
    importlib.import_module(name)
    return "imported " + name
"""


def _refusal(key: str, **params: object) -> str:
    return key


def test_a_parse_started_while_another_thread_imports_a_module_is_not_stuck_on_that_import(tmp_path, monkeypatch):
    (tmp_path / "ranpe_test_slow_import.py").write_text(_SLOW_MODULE)
    (tmp_path / "ranpe_test_gate_opener.py").write_text(_GATE_OPENER)
    (tmp_path / "gate").touch()
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sandbox, "PARSE_SECONDS", 20.0)
    opener = importlib.import_module("ranpe_test_gate_opener")
    # A session's thread is importing the module (and holds its import lock) when the parse starts.
    importing = threading.Thread(target=importlib.import_module, args=("ranpe_test_slow_import",))
    importing.start()
    try:
        for _ in range(1000):
            if (tmp_path / "importing").exists():
                break
            time.sleep(0.01)
        assert importing.is_alive(), "the import must still be under way when the parse starts"
        started = time.perf_counter()
        result = sandbox.run(opener.open_gate_and_import, (tmp_path / "gate", "ranpe_test_slow_import"), _refusal)
        elapsed = time.perf_counter() - started
    finally:
        (tmp_path / "gate").unlink(missing_ok=True)
        importing.join(timeout=10)
        for name in ("ranpe_test_slow_import", "ranpe_test_gate_opener"):
            sys.modules.pop(name, None)
    # A child forked from this process would wait for the import lock of a thread it does not have, until its deadline.
    assert result == "imported ranpe_test_slow_import"
    assert elapsed < sandbox.PARSE_SECONDS
    print(f"\nparse beside a thread in the middle of an import: {elapsed:.2f} s")


@pytest.mark.parametrize(
    "parse",
    ["submission xlsx", "submission csv", "submission refused (ambiguous number)", "catalogue xlsx"],
)
def test_a_parse_imports_nothing_the_server_has_not_imported(store, parse):
    """Every module a parse needs is in forkserver.PRELOAD: imported again in each child, they cost 0.3 s a parse."""
    reference = load_reference(store)
    calls = {
        "submission xlsx": (
            sandbox._read_and_validate,
            (xlsx_bytes({"Laporan": [HEADER, ROW]}), "a.xlsx", Given(), reference),
        ),
        "submission csv": (sandbox._read_and_validate, (csv_bytes([HEADER, ROW]), "a.csv", Given(), reference)),
        "submission refused (ambiguous number)": (
            sandbox._read_and_validate,
            (xlsx_bytes({"Laporan": rows_with("Target", "1.234")}), "a.xlsx", Given(), reference),
        ),
        "catalogue xlsx": (
            catalogue.check_file,
            (
                xlsx_bytes({"Matriks": [CATALOGUE_HEADER, GOOD]}),
                "m.xlsx",
                list_periods(store)[0],
                catalogue.Known.of(store),
            ),
        ),
    }
    job, arguments = calls[parse]
    # Each reaches the path it stands for: an accepted file its last check, the refused one its refusal.
    assert job(*arguments).ok == ("refused" not in parse)
    imported = sandbox.run(forkserver_probe.new_imports, (pickle.dumps((job, arguments)),), _refusal)
    assert imported == [], f"a parse imports modules that forkserver.PRELOAD should: {imported}"


def test_a_killed_fork_server_is_started_again_at_the_next_parse():
    assert sandbox.run(os.getpid, (), _refusal) != os.getpid()  # a child, not this process
    first = forkserver.server_pid()
    assert first is not None
    os.kill(first, signal.SIGKILL)
    child = sandbox.run(os.getpid, (), _refusal)
    assert child not in (os.getpid(), first)
    assert forkserver.server_pid() not in (None, first)


def test_a_parse_that_outlives_its_deadline_leaves_no_child_behind(monkeypatch):
    monkeypatch.setattr(sandbox, "PARSE_SECONDS", 0.5)
    assert sandbox.run(time.sleep, (60,), _refusal) == "reliability.parse_timeout"
    server = forkserver.server_pid()
    assert server is not None
    assert _waited_for(lambda: not _children(server)), "the server killed and collected the late child"


_APP_MID_PARSE = """
import threading, time
from ranpe.ingest import forkserver, sandbox
from ranpe.ingest.reference import load_reference
from ranpe.ingest.validate import Given
from ranpe.plan import catalogue
from ranpe.plan.periods import list_periods
from tests import forkserver_probe
from tests.conftest import csv_bytes, xlsx_bytes
from tests.test_catalogue import GOOD
from tests.test_catalogue import HEADER as CATALOGUE_HEADER
from tests.test_ingest import HEADER, ROW, rows_with
refusal = lambda key, **params: key
print(sandbox.run(str, ("ready",), refusal), forkserver.server_pid(), flush=True)
threading.Thread(target=sandbox.run, args=(time.sleep, (120,), refusal), daemon=True).start()
time.sleep(600)
"""


def test_the_fork_server_and_its_child_end_when_the_app_is_killed_mid_parse():
    app = subprocess.Popen(
        [sys.executable, "-c", _APP_MID_PARSE],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        ready, server = app.stdout.readline().split()
        assert ready == "ready"
        assert _waited_for(lambda: _children(int(server))), "the long parse's child runs"
        (child,) = _children(int(server))
        app.kill()
        app.wait()
        assert _waited_for(lambda: _ended(int(server)) and _ended(child)), "neither outlives the app"
    finally:
        app.kill()
        app.wait()
        app.stdout.close()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except FileNotFoundError:
        return []
    return [int(child) for child in text.split()]


def _ended(pid: int) -> bool:
    """Gone, or a zombie waiting for its parent (in a container, the init process may never collect it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def _waited_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
