"""What every command shares: exit codes, the store named by --db, K/L and province names resolved."""

from __future__ import annotations

import argparse
import sys

from ranpe.i18n import t
from ranpe.ingest.contract import Invalid
from ranpe.ingest.reference import load_reference
from ranpe.measures.filters import NATIONAL
from ranpe.store.connection import Store

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_IN_USE = 0, 1, 2, 3


def open_store(args: argparse.Namespace) -> Store:
    """The store of --db, or the default one."""
    return Store(args.db) if args.db else Store()


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
