"""Several app processes behind HAProxy (ranpe.serve, `python -m ranpe serve`): the configuration deploy/haproxy.cfg
as shipped and as rendered, the refusal of an embedded file for several processes, and — on PostgreSQL, with 2 app
processes and the proxy in real Chromium — two sessions on different processes, an upload through one seen in the
other within a rerun, and an app process killed without losing the upload or the next session."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ranpe import serve
from ranpe.cli import main as cli_main
from tests.browser_support import ARTIFACTS, REPO, free_port
from tests.test_browser_dashboard import Visit
from tests.test_browser_workspace import GOOD, upload

needs_haproxy = pytest.mark.skipif(
    shutil.which("haproxy") is None and not os.path.exists("/usr/sbin/haproxy"),
    reason="HAProxy is not installed (.ci/run installs Debian's haproxy)",
)


def haproxy_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([serve.haproxy_binary(), "-c", "-f", str(path)], capture_output=True, text=True)


@needs_haproxy
def test_shipped_and_rendered_configuration_are_valid_haproxy(tmp_path):
    shipped = haproxy_check(serve.TEMPLATE)
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr

    text = serve.render_config(
        serve.TEMPLATE.read_text(encoding="utf-8"),
        "127.0.0.1",
        18601,
        [("app1", "127.0.0.1", 18611), ("app2", "127.0.0.1", 18612)],
    )
    rendered = tmp_path / "haproxy.cfg"
    rendered.write_text(text, encoding="utf-8")
    checked = haproxy_check(rendered)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = [line.strip() for line in text.splitlines()]
    assert "bind 127.0.0.1:18601" in lines
    assert [line for line in lines if line.startswith("server ")] == [
        "server app1 127.0.0.1:18611 cookie app1",
        "server app2 127.0.0.1:18612 cookie app2",
    ]
    # Sticky by a cookie HAProxy inserts, WebSockets kept an hour, health on Streamlit's endpoint, redispatch.
    for needed in (
        "balance roundrobin",
        "cookie RANPE_SRV insert indirect nocache httponly",
        "timeout tunnel 1h",
        "option httpchk GET /_stcore/health",
        "option redispatch",
    ):
        assert needed in lines
    # The serve command runs HAProxy as whoever started it: the system service's user switch is left out.
    assert not any(line.startswith(("user ", "group ")) for line in lines)
    assert "10.0.0.11" not in text


def test_several_processes_on_an_embedded_file_are_refused(tmp_path, capsys):
    db = tmp_path / "ranpe.duckdb"
    assert cli_main(["serve", "--processes", "2", "--store", str(db), "--lang", "en"]) == 1
    said = capsys.readouterr().err
    assert f"{db} is an embedded DuckDB file: only one process can open it, not 2" in said
    assert "ducklake:postgres:" in said
    assert cli_main(["serve", "--processes", "3", "--db", str(db)]) == 1
    assert "hanya satu proses yang dapat membukanya, bukan 3" in capsys.readouterr().err
    assert not db.exists()  # refused before anything was opened or started


def srv_cookie(visit: Visit) -> str:
    return next(c["value"] for c in visit.context.cookies() if c["name"] == serve.COOKIE)


def shot(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / f"serve_{name}.png"), full_page=True)


def main_text(visit: Visit) -> str:
    return visit.page.locator("[data-testid='stAppViewContainer']").inner_text()


@needs_haproxy
@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.serial  # two app processes, HAProxy and Chromium, one process killed mid-run: the machine to itself
def test_two_processes_behind_the_proxy_share_the_store_and_survive_one_killed(browser, lake_server, tmp_path):
    dbname = lake_server.new_database()
    target = lake_server.url(dbname)
    env = os.environ | {
        "RANPE_LAKE_DATA": str(lake_server.data),
        "RANPE_AUTO_DEMO": "0",
        "RANPE_USERS_FILE": str(tmp_path / "users.toml"),  # none: sign-in off, the local admin may upload
    }
    visits: list[Visit] = []
    try:
        with serve.serving(
            target, 2, port=free_port(), address="127.0.0.1", folder=tmp_path / "serve", env=env
        ) as served:
            first, second = Visit(browser, served.url), Visit(browser, served.url)
            visits += [first, second]
            for visit in (first, second):
                visit.open("")
                visit.page.get_by_text("Belum ada data").first.wait_for(timeout=30_000)
            # Each browser got the proxy's cookie naming the process that served it: two different processes.
            assert {srv_cookie(first), srv_cookie(second)} == {"app1", "app2"}
            shot(second, "second_before_upload")

            # An upload stored through the first session's process ...
            first.open("upload")
            upload(first, tmp_path, "laporan-baik.xlsx", GOOD)
            first.page.get_by_role("button", name="Simpan (1 berkas siap)").click()
            first.page.get_by_text("Disimpan: 3 baris (unggahan #").wait_for(timeout=60_000)
            shot(first, "first_stored")

            # ... shows in the other process's pages within one rerun: the history, then the overview.
            second.go_to("Riwayat")
            second.page.get_by_text("laporan-baik.xlsx").first.wait_for(state="attached", timeout=30_000)
            shot(second, "second_history")
            second.go_to("Ringkasan")
            second.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            assert "Belum ada data" not in main_text(second)
            shot(second, "second_overview")
            assert srv_cookie(second) != srv_cookie(first)  # still on its own process

            # Kill the first session's process outright: the stored upload stays ...
            killed = served.app(srv_cookie(first))
            survivor = next(app.name for app in served.apps if app is not killed)
            killed.process.send_signal(signal.SIGKILL)
            killed.process.wait(timeout=10)
            figures = subprocess.run(
                [sys.executable, "-m", "ranpe", "summary", "--year", "2023", "--json"],
                cwd=REPO,
                env=env | {"RANPE_STORE": target},
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert figures.returncode == 0, figures.stderr
            assert json.loads(figures.stdout)["actions_planned"] == 3

            # ... a new session through the proxy is served by the other process and shows it,
            third = Visit(browser, served.url)
            visits.append(third)
            third.open("")
            third.page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
            assert srv_cookie(third) == survivor
            assert "Belum ada data" not in main_text(third)
            shot(third, "new_session_after_kill")
            # and the killed process's own session moves there on reload.
            first.open("history")
            first.page.get_by_text("laporan-baik.xlsx").first.wait_for(state="attached", timeout=60_000)
            assert srv_cookie(first) == survivor
            shot(first, "moved_session_after_kill")
    finally:
        for visit in visits:
            visit.close()
        lake_server.drop(dbname)


@needs_haproxy
def test_a_public_port_in_use_is_refused(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["serve", "--processes", "1", "--db", str(tmp_path / "ranpe.duckdb"), "--address", "127.0.0.1"]
        assert cli_main([*args, "--port", str(port), "--lang", "en"]) == 1
    assert f"Port {port} on 127.0.0.1 is already in use by another program" in capsys.readouterr().err


@needs_haproxy
@pytest.mark.slow
def test_serve_command_prints_the_address_and_stops_everything_on_sigterm(tmp_path):
    port = free_port()
    options = [
        "--processes",
        "1",
        "--port",
        str(port),
        "--address",
        "127.0.0.1",
        "--db",
        str(tmp_path / "ranpe.duckdb"),
    ]
    command = subprocess.Popen(
        [sys.executable, "-m", "ranpe", "serve", *options, "--log-dir", str(tmp_path / "logs"), "--lang", "en"],
        cwd=REPO,
        env=os.environ | {"RANPE_AUTO_DEMO": "0", "RANPE_USERS_FILE": str(tmp_path / "users.toml")},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        said = [command.stdout.readline(), command.stdout.readline()]
        assert said[1].startswith(f"Pantau RAN PE is ready at http://127.0.0.1:{port} — app processes behind"), said
        app_port = int(said[1].split("app1 127.0.0.1:")[1].split(".")[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as answer:
            assert f"{serve.COOKIE}=app1" in answer.headers["Set-Cookie"]
        assert serve.healthy(f"http://127.0.0.1:{app_port}")
        rendered = (tmp_path / "logs" / "haproxy.cfg").read_text(encoding="utf-8")
        assert f"server app1 127.0.0.1:{app_port} cookie app1" in rendered
        command.send_signal(signal.SIGTERM)
        rest, _ = command.communicate(timeout=60)
    finally:
        if command.poll() is None:
            command.kill()
    assert command.returncode == 0
    assert "Every process stopped." in rest
    assert not serve.healthy(f"http://127.0.0.1:{app_port}")
    assert not serve.healthy(f"http://127.0.0.1:{port}")


# One app process's first run on the store named by RANPE_STORE, with the demo cut to its first DEMO_FILES files (the
# whole one takes minutes on the shared store): it waits for the instant given, so that both processes start together;
# prints whether its page shows the demo banner.
FIRST_RUN = """
import sys, time
from ranpe import demo
whole = demo.generate_files
demo.generate_files = lambda names: whole(names)[: int(sys.argv[2])]
demo.illustrative_files = lambda names: []
from streamlit.testing.v1 import AppTest
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
app = AppTest.from_file(sys.argv[3], default_timeout=600)
app.run()
print("exception:", [e.value for e in app.exception])
print("banner:", any("DATA DEMO" in w.value for w in app.warning))
"""
DEMO_FILES = 3


@pytest.mark.slow
@pytest.mark.serial  # two app processes racing to load the demo, each within its start-up deadline
@pytest.mark.timeout(900)
def test_two_app_processes_starting_together_on_an_empty_shared_store_load_the_demo_once(lake_server, tmp_path):
    from ranpe.store.connection import Store

    dbname = lake_server.new_database()
    target = lake_server.url(dbname)
    script = tmp_path / "first_run.py"
    script.write_text(FIRST_RUN, encoding="utf-8")
    env = serve.app_environment(target) | {
        "RANPE_LAKE_DATA": str(lake_server.data),
        "RANPE_AUTO_DEMO": "1",
        "RANPE_USERS_FILE": str(tmp_path / "users.toml"),  # none: sign-in off
    }
    start = f"{time.time() + 5:.3f}"
    try:
        runs = [
            subprocess.Popen(
                [sys.executable, str(script), start, str(DEMO_FILES), str(REPO / "app.py")],
                cwd=REPO,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        said = [run.communicate(timeout=840)[0] for run in runs]
        for run, text in zip(runs, said, strict=True):
            assert run.returncode == 0, text
            # Each process's first page shows the demo: the one that loaded it and the one that waited its turn.
            assert "exception: []" in text and "banner: True" in text, text
        with Store(target, lake_data=str(lake_server.data)) as store:
            uploads = store.query_rows("demo/uploads")
            # Stored once: as many uploads as demo files, numbered from 1 (a second load would have removed the first
            # and counted on, or stored each file twice).
            assert sorted(row["upload_id"] for row in uploads) == list(range(1, DEMO_FILES + 1))
    finally:
        lake_server.drop(dbname)
