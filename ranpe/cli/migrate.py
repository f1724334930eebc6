"""`migrate`: copy an embedded store into the shared one (or any store into a new one) and verify it; into a shared
store, the users file's local users too (they live in its table there)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from ranpe.access import users
from ranpe.access.roles import Actor
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
        report = {"copied": copied, "years_verified": sorted(before)} | _users_copied(target)
    print(json.dumps(report, ensure_ascii=False, default=str))
    return EXIT_OK


def _users_copied(target: Store) -> dict[str, object]:
    """Into a shared store that the copy left without users (an embedded store keeps them in the users file, not in
    its table): the users file's users ($RANPE_USERS_FILE or ~/.config/ranpe/users.toml), said in the report."""
    if not users.in_store(target) or users.load_users(store=target):
        return {}
    try:
        imported, _ = users.import_file(target, actor=Actor(os.environ.get("USER", "cli"), "admin"))
    except users.UserError as exc:
        return {"users_imported": [], "users_not_imported": str(exc)}
    return {"users_imported": imported, "users_file": users.users_file()}


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the migrate command."""
    p = subparsers.add_parser(
        "migrate",
        parents=[common],
        help="copy a store (every version, upload, history, original file) into a new one, e.g. the shared store; "
        "verifies the counts and every year's summary; into the shared store, the users file's users too",
    )
    p.add_argument("--from", dest="source", required=True, help="the store to copy (e.g. data/ranpe.duckdb)")
    p.add_argument("--to", dest="target", required=True, help="the new store (ducklake:postgres:<conninfo> or a file)")
    p.set_defaults(func=cmd_migrate)
