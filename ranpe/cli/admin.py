"""The operator's commands: local users (`users`), `backup`, `restore-backup` and `tidy`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ranpe import config
from ranpe.access import audit
from ranpe.access.roles import ROLES, Actor
from ranpe.access.users import (
    UserError,
    add_user,
    import_file,
    load_users,
    remove_user,
    set_password,
    set_role,
    users_file,
)
from ranpe.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, open_store
from ranpe.i18n import fmt_int, t
from ranpe.store.backup import BackupError, restore_backup, write_backup
from ranpe.store.connection import Store


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi / Password: ")
    if first != getpass.getpass("Ulangi / Repeat: "):
        raise UserError("the passwords differ")
    return first


def _cli_actor() -> Actor:
    # Whoever can write the users file (or reach the shared store) manages the users: the operator acts as an admin.
    return Actor(os.environ.get("USER", "cli"), "admin")


def _users_store(args: argparse.Namespace) -> Store | None:
    """The shared store of --store (or --db, $RANPE_STORE), whose table holds its users; None for an embedded store,
    whose users are the users file (the DuckDB file is not opened: the app may hold it)."""
    target = getattr(args, "store", None) or args.db or config.store_target()
    return Store(target) if config.is_lake(str(target)) else None


def cmd_users(args: argparse.Namespace) -> int:
    path = Path(args.users_file) if args.users_file else None
    store = _users_store(args)
    try:
        return _users_command(args, path, store)
    except UserError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    finally:
        if store is not None:
            store.close()


def _users_command(args: argparse.Namespace, path: Path | None, store: Store | None) -> int:
    if args.users_command == "list":
        users = load_users(path, store=store)
        if args.json:
            print(json.dumps([{"name": u.name, "role": u.role, "email": u.email} for u in users.values()]))
        for user in sorted(users.values(), key=lambda u: u.name):
            if not args.json:
                print(f"{user.name:<24} {user.role:<8} {user.email}")
        return EXIT_OK
    if args.users_command == "import":
        if store is None:
            raise UserError(
                "users import: an embedded store's users are the users file itself, nothing to import; "
                "give the shared store (--store ducklake:postgres:...)"
            )
        _print_imported(*import_file(store, actor=_cli_actor(), path=path), path, args.lang)
        return EXIT_OK
    if args.users_command == "add":
        user = add_user(
            args.name,
            args.role,
            _read_password(args),
            actor=_cli_actor(),
            email=args.email or "",
            path=path,
            store=store,
        )
        print(f"{user.name}: {user.role}")
    elif args.users_command == "set-role":
        user = set_role(args.name, args.role, actor=_cli_actor(), path=path, store=store)
        print(f"{user.name}: {user.role}")
    elif args.users_command == "passwd":
        set_password(args.name, _read_password(args), actor=_cli_actor(), path=path, store=store)
        print(f"{args.name}: ok")
    elif args.users_command == "remove":
        remove_user(args.name, actor=_cli_actor(), path=path, store=store)
        print(f"{args.name}: removed")
    return EXIT_OK


def _print_imported(imported: list[str], kept: list[str], path: Path | None, lang: str) -> None:
    where = path or users_file()
    print(t("users.imported", lang, count=len(imported), path=where, names=", ".join(imported) or "-"))
    if kept:
        print(t("users.kept", lang, names=", ".join(kept)))


def _register_users(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `users add|list|set-role|remove|passwd|import`."""
    users_parser = subparsers.add_parser(
        "users",
        parents=[common],
        help="manage local users (sign-in): in the users file beside an embedded store, in the shared store's table",
    )
    users_parser.add_argument(
        "--users-file",
        help="default: $RANPE_USERS_FILE or ~/.config/ranpe/users.toml (on the shared store: what `import` reads)",
    )
    users_sub = users_parser.add_subparsers(dest="users_command", required=True)
    p = users_sub.add_parser("add", help="create a user")
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, default="viewer")
    p.add_argument("--email", help="e-mail used when signing in through OIDC")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p = users_sub.add_parser("list", help="list users")
    p.add_argument("--json", action="store_true")
    p = users_sub.add_parser("set-role", help="change a user's role")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    p = users_sub.add_parser("passwd", help="set a user's password")
    p.add_argument("name")
    p.add_argument("--password-stdin", action="store_true")
    p = users_sub.add_parser("remove", help="delete a user")
    p.add_argument("name")
    users_sub.add_parser(
        "import", help="copy the users file's users into the shared store (names it holds already are left as they are)"
    )
    users_parser.set_defaults(func=cmd_users)


def cmd_backup(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        manifest = write_backup(store, args.out)
    except BackupError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    counts = manifest["counts"]
    files = len(manifest["files"]) - 1
    print(
        t(
            "reliability.backup_written",
            args.lang,
            path=args.out,
            uploads=counts["uploads"],
            rows=counts["rows_stored"],
            files=files,
        )
    )
    return EXIT_OK


def cmd_restore_backup(args: argparse.Namespace) -> int:
    target = Path(args.db) if args.db else config.db_path()
    try:
        manifest, findings = restore_backup(args.backup, target)
    except BackupError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    counts = manifest["counts"]
    print(
        t(
            "reliability.restore_done",
            args.lang,
            path=target,
            uploads=counts["uploads"],
            rows=counts["rows_stored"],
            files=len(manifest["files"]) - 1,
        )
    )
    for finding in findings:
        print(f"  ! {finding.message(args.lang)}", file=sys.stderr)
    return EXIT_REFUSED if findings else EXIT_OK


def cmd_tidy(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        tidied = store.tidy(datetime.now(UTC) - timedelta(days=args.keep_days), dry_run=args.dry_run)
        if tidied is not None and not args.dry_run:
            audit.record(store, _cli_actor(), "store_tidy", {**asdict(tidied), "keep_days": args.keep_days})
    finally:
        store.close()
    if args.json:
        print(json.dumps(None if tidied is None else {**asdict(tidied), "keep_days": args.keep_days}))
    elif tidied is None:
        print(t("store.tidy_embedded", args.lang, path=store.path))
    else:
        key = "store.tidy_dry_run" if tidied.dry_run else "store.tidy_done"
        kb = fmt_int(tidied.size / 1024, args.lang)
        print(t(key, args.lang, snapshots=tidied.snapshots, files=tidied.files, kb=kb, days=args.keep_days))
    return EXIT_OK


def _register_backup(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the backup and restore-backup commands."""
    p = subparsers.add_parser("backup", parents=[common], help="write a consistent backup (.zip) of the store")
    p.add_argument("out", metavar="OUT", type=Path, help="the backup file to write (must not exist)")
    p.set_defaults(func=cmd_backup)
    p = subparsers.add_parser(
        "restore-backup", parents=[common], help="restore a backup as a new store at --db (never overwrites)"
    )
    p.add_argument("backup", metavar="IN", type=Path, help="a backup file written by the backup command")
    p.set_defaults(func=cmd_restore_backup)
    p = subparsers.add_parser(
        "tidy",
        parents=[common],
        help="the shared store: expire old DuckLake snapshots and delete the data files no one needs (every version "
        "of the data is kept)",
    )
    p.add_argument(
        "--keep-days", type=float, default=7.0, help="keep the snapshots and set-aside files of this many days (7)"
    )
    p.add_argument("--dry-run", action="store_true", help="only say what would be expired and deleted")
    p.add_argument("--json", action="store_true", help="what was done as JSON (null for an embedded store)")
    p.set_defaults(func=cmd_tidy)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the users, backup, restore-backup and tidy commands to the command line."""
    _register_users(subparsers, common)
    _register_backup(subparsers, common)
