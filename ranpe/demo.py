"""The demo data set (ranpe.demo_data) stored through the ingest path, and removed: a deterministic, plausible RAN PE
history 2021–2024 and an illustrative 2026, with each period's catalogue and the crosswalk between them.

The 2023 year view reproduces the published figures of DOMAIN.md (64 of 79 actions committed; pillar 1
41/50, pillar 2 12/15, pillar 3 11/14; 36 of 44 K/L involved). Commitments are fixed by the third quarter
and unchanged in the fourth, so the view of 2023 TW III (January–October) gives the same figures.
Most rows arrive in Pokja files (one pillar, many K/L, .xlsx with title rows); a few K/L send their own
.csv files (semicolon separated, Indonesian numbers, year/quarter/agency given at upload).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from contextlib import nullcontext

from ranpe.access.roles import SYSTEM
from ranpe.demo_data.definitions import (
    CATALOGUE_DATE,
    CATALOGUE_HEADER,
    ILLUSTRATIVE_PERIOD,
    ILLUSTRATIVE_THEMES,
    ILLUSTRATIVE_YEAR,
    YEARS,
)
from ranpe.demo_data.files import (
    catalogue_rows,
    crosswalk_rows,
    generate_files,
    illustrative_files,
    semicolon_csv,
)
from ranpe.i18n import t
from ranpe.ingest import pipeline
from ranpe.plan import periods
from ranpe.store import lake
from ranpe.store.connection import Store, StoreUnavailable


def ensure_illustrative_period(store: Store) -> None:
    """Add the illustrative period RANPE-2026 and its nine themes when the store has no period for its years."""
    if any(p.covers(ILLUSTRATIVE_YEAR) for p in periods.list_periods(store)):
        return
    themes = [
        {"number": str(n), "name": name, "name_en": name_en, "aliases": aliases}
        for n, name, name_en, aliases in ILLUSTRATIVE_THEMES
    ]
    periods.save_period(store, **ILLUSTRATIVE_PERIOD, groups_in=themes, actor=SYSTEM, illustrative=True)


def load(store: Store, progress: Callable[[str], None] | None = None, lang: str = "id") -> int:
    """Store the demo data set through the ingest path (replacing an earlier demo load); uploads stored."""
    started = time.perf_counter()
    say = progress or (lambda message: None)
    if store.query_rows("demo/uploads"):
        say(t("demo.progress.removed", lang, count=remove(store)))
    names = {row["code"]: row["short_name"] for row in store.query_rows("reference/agencies")}
    ensure_illustrative_period(store)
    files = generate_files(names) + illustrative_files(names)
    files_per_year = {year: sum(f.report_year == year for f in files) for year in (*YEARS, ILLUSTRATIVE_YEAR)}
    announced: set[int] = set()
    for demo_file in files:
        if demo_file.report_year not in announced:
            announced.add(demo_file.report_year)
            say(t("demo.progress.year", lang, year=demo_file.report_year, files=files_per_year[demo_file.report_year]))
        result = pipeline.ingest_bytes(
            store,
            demo_file.data,
            demo_file.name,
            **demo_file.given,
            actor=SYSTEM,
            is_demo=True,
            uploaded_at=demo_file.uploaded_at,
        )
        if result.status != "stored":
            details = "; ".join(f"{p.sheet} {p.row} {p.column} [{p.value}]: {p.message('en')}" for p in result.problems)
            raise RuntimeError(f"demo file {demo_file.name} was {result.status}: {details}")
    load_catalogues(store)
    say(t("demo.progress.done", lang, count=len(files), seconds=f"{time.perf_counter() - started:.1f}"))
    return len(files)


def load_if_empty(store: Store, progress: Callable[[str], None] | None = None, lang: str = "id") -> int:
    """The demo stored in a store that holds no rows yet, once: on the shared store, processes that start together
    (serve's apps on a first start) take turns around the look and the load, and those after the first find the
    rows and store nothing. The number of files stored (0: the store had rows)."""
    try:
        turn = lake.held(store.conninfo, lake.DEMO_LOCK_KEY) if store.is_lake else nullcontext()
        with turn:
            if store.query_rows("store/years"):
                return 0
            return load(store, progress, lang)
    except lake.LakeUnavailable as exc:
        raise StoreUnavailable(f"{store.path}: {exc}") from exc


def remove(store: Store) -> int:
    """Delete every demo upload, its rows and archived files, the demo's catalogues and crosswalk, and the
    illustrative period the demo added (when no other rows use its years); the number of uploads removed."""
    from ranpe.plan import catalogue

    catalogue.remove_demo(store, actor=SYSTEM)
    removed = pipeline.remove_demo(store, actor=SYSTEM)
    ours = [p for p in periods.list_periods(store) if p.code == ILLUSTRATIVE_PERIOD["code"] and p.illustrative]
    for period in ours:
        try:
            periods.remove_period(store, period.code, actor=SYSTEM)
        except periods.PeriodError:
            pass  # rows of its years stay: so does the period they are read in
    return removed


def load_catalogues(store: Store) -> list[str]:
    """Import a catalogue for every period whose years hold demo rows (the illustrative RANPE-2026 too, when the
    store has it), and a crosswalk between consecutive periods that both have one; the period codes covered."""
    from ranpe.plan import catalogue, crosswalk
    from ranpe.plan.periods import list_periods

    names = {row["code"]: row["short_name"] for row in store.query_rows("reference/agencies")}
    done: dict[str, list[str]] = {}
    for period in list_periods(store):
        basis = store.query_rows("demo/catalogue_basis", first_year=period.first_year, last_year=period.last_year)
        if not basis:
            continue
        rows = catalogue_rows(period, basis, names)
        data = semicolon_csv([CATALOGUE_HEADER, *rows])
        result = catalogue.import_bytes(
            store,
            data,
            f"Matriks Rencana Aksi {period.code}.csv",
            period=period.code,
            actor=SYSTEM,
            is_demo=True,
            imported_at=CATALOGUE_DATE,
        )
        if result.status == "refused":
            raise RuntimeError(f"demo catalogue {period.code}: {[p.message('en') for p in result.problems]}")
        done[period.code] = [row[0] for row in rows]
    codes = list(done)
    for before, after in itertools.pairwise(codes):
        data = semicolon_csv(crosswalk_rows(before, done[before], after, done[after]))
        name = f"Crosswalk {before} {after}.csv"
        result = crosswalk.import_bytes(store, data, name, actor=SYSTEM, is_demo=True, imported_at=CATALOGUE_DATE)
        if result.status == "refused":
            raise RuntimeError(f"demo crosswalk {before}: {[p.message('en') for p in result.problems]}")
    return codes
