"""The obstacles command: obstacle texts of the counted rows coded into themes, with their deciding words."""

from __future__ import annotations

import argparse
import json
import sys

from ranpe.cli.common import EXIT_OK, add_as_of, as_of_notes, open_store, resolve_agency, resolve_province
from ranpe.config import MAX_GROUPS
from ranpe.i18n import fmt_int, fmt_quarter, t


def cmd_obstacles(args: argparse.Namespace) -> int:
    from ranpe.measures import dashboard, obstacles
    from ranpe.measures.filters import Filters

    store = open_store(args)
    try:
        province = resolve_province(store, args.province) if args.province else None
        agency = resolve_agency(store, args.agency) if args.agency else None
        filters = Filters(args.year, args.quarter, args.pillar, agency, province, args.as_of)
        result = obstacles.report(store, filters, args.lang)
        described = dashboard.describe_filters(store, filters, args.lang)
        source, nothing_then = as_of_notes(store, args.year, args.as_of, args.lang)
    finally:
        store.close()
    if args.json:
        if nothing_then:  # the JSON keeps its shape: that nothing was stored by then is said beside it
            print(nothing_then, file=sys.stderr)
        print(json.dumps(result, ensure_ascii=False))
        return EXIT_OK
    lang = args.lang
    print(t("obs.cli.header", lang, period=described))
    for line in (source, nothing_then):
        if line:
            print(f"  {line}")
    for theme in result["themes"]:
        texts, still_open = fmt_int(theme["texts"], lang), fmt_int(theme["open"], lang)
        print(f"  {t('obs.cli.theme_line', lang, name=theme['name'], texts=texts, open=still_open)}")
    print(t("obs.cli.texts", lang, count=fmt_int(len(result["texts"]), lang)))
    names = {theme["theme"]: theme["name"] for theme in result["themes"]}
    for text in result["texts"]:
        state = t("obs.open" if text["open"] else "obs.resolved", lang)
        where = " · ".join(
            [
                text["agency_code"],
                text["action_code"],
                text["province_code"] or t("national", lang),
                f"{text['year']} {fmt_quarter(text['quarter'], lang)}",
            ]
        )
        themes = ", ".join(names.get(code, code) for code in text["themes"])
        print(f"- [{where}] {text['text']}")
        print(f"    {themes} ({t('obs.cli.words', lang)}: {'; '.join(text['matched']) or '–'}) · {state}")
        if text["follow_up"]:
            print(f"    {t('obs.texts.follow_up', lang)}: {text['follow_up']}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the obstacles command to the command line."""
    p = sub.add_parser("obstacles", parents=[common], help="obstacle texts coded into themes, open or resolved")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    p.add_argument("--pillar", type=int, choices=range(1, MAX_GROUPS + 1), metavar="N")
    p.add_argument("--agency", help="K/L code, name or alias")
    p.add_argument("--province", help="BPS code, name or alias; 'nasional' for national rows")
    p.add_argument("--json", action="store_true", help="print {themes, texts} as JSON")
    add_as_of(p)
    p.set_defaults(func=cmd_obstacles)
