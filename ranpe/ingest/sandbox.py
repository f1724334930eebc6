"""Reads and validates an uploaded file (a submission or a catalogue) in a child process under a time and a memory
limit.

One hostile file (a sheet that lies about its size, a reader bug) must not stall or exhaust the app
that serves everyone else: the child gets an address-space limit (RLIMIT_AS) and a deadline, and its
result comes back through a pipe (the Arrow table travels as Arrow buffers). The child is forked by
ranpe.ingest.forkserver, a single-threaded process started at the first parse (forking the app itself,
which runs a thread per session, could leave a lock held forever in the child); it starts in milliseconds
with the readers already imported, runs only the reader and the validation (no DuckDB, no Streamlit) and
leaves with os._exit. The memory limit is a budget on top of what the fork server maps. RANPE_SANDBOX=0
reads in-process (for debugging and measurement).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable
from functools import partial
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from ranpe import config
from ranpe.ingest import forkserver
from ranpe.ingest.contract import Reference
from ranpe.ingest.problems import Problem, Refused
from ranpe.ingest.reader import read
from ranpe.ingest.validate import Given, Validation, validate

T = TypeVar("T")
PARSE_SECONDS = float(os.environ.get("RANPE_PARSE_SECONDS", "120"))
PARSE_MEMORY_BYTES = int(os.environ.get("RANPE_PARSE_MEMORY_MB", "2048")) * 1024 * 1024
# The limits as the child will apply them: the config limits can be changed by tests at run time.
_LIMIT_NAMES = ("MAX_UPLOAD_BYTES", "MAX_UNPACKED_BYTES", "MAX_ROWS", "MAX_COMPRESSION_RATIO", "MAX_REPORTED_ERRORS")


def enabled() -> bool:
    """Whether parsing runs in a child process (RANPE_SANDBOX=0 switches it off)."""
    return os.environ.get("RANPE_SANDBOX", "1") != "0"


def read_and_validate(data: bytes, file_name: str, given: Given, reference: Reference) -> Validation:
    """Read the file and validate it against the contract, in a limited child process when enabled."""
    return run(_read_and_validate, (data, file_name, given, reference), partial(_refusal, file_name))


def run(job: Callable[..., T], args: tuple[Any, ...], refusal: Callable[..., T]) -> T:
    """job(*args) in a limited child process when enabled (a file's whole parse: the submissions' reader and
    validation, a catalogue's check), its result sent back; when the child runs out of time or memory or fails,
    refusal(key, **params) with the translation key that says so. job takes no store: the child opens none."""
    if not enabled():
        return job(*args)
    return _in_child(job, args, refusal)


def _read_and_validate(data: bytes, file_name: str, given: Given, reference: Reference) -> Validation:
    try:
        workbook = read(data, file_name)
    except Refused as refused:
        return Validation(file_name, refused.problems, [], [], len(refused.problems))
    return validate(workbook, file_name, given, reference)


def _refusal(file_name: str, key: str, **params: object) -> Validation:
    return Validation(file_name, [Problem(key, file_name, params=params)], [], [], 1)


def _in_child(job: Callable[..., T], args: tuple[Any, ...], refusal: Callable[..., T]) -> T:
    receiving, sending = multiprocessing.Pipe(duplex=False)
    limits = {name: getattr(config, name) for name in _LIMIT_NAMES}
    try:
        pid = forkserver.fork(
            _child_main, (job, args, limits, PARSE_MEMORY_BYTES, PARSE_SECONDS), sending.fileno(), PARSE_SECONDS
        )
    except BaseException:
        receiving.close()
        raise
    finally:
        sending.close()  # the child holds the only write end now: its end is the end of the file here
    deadline = time.monotonic() + PARSE_SECONDS
    answered = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return refusal("reliability.parse_timeout", seconds=int(PARSE_SECONDS))
            if receiving.poll(min(left, 0.5)):
                try:
                    outcome, payload = receiving.recv()
                except EOFError:
                    break
                answered = True
                if outcome == "ok":
                    return payload
                if outcome == "memory":
                    return refusal("reliability.parse_memory", limit=PARSE_MEMORY_BYTES // 1024 // 1024)
                return refusal("problem.unreadable", detail=payload)
    finally:
        receiving.close()
        if not answered:
            forkserver.kill(pid)
    # The child ended without an answer: killed by the memory limit or a crash of the reader.
    return refusal("reliability.parse_stopped", limit=PARSE_MEMORY_BYTES // 1024 // 1024)


def _child_main(
    sending: Connection,
    job: Callable[..., Any],
    args: tuple[Any, ...],
    limits: dict[str, int],
    memory_bytes: int,
    seconds: float,
) -> None:
    """In the child (forked by ranpe.ingest.forkserver): apply the limits, run the job, send back ("ok", its result)
    or the failure."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_CPU, (int(seconds) + 5, int(seconds) + 10))
    for name, value in limits.items():
        setattr(config, name, value)
    limit = _mapped_bytes() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome: tuple[str, Any] = ("ok", job(*args))
    except MemoryError:
        outcome = ("memory", None)
    except Exception as exc:  # any reader failure becomes a refusal that names it, never a crash of the app
        outcome = ("error", f"{type(exc).__name__}: {str(exc)[:200]}")
    try:
        sending.send(outcome)
    except MemoryError:
        sending.send(("memory", None))
    sending.close()


def _mapped_bytes() -> int:
    """The address space this process maps now (VmSize), which the budget comes on top of."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0
