"""What every command shares: exit codes, the store named by --db, K/L and province names resolved, --as-of, the
loop of the import commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ranpe.i18n import AsOf, fmt_date, t
from ranpe.ingest.contract import Invalid
from ranpe.ingest.reference import load_reference
from ranpe.measures.filters import NATIONAL, parse_moment
from ranpe.store.connection import Store

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_IN_USE = 0, 1, 2, 3


def open_store(args: argparse.Namespace) -> Store:
    """The store of --store, else of --db, else the default one ($RANPE_STORE, $RANPE_DB, data/ranpe.duckdb)."""
    chosen = getattr(args, "store", None) or args.db
    return Store(chosen) if chosen else Store()


def resolve_agency(store: Store, value: str) -> str:
    try:
        return load_reference(store).agency(value)
    except Invalid:
        raise SystemExit(usage(t("given.unknown_agency", "id", value=value))) from None


def resolve_province(store: Store, value: str) -> str:
    try:
        code = load_reference(store).province(value)
    except Invalid:
        raise SystemExit(usage(f"{value}: {t('expect.province', 'en')}")) from None
    return code or NATIONAL


def usage(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_USAGE


def parse_as_of(text: str) -> datetime:
    """An --as-of value: an ISO 8601 date (the end of that day, local time) or date-time; a usage error, in both
    languages, for anything else."""
    try:
        return parse_moment(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{t('as_of.bad_date', 'id', value=text)} / {t('as_of.bad_date', 'en', value=text)}"
        ) from None


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """--as-of: read the store as it was at a moment (Filters.as_of)."""
    parser.add_argument(
        "--as-of",
        dest="as_of",
        type=parse_as_of,
        metavar="DATE",
        help="figures as stored then: 2023-10-10 (the end of that day, local time) or 2023-10-10T14:30:05; "
        "uploads, replacements and restores after it are ignored",
    )


def has_year(store: Store, year: int, as_of: datetime | None) -> bool:
    """Whether the store held active rows of the year at the moment (now, without one)."""
    return any(int(r["year"]) == year for r in store.query_rows("measures/years_with_data_as_of", as_of=as_of))


def as_of_notes(store: Store, year: int, as_of: datetime | None, lang: str) -> tuple[str | None, str | None]:
    """What a command read as of a moment says: the date, as the charts' source lines name it, and, when nothing of
    the year was stored by then, a sentence saying so (None for each that does not apply)."""
    if as_of is None:
        return None, None
    when = fmt_date(AsOf.of(as_of), lang)
    nothing_then = None if has_year(store, year, as_of) else t("as_of.no_data", lang, year=year, date=when)
    return t("as_of.source", lang, date=when), nothing_then


def import_files(
    args: argparse.Namespace,
    import_one: Callable[[Store, Path], Any],
    usage_error: type[Exception] | tuple[type[Exception], ...] = (),
) -> int:
    """The import commands' loop (ingest, catalogue import, crosswalk import): each FILE of args.files through
    import_one(store, path), its outcome printed, or with --json one report of every file; a file not found or a
    usage_error exits 2 at once (its message on stderr), any file refused 1, else 0."""
    store = open_store(args)
    results = []
    try:
        for name in args.files:
            path = Path(name)
            if not path.is_file():
                print(f"{name}: not found / tidak ditemukan", file=sys.stderr)
                return EXIT_USAGE
            try:
                result = import_one(store, path)
            except usage_error as exc:
                print(str(exc), file=sys.stderr)
                return EXIT_USAGE
            results.append(result)
            if not args.json:
                print_result(result, args.lang)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"files": [r.as_dict(args.lang) for r in results]}, ensure_ascii=False, default=str))
    return EXIT_REFUSED if any(r.status == "refused" for r in results) else EXIT_OK


def print_result(result: Any, lang: str) -> None:
    """One file's outcome, then each problem (sheet, row, column, value) and warning on a line of its own."""
    print(f"{result.file_name}: {result.message(lang)}")
    for problem in result.problems:
        place = ", ".join(
            f"{label} {value}"
            for label, value in (("sheet", problem.sheet), ("row", problem.row), ("column", problem.column))
            if value not in (None, "")
        )
        shown = f" [{problem.value}]" if problem.value else ""
        print(f"  - {place}{shown}: {problem.message(lang)}")
    for warning in getattr(result, "warnings", ()):  # a crosswalk's result has none
        # A data check may name a row of another, stored file (an action this file drops): say which.
        other_file = f"{warning.file}, " if warning.file and warning.file != result.file_name else ""
        print(f"  ! {other_file}{warning.sheet} {warning.row}: {warning.message(lang)}")
