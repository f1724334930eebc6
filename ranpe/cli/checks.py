"""The data-check command: check."""

from __future__ import annotations

import argparse
import json
import sys

from ranpe.cli.common import EXIT_OK, add_as_of, as_of_notes, open_store, resolve_agency


def cmd_check(args: argparse.Namespace) -> int:
    from ranpe.checks import report, rules

    store = open_store(args)
    try:
        agency = resolve_agency(store, args.agency) if args.agency else None
        run = rules.run_checks(store, args.year, args.quarter, agency, args.as_of)
        lookups = report.names(store, args.lang)
        source, nothing_then = as_of_notes(store, args.year, args.as_of, args.lang)
    finally:
        store.close()
    if args.json:
        if nothing_then:  # the JSON keeps its shape: that nothing was stored by then is said beside it
            print(nothing_then, file=sys.stderr)
        print(json.dumps(report.as_json(run, args.lang), ensure_ascii=False, default=str))
    else:
        print("\n".join(report.as_text(run, lookups, args.lang, (source, nothing_then))))
    # Findings are warnings for an analyst to review, never a failure of the command.
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the check command to the command line."""
    p = sub.add_parser("check", parents=[common], help="run the data checks over the stored rows of a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="list the findings of this quarter only")
    p.add_argument("--agency", help="K/L code, name or alias")
    p.add_argument("--json", action="store_true", help="print the findings and the rules skipped as JSON")
    add_as_of(p)
    p.set_defaults(func=cmd_check)
