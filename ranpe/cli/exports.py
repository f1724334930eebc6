"""The export commands: `python -m ranpe export pack|data`, each leaving an entry in the audit log."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ranpe.access import audit
from ranpe.access.roles import cli_actor
from ranpe.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    add_as_of,
    has_year,
    open_store,
    resolve_agency,
    resolve_province,
)
from ranpe.config import MAX_GROUPS
from ranpe.exports import tables
from ranpe.exports.tables import TABLES
from ranpe.i18n import AsOf, fmt_date, fmt_int, t
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store

PACK_SUFFIXES = (".pptx", ".pdf")
DATA_SUFFIXES = (".xlsx", ".csv")


def _filters(store: Store, args: argparse.Namespace) -> Filters:
    agency = resolve_agency(store, args.agency) if args.agency else None
    province = resolve_province(store, args.province) if args.province else None
    return Filters(args.year, args.quarter, args.pillar, agency, province, args.as_of)


def _check_suffix(out: Path, allowed: tuple[str, ...], lang: str) -> str | None:
    if out.suffix.lower() not in allowed:
        print(t("exports.cli.bad_suffix", lang, suffixes=" / ".join(allowed)), file=sys.stderr)
        return None
    return out.suffix.lower().lstrip(".")


def _export(args: argparse.Namespace, suffixes: tuple[str, ...], make, details: dict[str, Any]) -> int:
    """The shape every export command shares: check the file type, resolve the filters, refuse a year without
    data, write make(store, filters, file_format)'s bytes to --out and leave an audit entry."""
    out = Path(args.out)
    file_format = _check_suffix(out, suffixes, args.lang)
    if file_format is None:
        return EXIT_USAGE
    store = open_store(args)
    try:
        filters = _filters(store, args)
        if not has_year(store, filters.year, filters.as_of):
            if filters.as_of:
                when = fmt_date(AsOf.of(filters.as_of), args.lang)
                print(t("as_of.no_data", args.lang, year=filters.year, date=when), file=sys.stderr)
            else:
                print(t("exports.cli.no_data", args.lang, year=filters.year), file=sys.stderr)
            return EXIT_REFUSED
        out.write_bytes(make(store, filters, file_format))
        audit.record(
            store,
            cli_actor(args.user),
            "export",
            {**details, "format": file_format, "filters": filters.as_dict(), "lang": args.lang, "file": out.name},
        )
    finally:
        store.close()
    print(t("exports.cli.written", args.lang, path=out, size=fmt_int(out.stat().st_size, args.lang)))
    return EXIT_OK


def cmd_export_pack(args: argparse.Namespace) -> int:
    # Imported here: the pack brings Plotly, python-pptx and kaleido, which no other command needs.
    from ranpe.exports import pack

    def make(store: Store, filters: Any, file_format: str) -> bytes:
        return pack.build_pack(store, filters, args.lang, file_format, marking=args.marking).data

    return _export(args, PACK_SUFFIXES, make, {"kind": "pack", "marking": args.marking})


def cmd_export_data(args: argparse.Namespace) -> int:
    def make(store: Store, filters: Any, file_format: str) -> bytes:
        return tables.export_table(store, args.table, filters, args.lang, file_format)[0]

    return _export(args, DATA_SUFFIXES, make, {"kind": "data", "table": args.table})


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="default: each K/L's latest quarter")
    parser.add_argument("--pillar", type=int, choices=range(1, MAX_GROUPS + 1), metavar="N")
    parser.add_argument("--agency", help="K/L code, name or alias")
    parser.add_argument("--province", help="BPS code, name or alias; 'nasional' for national rows")
    add_as_of(parser)
    parser.add_argument("--user", default=os.environ.get("USER", "cli"), help="who exports (audit log)")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `export pack` and `export data` to the command line."""

    export = subparsers.add_parser("export", help="write a briefing pack (.pptx/.pdf) or a data file (.xlsx/.csv)")
    commands = export.add_subparsers(dest="export_command", required=True)

    p = commands.add_parser("pack", parents=[common], help="the briefing pack for the filters, .pptx or .pdf")
    _add_filters(p)
    p.add_argument("--marking", help="classification marking on every slide, e.g. TERBATAS")
    p.add_argument("--out", required=True, metavar="FILE.pptx|FILE.pdf")
    p.set_defaults(func=cmd_export_pack)

    p = commands.add_parser("data", parents=[common], help="a filtered table as .xlsx or .csv")
    _add_filters(p)
    p.add_argument("--table", choices=tuple(TABLES), default="actions", help="which table (default: actions)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.csv")
    p.set_defaults(func=cmd_export_data)
