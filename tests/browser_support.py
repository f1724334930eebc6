"""What the browser tests share: Debian's Chromium and its flags, and `streamlit run` on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import IO

from ranpe import serve

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(env: dict[str, str], log: IO[bytes] | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` on 127.0.0.1 and a free port with env added; returns once it answers health."""
    port = free_port()
    process = subprocess.Popen(
        serve.app_command(port),
        cwd=REPO,
        env=os.environ | {"RANPE_AUTO_DEMO": "0"} | env,
        stdout=log if log is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, base
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("streamlit did not start") from None
            time.sleep(0.3)


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)


# The upload page's uploader of submissions (the catalogue section below it has an uploader of its own).
SUBMISSIONS_UPLOADER = ".st-key-ws_upload_files [data-testid='stFileUploader']"
