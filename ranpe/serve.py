"""Many app processes behind one address: N `streamlit run app.py` on loopback ports over one store, and HAProxy in
front of them (round robin, cookie-sticky sessions, WebSockets, health checks), its configuration rendered from
deploy/haproxy.cfg — the same file a proxy host uses as is. Imports: config.

Only the shared store (DuckLake on PostgreSQL) can be opened by several processes; an embedded file is served by one.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ranpe import config

TEMPLATE = config.REPO_ROOT / "deploy" / "haproxy.cfg"
HEALTH_PATH = "/_stcore/health"
COOKIE = "RANPE_SRV"
START_SECONDS = 120
STOP_SECONDS = 20
_SERVERS_BLOCK = re.compile(r"^(\s*# BEGIN app servers[^\n]*\n)(.*?)(^\s*# END app servers)", re.M | re.S)
_BIND = re.compile(r"^(\s*bind\s+)\S+", re.M)
_SYSTEM_ONLY = re.compile(r"^[^\n]*# system service only\n", re.M)


class ServeError(RuntimeError):
    """A refusal or failure to start, as a translation key and its values (the CLI says it in the user's
    language)."""

    def __init__(self, key: str, **values: object):
        super().__init__(key, values)
        self.key = key
        self.values = values


@dataclass
class App:
    """One `streamlit run app.py` behind the proxy: its name (the cookie value that routes to it) and port."""

    name: str
    port: int
    process: subprocess.Popen
    log: Path


@dataclass
class Served:
    """What `serving` started: the address of the proxy, the apps behind it, the proxy itself."""

    url: str
    apps: list[App]
    proxy: subprocess.Popen
    config_path: Path
    folder: Path
    stopped: list[str] = field(default_factory=list)

    def app(self, name: str) -> App:
        return next(app for app in self.apps if app.name == name)


def check_store(target: str, processes: int) -> None:
    """Refuse several processes on an embedded file: DuckDB lets one process hold it."""
    if processes < 1:
        raise ServeError("serve.bad_processes", processes=processes)
    if processes > 1 and not config.is_lake(target):
        raise ServeError("serve.embedded_many", store=target, processes=processes)


def check_port(address: str, port: int) -> None:
    """Refuse a public port something else already listens on (HAProxy would fail to bind it, and health checks at
    that address would reach the other program)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0" if address in ("*", "") else address, port))
        except OSError as exc:
            raise ServeError("serve.port_in_use", address=address, port=port, detail=exc.strerror) from None


def render_config(template: str, address: str, port: int, apps: list[tuple[str, str, int]]) -> str:
    """deploy/haproxy.cfg for this machine: the frontend bound to address:port, the given (name, host, port) apps
    between the BEGIN/END lines (each routed to by its name as RANPE_SRV cookie value), the lines marked "system
    service only" left out."""
    lines = "".join(f"    server {name} {host}:{app_port} cookie {name}\n" for name, host, app_port in apps)
    rendered, found = _SERVERS_BLOCK.subn(lambda m: m.group(1) + lines + m.group(3), template)
    if found != 1:
        raise ValueError(f"{TEMPLATE}: no single '# BEGIN app servers' … '# END app servers' block")
    rendered, found = _BIND.subn(lambda m: f"{m.group(1)}{address}:{port}", rendered)
    if found != 1:
        raise ValueError(f"{TEMPLATE}: no single bind line")
    return _SYSTEM_ONLY.sub("", rendered)


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or next(
        (path for path in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.access(path, os.X_OK)), None
    )
    if found is None:
        raise ServeError("serve.no_haproxy")
    return found


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((address, 0))
        return probe.getsockname()[1]


def app_environment(target: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every app process gets: the caller's (users, settings, RANPE_LAKE_DATA…), the store, and one
    cookie secret for all (Streamlit signs its sign-in cookie with it: a browser signed in with OIDC that the proxy
    moves to another process stays signed in). A secret already set (STREAMLIT_SERVER_COOKIE_SECRET) is kept."""
    env = dict(os.environ if base is None else base)
    env["RANPE_STORE"] = target if config.is_lake(target) else str(Path(target).resolve())
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(config.REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def app_command(port: int) -> list[str]:
    """The command of one app process on a loopback port: `streamlit run app.py`, headless, no usage statistics."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(config.REPO_ROOT / "app.py"),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


def _start_app(name: str, port: int, env: dict[str, str], folder: Path) -> App:
    log = folder / f"{name}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            app_command(port),
            cwd=config.REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the serve command, which stops each app itself
        )
    return App(name, port, process, log)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + HEALTH_PATH, timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def _wait_healthy(urls: dict[str, str], processes: dict[str, subprocess.Popen], logs: dict[str, Path]) -> None:
    deadline = time.monotonic() + START_SECONDS
    waiting = dict(urls)
    while waiting:
        for name, url in list(waiting.items()):
            if healthy(url):
                del waiting[name]
            elif processes[name].poll() is not None or time.monotonic() > deadline:
                tail = logs[name].read_text(errors="replace")[-1500:] if logs[name].exists() else ""
                raise ServeError("serve.start_failed", name=name, log=logs[name], tail=tail.strip())
        if waiting:
            time.sleep(0.3)


def _stop_all(apps: list[App]) -> None:
    for app in apps:
        if app.process.poll() is None:
            app.process.terminate()
    for app in apps:
        stop(app.process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL after STOP_SECONDS."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serving(
    target: str,
    processes: int,
    port: int = 8501,
    address: str = "0.0.0.0",
    folder: Path | None = None,
    env: dict[str, str] | None = None,
    proxy_to_terminal: bool = False,
) -> Iterator[Served]:
    """Start `processes` apps over the store `target` and HAProxy on address:port; yield once every app answers its
    health check and the proxy answers; stop them all when the block ends. Logs and the rendered configuration go
    to folder (a temporary one when not given); HAProxy's own messages to folder/haproxy.log, or with
    proxy_to_terminal to this process's output (the serve command: HAProxy in the foreground)."""
    check_store(target, processes)
    binary = haproxy_binary()
    check_port(address, port)
    with ExitStack() as stack:
        if folder is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ranpe-serve-")))
        folder.mkdir(parents=True, exist_ok=True)
        app_env = app_environment(target, env)
        apps: list[App] = []
        stack.callback(_stop_all, apps)
        for number in range(1, processes + 1):
            apps.append(_start_app(f"app{number}", free_port(), app_env, folder))
        _wait_healthy(
            {app.name: f"http://127.0.0.1:{app.port}" for app in apps},
            {app.name: app.process for app in apps},
            {app.name: app.log for app in apps},
        )
        config_path = folder / "haproxy.cfg"
        config_path.write_text(
            render_config(
                TEMPLATE.read_text(encoding="utf-8"), address, port, [(a.name, "127.0.0.1", a.port) for a in apps]
            ),
            encoding="utf-8",
        )
        proxy_log = folder / "haproxy.log"
        with open(proxy_log, "wb") as out:
            proxy = subprocess.Popen(
                [binary, "-db", "-f", str(config_path)],
                stdout=None if proxy_to_terminal else out,
                stderr=None if proxy_to_terminal else subprocess.STDOUT,
                start_new_session=True,
            )
        stack.callback(stop, proxy)
        host = "127.0.0.1" if address in ("0.0.0.0", "*", "::", "") else address
        url = f"http://{host}:{port}"
        _wait_healthy({"haproxy": url}, {"haproxy": proxy}, {"haproxy": proxy_log})
        yield Served(url, apps, proxy, config_path, folder)


def wait_for_signal(served: Served, report_stopped: Callable[[App], None]) -> int:
    """Block until SIGINT/SIGTERM (0) or until the proxy exits (its exit code); report each app that stops on its
    own (the proxy moves its sessions to the others)."""
    received: list[int] = []

    def note(number: int, _frame: object) -> None:
        received.append(number)

    previous = {number: signal.signal(number, note) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not received:
            if served.proxy.poll() is not None:
                return served.proxy.returncode or 1
            for app in served.apps:
                if app.name not in served.stopped and app.process.poll() is not None:
                    served.stopped.append(app.name)
                    report_stopped(app)
            time.sleep(0.5)
        return 0
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
