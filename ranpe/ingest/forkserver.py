"""The parsing sandbox's children are forked by a small single-threaded server process, never by the app itself.

Forking the app is unsafe: it runs a thread per session, and a lock that one of them holds at the instant of the fork
stays held forever in the child, which has no such thread to release it. Measured: in test_concurrency (two uploads
through the browser while 24 sessions browse) 2 runs in 9 hung the child in `import pyarrow.compute` until the parse
deadline, because a browsing session was importing that module when the upload forked. The server is started at the
first parse (`python -m ranpe.ingest.forkserver FD`), imports the readers once, and then only forks: a child still
starts in milliseconds with the readers imported, but from a process that runs one thread and holds no lock. Its
address space is the server's, so a child's memory budget comes on top of a small process, not on top of the app.

One request on the control socket (a Unix socket pair; the app's end is never inherited):
- fork: a header (FORK, payload length, seconds) carrying the write end of the result pipe (SCM_RIGHTS), then the
  pickled (the app's import path, the pickled (function, arguments)). The server forks; the child calls
  function(result connection, *arguments) and leaves with os._exit. The server answers the child's pid, closes its
  copy of the pipe, and kills a child that outlives its seconds (plus a grace): the pipe's reader sees the end of the
  file when the child is gone.
- kill: a header (KILL, pid, 0): the server kills that child if it is still its own (never another process's pid).
The server ends when the app's end of the socket closes (however the app ended), killing its children first; each child
also dies with the server (PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import importlib
import os
import pickle
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

# Every module a parse imports (a submission's xlsx or csv, a catalogue), imported once in the server so that a child
# imports nothing: each of these imports again in every child cost some 0.3 s a parse. The job's own module is imported
# by unpickling it. tests/test_forkserver.py fails, naming the module, when a parse imports one more.
PRELOAD = (
    "pyarrow",
    "pyarrow.compute",
    "pyarrow.acero",  # Table.group_by (the duplicate check) imports it, with pyarrow's dataset, fs, pandas_compat, ssl
    "encodings.cp437",  # zipfile decodes an xlsx's member names with it
    "python_calamine",
    "ranpe.ingest.sandbox",
    "ranpe.plan.catalogue_file",
)
_HEADER = struct.Struct("=cQd")  # kind, payload length or pid, seconds
_PID = struct.Struct("=q")
_FORK, _KILL = b"F", b"K"
_GRACE_SECONDS = 5.0
_PR_SET_PDEATHSIG = 1


class _Client:
    """The app's side: the server process, started at the first request and again if it has gone."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one request at a time on the socket (a fork request takes milliseconds)
        self._socket: socket.socket | None = None
        self._process: subprocess.Popen | None = None

    def fork(self, function: Callable[..., Any], arguments: tuple[Any, ...], result_fd: int, seconds: float) -> int:
        """Start function(Connection(result_fd), *arguments) in a new child; its pid."""
        call = pickle.dumps((function, arguments), pickle.HIGHEST_PROTOCOL)
        payload = pickle.dumps((list(sys.path), call), pickle.HIGHEST_PROTOCOL)
        with self._lock:
            for attempt in (1, 2):  # a server that has gone (killed, crashed) is started again, once
                try:
                    control = self._connected()
                    socket.send_fds(control, [_HEADER.pack(_FORK, len(payload), seconds)], [result_fd])
                    control.sendall(payload)
                    return _PID.unpack(_receive_exactly(control, _PID.size))[0]
                except (OSError, EOFError):
                    self._forget()
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def kill(self, pid: int) -> None:
        """Ask the server to kill its child pid (nothing if it has ended)."""
        with self._lock:
            if self._socket is None:
                return
            try:
                self._socket.sendall(_HEADER.pack(_KILL, pid, 0.0))
            except OSError:
                self._forget()

    def stop(self) -> None:
        """End the server (it kills its children) and wait for it; the next request starts another."""
        with self._lock:
            self._forget()

    def pid(self) -> int | None:
        """The server's pid while it runs (for tests and diagnostics)."""
        with self._lock:
            return self._process.pid if self._process is not None and self._process.poll() is None else None

    def _connected(self) -> socket.socket:
        if self._socket is not None and self._process is not None and self._process.poll() is None:
            return self._socket
        self._forget()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))}
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "ranpe.ingest.forkserver", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # Ctrl-C in the app's terminal is the app's to handle; the server ends with it
            )
        finally:
            theirs.close()
        self._socket = ours
        return ours

    def _forget(self) -> None:
        if self._socket is not None:
            self._socket.close()  # the server ends when it sees the socket close
            self._socket = None
        if self._process is not None:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None


_client = _Client()


def _forget_in_forked_child() -> None:
    """A process forked from the app (not by the server) starts its own server if it parses: the app's is the app's."""
    global _client
    _client = _Client()


os.register_at_fork(after_in_child=_forget_in_forked_child)


def fork(function: Callable[..., Any], arguments: tuple[Any, ...], result_fd: int, seconds: float) -> int:
    """Start function(Connection(result_fd), *arguments) in a new child of the server; its pid."""
    return _client.fork(function, arguments, result_fd, seconds)


def kill(pid: int) -> None:
    """Kill the server's child pid, if it still runs."""
    _client.kill(pid)


def server_pid() -> int | None:
    """The server's pid while it runs."""
    return _client.pid()


def stop() -> None:
    """End the server and its children; the next parse starts another."""
    _client.stop()


def _receive_exactly(control: socket.socket, size: int) -> bytes:
    parts = []
    while size:
        part = control.recv(min(size, 1 << 20))
        if not part:
            raise EOFError("the other end closed the socket")
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


# -- the server ------------------------------------------------------------------------------------------------------


def serve(control: socket.socket) -> None:
    """Fork a child per request until the app's end of the socket closes."""
    deadlines: dict[int, float] = {}
    try:
        while True:
            _reap(deadlines)
            ready, _, _ = select.select([control], [], [], 0.5)
            if not ready:
                continue
            header, fds, _, _ = socket.recv_fds(control, _HEADER.size, 1)
            if not header:
                return  # the app has ended
            kind, number, seconds = _HEADER.unpack(header + _receive_exactly(control, _HEADER.size - len(header)))
            if kind == _KILL:
                if number in deadlines:
                    _kill(number)
                continue
            payload = _receive_exactly(control, number)
            pid = os.fork()
            if pid == 0:
                control.close()
                _child(fds[0], payload)  # never returns
            for fd in fds:
                os.close(fd)
            deadlines[pid] = time.monotonic() + seconds + _GRACE_SECONDS
            control.sendall(_PID.pack(pid))
    finally:
        for pid in deadlines:
            _kill(pid)
        _reap(deadlines, block=True)


def _reap(deadlines: dict[int, float], block: bool = False) -> None:
    """Collect the children that have ended; kill the ones past their deadline."""
    now = time.monotonic()
    for pid, deadline in list(deadlines.items()):
        if deadline < now:
            _kill(pid)
        try:
            ended, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            ended = pid
        if ended == pid:
            del deadlines[pid]


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _child(result_fd: int, payload: bytes) -> None:
    """In the child: run the request's function with a connection to the result pipe, then leave."""
    code = 1
    try:
        _die_with_parent()
        import_path, call = pickle.loads(payload)
        sys.path[:] = import_path  # the job's module is found where the app found it
        function, arguments = pickle.loads(call)
        function(Connection(result_fd, readable=False), *arguments)
        code = 0
    finally:
        os._exit(code)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the one that forked it dies (here: the single-threaded server)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def main(argv: list[str]) -> None:
    control = socket.socket(fileno=int(argv[0]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for module in PRELOAD:
        importlib.import_module(module)
    serve(control)


if __name__ == "__main__":
    main(sys.argv[1:])
