"""The plan periods' commands: `period add` and `period remove` (admin edits, audited), `period list [--json]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ranpe.access.roles import cli_actor
from ranpe.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, open_store
from ranpe.i18n import t
from ranpe.plan import periods


def cmd_period_add(args: argparse.Namespace) -> int:
    path = Path(args.groups)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(t("period.error.groups_file", args.lang, file=path.name, detail=exc), file=sys.stderr)
        return EXIT_USAGE
    found, problems = periods.read_groups_csv(text, path.name)
    store = open_store(args)
    try:
        if problems:
            raise periods.PeriodError(problems)
        period = periods.save_period(
            store,
            code=args.code,
            name=args.name,
            name_en=args.name_en,
            legal_basis=args.legal_basis,
            years=args.years,
            group_word=args.group_word,
            group_word_en=args.group_word_en,
            groups_in=found,
            actor=cli_actor(os.environ.get("USER", "cli")),
            illustrative=args.illustrative,
            edit=args.replace,
            groups_file=path.name,
        )
    except periods.PeriodError as exc:
        for message in exc.messages(args.lang):
            print(message, file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    print(t("period.added", args.lang, code=period.code, groups=len(found)))
    return EXIT_OK


def cmd_period_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        found = [periods.period_as_dict(store, period) for period in periods.list_periods(store)]
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print(t("period.list.empty", args.lang))
    for period in found:
        word = period["group_word_en"] if args.lang == "en" else period["group_word"]
        marker = f" [{t('period.badge', args.lang)}]" if period["illustrative"] else ""
        print(
            f"{period['code']}  {period['first_year']}–{period['last_year']}  "
            f"{period['name_en'] if args.lang == 'en' else period['name']}  ({period['legal_basis'] or '–'}){marker}"
        )
        for group in period["groups"]:
            print(f"  {word} {group['number']}: {group['name_en'] if args.lang == 'en' else group['name']}")
    return EXIT_OK


def cmd_period_remove(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        periods.remove_period(store, args.code, actor=cli_actor(os.environ.get("USER", "cli")))
    except periods.PeriodError as exc:
        for message in exc.messages(args.lang):
            print(message, file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    print(t("period.removed", args.lang, code=args.code))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `period add`, `period remove` and `period list`."""
    parser = subparsers.add_parser("period", parents=[common], help="plan periods and their groups")
    sub = parser.add_subparsers(dest="period_command", required=True)
    p = sub.add_parser("add", parents=[common], help="add a plan period and its groups (admin; audited)")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--name", required=True, help="the period's name (Indonesian)")
    p.add_argument("--name-en", required=True, help="the period's name (English)")
    p.add_argument("--legal-basis", default="", help="e.g. Perpres 7/2021")
    p.add_argument("--years", required=True, help="first and last year, e.g. 2026-2029")
    p.add_argument("--group-word", required=True, help="the word for its groups: Pilar, Tema")
    p.add_argument("--group-word-en", required=True, help="in English: Pillar, Theme")
    p.add_argument(
        "--groups",
        required=True,
        metavar="GROUPS.csv",
        help="columns number,name,name_en,aliases (aliases ;-separated)",
    )
    p.add_argument("--illustrative", action="store_true", help="mark the period as an illustration, not a real plan")
    p.add_argument("--replace", action="store_true", help="replace the existing period CODE (edit it)")
    p.set_defaults(func=cmd_period_add)
    p = sub.add_parser("remove", parents=[common], help="remove a period no stored row uses (admin; audited)")
    p.add_argument("code", metavar="CODE")
    p.set_defaults(func=cmd_period_remove)
    p = sub.add_parser("list", parents=[common], help="list the plan periods and their groups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_period_list)
