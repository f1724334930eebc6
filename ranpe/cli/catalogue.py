"""The plan commands: catalogue import/list/versions/restore, crosswalk import."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ranpe.access.roles import cli_actor
from ranpe.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, import_files, open_store
from ranpe.i18n import fmt_date, fmt_int, t


def cmd_catalogue_import(args: argparse.Namespace) -> int:
    from ranpe.plan.catalogue import UsageError, import_path

    actor = cli_actor(args.user)
    return import_files(args, lambda store, path: import_path(store, path, period=args.period, actor=actor), UsageError)


def _period_or_usage(store, value: str):
    from ranpe.plan.catalogue import UsageError, resolve_period

    try:
        return resolve_period(store, value)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return None


def cmd_catalogue_list(args: argparse.Namespace) -> int:
    from ranpe.plan.catalogue import actions

    store = open_store(args)
    try:
        period = _period_or_usage(store, args.period)
        if period is None:
            return EXIT_USAGE
        rows = actions(store, period.code)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"period": period.code, "actions": rows}, ensure_ascii=False, default=str))
        return EXIT_OK
    if not rows:
        print(t("catalogue.none", args.lang, period=period.code))
    for row in rows:
        supporting = f" + {row['supporting_agencies']}" if row["supporting_agencies"] else ""
        print(f"{row['action_code']:<10} {row['pillar']:>2}  {row['lead_agency']}{supporting}  [{row['years']}]")
        print(f"{'':<14}{row['action']}")
    return EXIT_OK


def write_catalogue_template(store, args: argparse.Namespace) -> int:
    """template OUT.xlsx --catalogue [--period CODE] (the store is closed by the caller)."""
    from ranpe.plan.template import write_catalogue_template as write

    period = _period_or_usage(store, args.period) if args.period else None
    if args.period and period is None:
        return EXIT_USAGE
    write(store, Path(args.out), lang=args.template_lang, period=period)
    print(args.out)
    return EXIT_OK


def cmd_catalogue_versions(args: argparse.Namespace) -> int:
    from ranpe.plan.catalogue import versions

    store = open_store(args)
    try:
        code = None
        if args.period:
            period = _period_or_usage(store, args.period)
            if period is None:
                return EXIT_USAGE
            code = period.code
        rows = versions(store, code)
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return EXIT_OK
    for row in rows:
        active = f" [{t('catalogue.active', args.lang)}]" if row["active"] else ""
        when = fmt_date(row["imported_at"], args.lang, with_time=True)
        print(
            f"#{row['version_id']:>4}  {row['period_code']:<12} {when:<22}"
            f" {fmt_int(row['action_count'], args.lang):>5}  {row['imported_by']:<12} {row['file_name']}{active}"
        )
    return EXIT_OK


def cmd_catalogue_restore(args: argparse.Namespace) -> int:
    from ranpe.plan.catalogue import restore_version

    store = open_store(args)
    try:
        period = restore_version(store, args.version_id, actor=cli_actor(args.user))
    except LookupError:
        print(t("catalogue.no_such_version", args.lang, version=args.version_id), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    print(t("catalogue.restored", args.lang, period=period, version=args.version_id))
    return EXIT_OK


def cmd_crosswalk_import(args: argparse.Namespace) -> int:
    from ranpe.plan.crosswalk import import_path

    actor = cli_actor(args.user)
    return import_files(args, lambda store, path: import_path(store, path, actor=actor))


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the catalogue and crosswalk commands to the command line."""
    user = os.environ.get("USER", "cli")
    p = sub.add_parser("catalogue", help="the action catalogue of a plan period")
    commands = p.add_subparsers(dest="catalogue_command", required=True)

    q = commands.add_parser("import", parents=[common], help="check and store catalogue files (.xlsx/.csv)")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.add_argument("--period", help="the period's code or name, when the file has no Period column")
    q.add_argument("--user", default=user, help="who imports (recorded)")
    q.add_argument("--json", action="store_true", help="print a JSON report")
    q.set_defaults(func=cmd_catalogue_import)

    q = commands.add_parser("list", parents=[common], help="the active catalogue of a period")
    q.add_argument("--period", required=True, help="the period's code or name")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_catalogue_list)

    q = commands.add_parser("versions", parents=[common], help="every imported catalogue version")
    q.add_argument("--period", help="the period's code or name")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_catalogue_versions)

    q = commands.add_parser("restore", parents=[common], help="make an earlier catalogue version active again")
    q.add_argument("version_id", type=int, metavar="VERSION_ID")
    q.add_argument("--user", default=user, help="who restores (recorded)")
    q.set_defaults(func=cmd_catalogue_restore)

    p = sub.add_parser("crosswalk", help="the crosswalk from one plan period to the next")
    commands = p.add_subparsers(dest="crosswalk_command", required=True)
    q = commands.add_parser("import", parents=[common], help="check and store a crosswalk file (.xlsx/.csv)")
    q.add_argument("files", nargs="+", metavar="FILE")
    q.add_argument("--user", default=user, help="who imports (recorded)")
    q.add_argument("--json", action="store_true", help="print a JSON report")
    q.set_defaults(func=cmd_crosswalk_import)
