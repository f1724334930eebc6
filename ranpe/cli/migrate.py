"""`migrate`: copy an embedded store into the shared one (or any store into a new one) and verify it."""

from __future__ import annotations

import argparse
import json
import sys

from ranpe.cli.common import EXIT_OK, EXIT_REFUSED
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store import transfer
from ranpe.store.connection import Store, StoreError


def figures(store: Store) -> dict[int, dict]:
    """The summary of every year with rows (the figures `summary --json` prints)."""
    return {
        int(row["year"]): json.loads(json.dumps(summary(store, Filters(year=int(row["year"]))), default=str))
        for row in store.query_rows("store/years")
    }


def cmd_migrate(args: argparse.Namespace) -> int:
    with Store(args.source, read_only=True) as source, Store(args.target) as target:
        try:
            copied = transfer.copy(source, target)
        except StoreError as exc:
            print(exc, file=sys.stderr)
            return EXIT_REFUSED
        before, after = figures(source), figures(target)
    if before != after:
        print(f"{args.target}: the figures differ after the copy", file=sys.stderr)
        return EXIT_REFUSED
    print(json.dumps({"copied": copied, "years_verified": sorted(before)}, ensure_ascii=False))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the migrate command."""
    p = subparsers.add_parser(
        "migrate",
        parents=[common],
        help="copy a store (every version, upload, history, original file) into a new one, e.g. the shared store; "
        "verifies the counts and every year's summary",
    )
    p.add_argument("--from", dest="source", required=True, help="the store to copy (e.g. data/ranpe.duckdb)")
    p.add_argument("--to", dest="target", required=True, help="the new store (ducklake:postgres:<conninfo> or a file)")
    p.set_defaults(func=cmd_migrate)
