"""Owns the command line, python -m ranpe <command> --help. Imports: any engine package, never web.

Every command module adds its commands through register(subparsers, common_parent_parser); each command sets
func(args) -> exit code."""

from __future__ import annotations

import argparse
import os
import sys

from ranpe import i18n
from ranpe.cli import admin, catalogue, checks, data, exports, migrate, obstacles, periods, serve
from ranpe.cli.common import EXIT_IN_USE
from ranpe.i18n import t
from ranpe.store.connection import StoreError, StoreInUse, StoreUnavailable


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB file (default: $RANPE_DB or data/ranpe.duckdb)")
    common.add_argument(
        "--store",
        help="the store: a DuckDB file or ducklake:postgres:<libpq connection string> (default: $RANPE_STORE, "
        "else --db); the shared store's data files in $RANPE_LAKE_DATA",
    )
    common.add_argument(
        "--lang",
        choices=i18n.LANGS,
        default=os.environ.get("RANPE_LANG", "id"),
        help="language of messages: id (default) or en",
    )
    parser = argparse.ArgumentParser(prog="python -m ranpe", description="Pantau RAN PE: ingest, measures, history")
    sub = parser.add_subparsers(dest="command", required=True)

    for module in (data, admin, exports, checks, obstacles, periods, catalogue, migrate, serve):
        module.register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "template_lang", "unset") is None:
        args.template_lang = args.lang
    try:
        return args.func(args)
    except StoreInUse as exc:
        print(t("store.in_use", args.lang, path=exc), file=sys.stderr)
        return EXIT_IN_USE
    except StoreUnavailable as exc:
        # What happened in the user's language, then the store's own error line (for the operator).
        print(t(exc.message_key, args.lang, **exc.params), file=sys.stderr)
        print(f"  {exc}", file=sys.stderr)
        return EXIT_IN_USE
    except StoreError as exc:
        print(t("store.cannot_open", args.lang, detail=str(exc).splitlines()[0].rstrip(".")), file=sys.stderr)
        return EXIT_IN_USE
