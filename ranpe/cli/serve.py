"""`serve`: N app processes over one store behind HAProxy on one address (ranpe.serve), until Ctrl-C/SIGTERM."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

from ranpe import config, demo, serve
from ranpe.cli.common import EXIT_OK, EXIT_REFUSED
from ranpe.i18n import t
from ranpe.store.connection import Store


def _stop_on_sigterm(_number: int, _frame: object) -> None:
    raise KeyboardInterrupt


def cmd_serve(args: argparse.Namespace) -> int:
    target = args.store or args.db or config.store_target()
    lang = args.lang
    try:
        serve.check_store(target, args.processes)
        serve.haproxy_binary()
        serve.check_port(args.address, args.port)
    except serve.ServeError as exc:
        print(t(exc.key, lang, **exc.values), file=sys.stderr)
        return EXIT_REFUSED
    # Opened once here, before the apps: a new shared store is created and upgraded by one process, not by N at
    # once; a store that cannot be opened is said now (cli.main's messages), not in N logs.
    with Store(target) as store:
        if args.processes > 1 and os.environ.get("RANPE_AUTO_DEMO", "1") != "0" and not store.query_rows("store/years"):
            # An app fills an empty store with the demo on its first session; N apps could each start it at once.
            print(t("serve.demo_loading", lang), flush=True)
            demo.load_if_empty(store, lambda message: print(f"  {message}", flush=True), lang)
    # SIGTERM while the apps start (systemd stopping the unit) unwinds like Ctrl-C: every child started is stopped.
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    folder = args.log_dir or Path(tempfile.mkdtemp(prefix="ranpe-serve-"))
    print(t("serve.starting", lang, processes=args.processes, folder=folder), flush=True)
    try:
        with serve.serving(
            target, args.processes, args.port, args.address, folder=folder, proxy_to_terminal=True
        ) as served:
            apps = ", ".join(f"{app.name} 127.0.0.1:{app.port}" for app in served.apps)
            print(t("serve.ready", lang, url=served.url, apps=apps), flush=True)

            def stopped(app: serve.App) -> None:
                message = t(
                    "serve.app_stopped", lang, name=app.name, port=app.port, code=app.process.returncode, log=app.log
                )
                print(message, file=sys.stderr, flush=True)

            code = serve.wait_for_signal(served, stopped)
            if code:
                print(t("serve.proxy_stopped", lang, code=code), file=sys.stderr)
    except serve.ServeError as exc:
        print(t(exc.key, lang, **exc.values), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM before every process was up: those started are stopped
        code = EXIT_OK
    print(t("serve.stopped", lang), flush=True)
    return code or EXIT_OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the serve command."""
    p = subparsers.add_parser(
        "serve",
        parents=[common],
        help="start N app processes over the store behind HAProxy on one address (cookie-sticky sessions, "
        "WebSockets, health checks; deploy/haproxy.cfg); N > 1 needs the shared store",
    )
    p.add_argument("--processes", type=int, default=2, help="how many `streamlit run app.py` processes (default 2)")
    p.add_argument("--port", type=int, default=8501, help="the public port HAProxy listens on (default 8501)")
    p.add_argument("--address", default="0.0.0.0", help="the address HAProxy listens on (default 0.0.0.0: all)")
    p.add_argument(
        "--log-dir", type=Path, help="where the apps' logs and the rendered haproxy.cfg go (default: a new /tmp folder)"
    )
    p.set_defaults(func=cmd_serve)
