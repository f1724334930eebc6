"""The data commands: ingest, summary, template, history, restore, demo."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ranpe import i18n
from ranpe.access.roles import cli_actor
from ranpe.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    add_as_of,
    import_files,
    open_store,
    resolve_agency,
    resolve_province,
)
from ranpe.config import MAX_GROUPS
from ranpe.i18n import AsOf, fmt_date, fmt_int, fmt_pct, fmt_quarter, t


def cmd_ingest(args: argparse.Namespace) -> int:
    from ranpe.ingest.pipeline import UsageError, ingest_path

    actor = cli_actor(args.user)
    return import_files(
        args,
        lambda store, path: ingest_path(
            store, path, year=args.year, quarter=args.quarter, agency=args.agency, actor=actor
        ),
        UsageError,
    )


def cmd_summary(args: argparse.Namespace) -> int:
    from ranpe.measures.filters import Filters
    from ranpe.measures.summary import summary
    from ranpe.plan.periods import groups_of_year

    store = open_store(args)
    try:
        province = resolve_province(store, args.province) if args.province else None
        agency = resolve_agency(store, args.agency) if args.agency else None
        filters = Filters(args.year, args.quarter, args.pillar, agency, province, args.as_of)
        result = summary(store, filters)
        named = groups_of_year(store, args.year)
    finally:
        store.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return EXIT_OK
    lang = args.lang
    period = f"{args.year}" + (f" {fmt_quarter(args.quarter, lang)}" if args.quarter else "")
    print(f"{t('app.title', lang)} — {period}")
    if filters.as_of:
        print(f"  {t('as_of.source', lang, date=fmt_date(AsOf.of(filters.as_of), lang))}")
    rate = fmt_pct(result["commitment_rate"], lang)
    print(
        f"  {t('cli.commitment', lang)}: {rate} ({fmt_int(result['actions_committed'], lang)} / "
        f"{fmt_int(result['actions_planned'], lang)})"
    )
    print(
        f"  {t('cli.involvement', lang)}: {fmt_int(result['agencies_involved'], lang)} / "
        f"{fmt_int(result['agencies_total'], lang)}"
    )
    print(f"  {t('cli.target_achievement', lang)}: {fmt_pct(result['target_achievement'], lang)}")
    for item in result["by_pillar"]:
        print(
            f"  {named.short(item['pillar'], lang)}: {fmt_pct(item['rate'], lang)} "
            f"({item['committed']} / {item['planned']})"
        )
    for item in result["by_province"]:
        name = item["province_code"] or t("national", lang)
        print(
            f"  {t('field.province', lang)} {name}: {fmt_pct(item['rate'], lang)} "
            f"({item['committed']} / {item['planned']})"
        )
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from ranpe.ingest.template import write_template

    store = open_store(args)
    try:
        if args.catalogue:
            from ranpe.cli.catalogue import write_catalogue_template

            return write_catalogue_template(store, args)
        try:
            write_template(store, Path(args.out), lang=args.template_lang, year=args.year)
        except ValueError:
            periods = ", ".join(
                f"{p['code']} ({p['first_year']}–{p['last_year']})" for p in store.query_rows("plan/periods")
            )
            print(t("given.year_no_period", args.lang, value=args.year, periods=periods), file=sys.stderr)
            return EXIT_USAGE
    finally:
        store.close()
    print(args.out)
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        agency = resolve_agency(store, args.agency) if args.agency else None
        rows = store.query_rows("workspace/upload_history", agency=agency, year=args.year)
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return EXIT_OK
    lang = args.lang
    for row in rows:
        demo = f" [{t('demo.badge', lang)}]" if row["is_demo"] else ""
        # A refused catalogue or crosswalk import (numbered with the uploads) is marked, with its plan period.
        if row["kind"] in ("catalogue", "crosswalk"):
            demo += " [" + t("ws.upload_status." + row["kind"], lang) + "]"
            held = row["period_code"] or ""
        else:
            held = f"{row['agencies'] or ''} {row['periods'] or ''}"
        print(
            f"#{row['upload_id']:>5}  {fmt_date(row['uploaded_at'], lang, with_time=True):<22} "
            f"{row['status']:<9} {fmt_int(row['row_count'], lang):>9}  {row['uploaded_by']:<12} "
            f"{row['file_name']}{demo}  {held}"
        )
    if not rows:
        print(t("cli.no_uploads", lang))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ranpe.ingest.pipeline import restore_upload

    store = open_store(args)
    try:
        slices = restore_upload(store, args.upload_id, actor=cli_actor(os.environ.get("USER", "cli")))
    except LookupError:
        print(t("cli.no_such_upload", args.lang, upload_id=args.upload_id), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        store.close()
    print(t("cli.restored", args.lang, upload_id=args.upload_id, count=len(slices)))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from ranpe import demo

    store = open_store(args)
    try:
        if args.remove:
            count = demo.remove(store)
            print(t("cli.demo_removed", args.lang, count=count))
        else:
            count = demo.load(store, progress=None if args.quiet else print)
            print(t("cli.demo_loaded", args.lang, count=count))
    finally:
        store.close()
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the data commands to the command line."""
    p = sub.add_parser("ingest", parents=[common], help="validate and store submission files")
    p.add_argument("files", nargs="+", metavar="FILE", help=".xlsx or .csv files")
    p.add_argument("--year", help="year for the whole file (fills a missing column)")
    p.add_argument("--quarter", help="quarter for the whole file: 1-4, I-IV, TW III, Q3")
    p.add_argument("--agency", help="K/L for the whole file: code, name or alias")
    p.add_argument("--user", default=os.environ.get("USER", "cli"), help="who uploads (recorded)")
    p.add_argument("--json", action="store_true", help="print a JSON report")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("summary", parents=[common], help="print the measures for a year")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
    p.add_argument("--pillar", type=int, choices=range(1, MAX_GROUPS + 1), metavar="N")
    p.add_argument("--agency", help="K/L code, name or alias")
    p.add_argument("--province", help="BPS code, name or alias; 'nasional' for national rows")
    add_as_of(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("template", parents=[common], help="write the submission template (.xlsx)")
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument(
        "--template-lang",
        "--lang-template",
        dest="template_lang",
        choices=i18n.LANGS,
        default=None,
        help="headers in id (default) or en; defaults to --lang",
    )
    p.add_argument("--year", type=int, help="the groups of this year's plan period (default: the latest real period)")
    p.add_argument("--catalogue", action="store_true", help="write the action catalogue template instead")
    p.add_argument("--period", help="with --catalogue: the period's code or name (default: the latest)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("history", parents=[common], help="list uploads")
    p.add_argument("--agency")
    p.add_argument("--year", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("restore", parents=[common], help="make an earlier upload the active version again")
    p.add_argument("upload_id", type=int, metavar="UPLOAD_ID")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("demo", parents=[common], help="load (or --remove) the demo data set")
    p.add_argument("--remove", action="store_true", help="remove every demo upload")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)
