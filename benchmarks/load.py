"""Benchmark (prints figures; not a test): python -m benchmarks.load [--rows 1000000] [--sessions 50].

Builds a store of synthetic rows (benchmarks.pages' fixture), starts one `streamlit run app.py` on
127.0.0.1, and drives N simultaneous sessions over Streamlit's own websocket protocol (the messages the
browser sends): each opens the overview with its own filters in the URL, then reruns it, sending back the
widget values the server drew, as a browser does. Two scenarios, each on a fresh server: browsing (each
session changes one filter, waits a think time, reruns) and a burst (all sessions rerun at the same
instant). Prints p50/p95 of the first run and of a rerun, and any error.

Setups (--store and --processes, paired in order; default: the embedded file, 1 process): the embedded DuckDB file,
or the shared store (a fresh DuckLake database on the PostgreSQL server of a ducklake:postgres: URL, dropped
afterwards); with N > 1 processes the apps run behind HAProxy (ranpe.serve, as `python -m ranpe serve`) and every
session keeps the proxy's RANPE_SRV cookie, as a browser does, so it stays on its process.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.lake import fresh_lake
from ranpe import config, serve

REPO = Path(__file__).resolve().parent.parent
SERVER_START_SECONDS = 60
RUN_TIMEOUT_SECONDS = 120
_TEXT_ELEMENTS = ("markdown", "metric", "heading", "alert", "text")
_VALUE_WIDGETS = ("selectbox", "radio", "multiselect", "button_group", "checkbox", "text_input")


@dataclass
class Run:
    """What one script run of a session showed (texts, charts, error elements, widget values) and when."""

    seconds: float
    texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    finished: bool = False
    started_at: float = 0.0
    ended_at: float = 0.0
    widget_values: dict[str, bytes] = field(default_factory=dict)
    charts: list[str] = field(default_factory=list)  # each Plotly chart's figure as JSON
    process: str = ""  # the app process that ran it (the proxy's RANPE_SRV cookie; empty without the proxy)


def _shown_value(element: Element, held: dict[str, WidgetState]) -> WidgetState | None:
    """The value a browser holds for a value widget after the server drew it (None for other elements).

    As Streamlit's front end does: a widget the browser already holds keeps its value unless the server sets
    one (set_value); a new widget starts at its default. Values go back as the server's serde expects them
    (streamlit/elements/widgets/*.py `value_type`): selectbox and radio the chosen option's label as
    string_value, multiselect and segmented control/pills the labels as string_array_value."""
    kind = element.WhichOneof("type")
    if kind not in _VALUE_WIDGETS:
        return None
    widget = getattr(element, kind)
    if widget.form_id:
        return None  # a form's widgets send their values only when it is submitted
    if widget.id in held and not widget.set_value:
        return held[widget.id]
    state = WidgetState(id=widget.id)
    if kind in ("selectbox", "radio"):
        if widget.set_value:
            value = widget.raw_value if widget.HasField("raw_value") else None
        else:
            has_default = widget.HasField("default") if kind == "selectbox" else True
            value = widget.options[widget.default] if has_default and widget.default < len(widget.options) else None
        if value is None:
            return None
        state.string_value = value
    elif kind in ("multiselect", "button_group"):
        labels = [option.content for option in widget.options] if kind == "button_group" else list(widget.options)
        values = list(widget.raw_values) if widget.set_value else [labels[i] for i in widget.default]
        state.string_array_value.data.extend(values)
    elif kind == "checkbox":
        state.bool_value = widget.value if widget.set_value else widget.default
    else:  # text_input
        value = widget.value if widget.set_value else widget.default
        if not (widget.HasField("value") if widget.set_value else widget.HasField("default")):
            return None
        state.string_value = value
    return state


class Session:
    """One browser session, as Streamlit's websocket protocol sees it. Like a browser, it keeps the page, the
    URL query the app sets, every widget's value the server drew and the large messages it has received, and
    sends them back with each rerun: each session keeps its own filters across reruns."""

    def __init__(self, port: int, query_string: str):
        self.query_string = query_string
        # As a browser: the page first (behind the proxy, its answer sets the cookie naming this session's process),
        # then the websocket with that cookie, so that it reaches the same process.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=RUN_TIMEOUT_SECONDS) as answer:
            cookies = [value.split(";")[0] for value in answer.headers.get_all("Set-Cookie") or []]
        self.cookie = "; ".join(cookies)
        self.process = dict(c.split("=", 1) for c in cookies).get(serve.COOKIE, "")
        self.page_script_hash = ""
        self.widgets: dict[str, WidgetState] = {}
        self.options: dict[str, list[str]] = {}  # each drawn selectbox's options, by widget id
        self._cached_messages: dict[str, ForwardMsg] = {}
        self._ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/_stcore/stream", timeout=RUN_TIMEOUT_SECONDS, cookie=self.cookie or None
        )

    def run(self) -> Run:
        """Ask for a rerun of the page with this session's URL query and widget values; wait until it finishes."""
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.query_string
        rerun.page_script_hash = self.page_script_hash
        rerun.widget_states.widgets.extend(self.widgets.values())
        rerun.cached_message_hashes.extend(self._cached_messages)
        started = time.perf_counter()
        self._ws.send_binary(message.SerializeToString())
        run = Run(0.0, started_at=started, process=self.process)
        drawn: dict[str, WidgetState] = {}
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(self._ws.recv())
            if forward.WhichOneof("type") == "ref_hash":  # a message this session already holds, by its hash
                forward = self._cached_messages[forward.ref_hash]
            elif forward.metadata.cacheable:
                self._cached_messages[forward.hash] = forward
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                element_type = element.WhichOneof("type")
                if element_type == "exception":
                    run.errors.append(f"{element.exception.type}: {element.exception.message}")
                elif element_type in _TEXT_ELEMENTS:
                    run.texts.append(getattr(element, element_type).body)
                elif element_type == "plotly_chart":
                    run.charts.append(element.plotly_chart.spec)
                if element_type == "selectbox":
                    self.options[element.selectbox.id] = list(element.selectbox.options)
                state = _shown_value(element, self.widgets)
                if state is not None:
                    drawn[state.id] = state
            elif kind == "page_info_changed":
                self.query_string = forward.page_info_changed.query_string
            elif kind == "navigation":
                self.page_script_hash = forward.navigation.page_script_hash
            elif kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun(): the server starts the next run by itself
                run.finished = forward.script_finished in (
                    ForwardMsg.FINISHED_SUCCESSFULLY,
                    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                )
                break
        # After a whole run the browser forgets the widgets the run did not draw.
        self.widgets = drawn if run.finished else {**self.widgets, **drawn}
        run.widget_values = {widget_id: state.SerializeToString() for widget_id, state in self.widgets.items()}
        run.ended_at = time.perf_counter()
        run.seconds = run.ended_at - started
        return run

    def look(self, seconds: float) -> None:
        """As a user looking at the page: no request, but the connection stays answered (the server's pings get
        their pongs while reading, as in a browser; a sleeping client would be disconnected after a while)."""
        deadline = time.monotonic() + seconds
        try:
            while (left := deadline - time.monotonic()) > 0:
                self._ws.settimeout(left)
                try:
                    # Nothing is expected between runs but the server's pings: each is answered, then returned
                    # (control_frame), so that the wait is measured again from here.
                    self._ws.recv_data(control_frame=True)
                except websocket.WebSocketTimeoutException:
                    break
        finally:
            self._ws.settimeout(RUN_TIMEOUT_SECONDS)

    def choose(self, key: str, pick: random.Random) -> None:
        """As a user picking another value in the selectbox with this key: the next run sends it."""
        widget_id = next(i for i in self.options if i.endswith(f"-{key}") and i in self.widgets)
        current = self.widgets[widget_id].string_value
        choice = pick.choice([option for option in self.options[widget_id] if option != current])
        self.widgets[widget_id] = WidgetState(id=widget_id, string_value=choice)

    def close(self) -> None:
        self._ws.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def streamlit_server(
    db: Path, port: int | None = None, log_path: Path | None = None, env: dict[str, str] | None = None
) -> Iterator[int]:
    """`streamlit run app.py` on 127.0.0.1 over the given store (with env added), until the block ends; yields
    its port. The server's output goes to log_path when given (else it is kept only to explain a failed start)."""
    port = port or free_port()
    env = {**os.environ, "RANPE_DB": str(db), "RANPE_AUTO_DEMO": "0", "PYTHONPATH": str(REPO), **(env or {})}
    log = open(log_path, "w+b") if log_path else tempfile.TemporaryFile()  # closed below
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(log.read().decode(errors="replace")[-2000:]) from None
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


# The filters a browsing user changes between two runs (widget keys of ranpe.web.frame's sidebar).
BROWSED_FILTERS = ("filter_quarter", "filter_pillar", "filter_province")


def drive_sessions(
    port: int, query_strings: list[str], reruns: int, think_seconds: float = 0.0, browse: bool = False
) -> list[list[Run]]:
    """One session per query string, all at once; each runs the page once, then `reruns` more times, pausing
    a random 0–2× think_seconds before each rerun (0: every session reruns at once, the worst case). With
    browse, each rerun follows a change of one filter to another value, as a user clicking through views."""
    results: list[list[Run]] = [[] for _ in query_strings]
    ready = threading.Barrier(len(query_strings))

    def drive(index: int) -> None:
        session = Session(port, query_strings[index])
        try:
            ready.wait()
            pick = random.Random(index)
            for number in range(reruns + 1):
                if number and think_seconds:
                    session.look(pick.uniform(0, 2 * think_seconds))
                if number and browse:
                    session.choose(pick.choice(BROWSED_FILTERS), pick)
                results[index].append(session.run())
        except Exception as exc:  # a broken session is a finding of the benchmark, reported as such
            results[index].append(Run(float("nan"), errors=[f"{type(exc).__name__}: {exc}"]))
        finally:
            session.close()

    threads = [threading.Thread(target=drive, args=(i,)) for i in range(len(query_strings))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def app_cpu_seconds() -> float:
    """CPU seconds used so far by the app processes this benchmark started (`streamlit run`, any depth below it),
    read from /proc: the server side of a scenario, without the simulated browsers."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, waiting = 0.0, list(children.get(os.getpid(), []))
    while waiting:
        pid = waiting.pop()
        waiting.extend(children.get(pid, []))
        try:
            if b"streamlit" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def query_strings(count: int, year: int) -> list[str]:
    """Different filters for each session: quarter, pillar and province vary."""
    provinces = ("", "32", "72", "35", "national")
    found = []
    for index in range(count):
        parts = [f"year={year}", "lang=en"]
        if index % 2:
            parts.append(f"quarter={index % 4 + 1}")
        if index % 4 < 3:
            parts.append(f"pillar={index % 3 + 1}")
        if provinces[index % 5]:
            parts.append(f"province={provinces[index % 5]}")
        found.append("&".join(parts))
    return found


def _report(label: str, results: list[list[Run]], wall: float) -> tuple[bool, float | None, float | None]:
    """Print one scenario's figures; whether it ran cleanly, its first-run p95 and its rerun p95."""
    first = [runs[0].seconds for runs in results if runs and runs[0].finished]
    reruns = [run.seconds for runs in results for run in runs[1:] if run.finished]
    errors = [error for runs in results for run in runs for error in run.errors]
    unfinished = sum(1 for runs in results for run in runs if not run.finished)
    print(f"{label}: {len(results)} sessions, {len(first) + len(reruns)} runs of the overview in {wall:.1f} s")
    first_p95 = percentile(first, 0.95) if first else None
    if first:
        print(f"  first run: p50 {statistics.median(first):.2f} s, p95 {first_p95:.2f} s")
    p95 = percentile(reruns, 0.95) if reruns else None
    if reruns:
        print(f"  rerun:     p50 {statistics.median(reruns):.2f} s, p95 {p95:.2f} s, max {max(reruns):.2f} s")
    print(f"  errors: {len(errors)}, unfinished runs: {unfinished}")
    for error in errors[:5]:
        print(f"    {error}")
    processes = sorted({run.process for runs in results for run in runs if run.process})
    if processes:
        moved = sum(len({run.process for run in runs}) > 1 for runs in results)
        counts = ", ".join(
            f"{name} {sum(bool(runs) and runs[0].process == name for runs in results)}" for name in processes
        )
        print(f"  sessions per process: {counts}; sessions that changed process: {moved}")
        for name in processes:
            own = [runs[0].seconds for runs in results if runs and runs[0].finished and runs[0].process == name]
            if own:
                print(f"    {name}: first run p50 {statistics.median(own):.2f} s, p95 {percentile(own, 0.95):.2f} s")
    return not errors and not unfinished, first_p95, p95


@dataclass(frozen=True)
class Setup:
    """Where the app runs: the store (the embedded file, or the shared store on a PostgreSQL server) and how many
    app processes (behind HAProxy when more than one)."""

    store: str  # "file" or ducklake:postgres:<libpq connection string of the server>
    processes: int

    def label(self) -> str:
        kind = "embedded file" if self.store == "file" else "shared store (DuckLake on PostgreSQL)"
        behind = " behind HAProxy" if self.processes > 1 else ""
        return f"{kind}, {self.processes} process{'es' if self.processes > 1 else ''}{behind}"


@contextmanager
def built_store(setup: Setup, rows: int, folder: Path) -> Iterator[str]:
    """The setup's store with the synthetic rows: a DuckDB file in folder, or a fresh DuckLake database (dropped
    afterwards); yields its RANPE_STORE value."""
    from benchmarks.pages import build_store

    started = time.perf_counter()
    if setup.store == "file":
        db = folder / "ranpe.duckdb"
        if not db.exists():
            build_store(db, rows)
            print(f"embedded store of {rows:,} rows built in {time.perf_counter() - started:.1f} s", flush=True)
        yield str(db)
        return
    with fresh_lake(setup.store.removeprefix(config.LAKE_PREFIX), f"load{setup.processes}", folder) as url:
        build_store(url, rows)
        print(f"shared store of {rows:,} rows built in {time.perf_counter() - started:.1f} s", flush=True)
        yield url


@contextmanager
def app_address(setup: Setup, target: str, log_path: Path | None) -> Iterator[int]:
    """A fresh app for one scenario on the setup's store; yields the port sessions connect to (the proxy's with
    several processes)."""
    if setup.processes == 1:
        env = {"RANPE_STORE": target} if config.is_lake(target) else None
        with streamlit_server(Path(target), log_path=log_path, env=env) as port:
            yield port
        return
    port = free_port()
    env = os.environ | {"RANPE_AUTO_DEMO": "0"}
    with serve.serving(target, setup.processes, port=port, address="127.0.0.1", env=env):
        yield port


def setups_of(stores: list[str], processes: list[int]) -> list[Setup]:
    if len(stores) != len(processes):
        raise SystemExit(
            "--store and --processes pair up: give as many of each (e.g. --store file URL --processes 1 2)"
        )
    for store in stores:
        if store != "file" and not config.is_lake(store):
            raise SystemExit(f"--store: 'file' or {config.LAKE_PREFIX}<libpq connection string>, not {store!r}")
    for store, count in zip(stores, processes, strict=True):
        if count < 1 or (count > 1 and store == "file"):
            raise SystemExit(
                f"--processes {count} on --store {store}: one process on the embedded file, 1+ on a shared one"
            )
    return [Setup(store, count) for store, count in zip(stores, processes, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--reruns", type=int, default=3)
    parser.add_argument("--year", type=int, default=2023, help="the year of the synthetic rows")
    parser.add_argument("--server-log", type=Path, help="write the Streamlit server's output to this file (1 process)")
    parser.add_argument(
        "--think",
        type=float,
        nargs="*",
        default=[5.0, 15.0, 30.0],
        help="browsing: mean seconds a user looks at a view before changing a filter; one scenario per value "
        "(--think with no value: the burst alone)",
    )
    parser.add_argument(
        "--store",
        nargs="+",
        default=["file"],
        help="one store per setup: file (the embedded DuckDB file, default) or ducklake:postgres:<libpq connection "
        "string of a PostgreSQL server> (a fresh database is made on it and dropped afterwards)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        nargs="+",
        default=[1],
        help="app processes per setup, paired with --store (default 1; more than 1: behind HAProxy, shared store)",
    )
    args = parser.parse_args(argv)
    setups = setups_of(args.store, args.processes)

    scenarios = [
        (f"browsing (each rerun after a filter change, think time 0-{2 * think:g} s)", think, True)
        for think in args.think
    ] + [("burst (every session reruns the same view at the same instant: the worst case)", 0.0, False)]
    clean = True
    with tempfile.TemporaryDirectory() as folder:
        for setup in setups:
            print(f"\n== {setup.label()}", flush=True)
            with built_store(setup, args.rows, Path(folder)) as target:
                for label, think, browse in scenarios:
                    # A fresh server per scenario: the figures of one do not warm the caches of the next.
                    with app_address(setup, target, args.server_log) as port:
                        for _ in range(setup.processes):  # warm: each app loaded once, as after a deploy
                            Session(port, f"year={args.year}").run()
                        started, cpu_before = time.perf_counter(), app_cpu_seconds()
                        results = drive_sessions(
                            port, query_strings(args.sessions, args.year), args.reruns, think, browse
                        )
                        wall, app_cpu = time.perf_counter() - started, app_cpu_seconds() - cpu_before
                    ran_cleanly, first_p95, p95 = _report(label, results, wall)
                    runs = sum(len(runs) for runs in results)
                    print(f"  app processes' CPU: {app_cpu:.1f} s, {1000 * app_cpu / max(runs, 1):.0f} ms per run")
                    clean = clean and ran_cleanly
                    if browse and p95 is not None:
                        views = args.sessions / think
                        verdict = "met" if p95 < 1 else "MISSED"
                        print(f"  about {views:.1f} new views asked per second; rerun p95 < 1 s: {verdict}")
                    if not browse:
                        kept = sum(
                            run.widget_values == runs[0].widget_values
                            for runs in results
                            for run in runs[1:]
                            if run.finished
                        )
                        print(f"  reruns that kept the session's own filters: {kept}")
                        if first_p95 is not None:
                            verdict = "met" if first_p95 < 3 else "MISSED"
                            print(f"  first runs of {args.sessions} sessions at one instant p95 < 3 s: {verdict}")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
