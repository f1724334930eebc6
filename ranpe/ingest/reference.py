"""Reference data as stored (agencies, the groups of every plan period, provinces) and the lookups built from it."""

from __future__ import annotations

import threading

from ranpe.ingest.contract import Reference, build_reference
from ranpe.store.connection import Store

# The migration that brought the plan periods (and moved the pillars into period_groups).
PERIODS_MIGRATION = 8
_cache: dict[tuple[str, int], Reference] = {}
_cache_lock = threading.Lock()


def load_reference(store: Store) -> Reference:
    """The lookups for the store's current reference tables (rebuilt when its data version moves)."""
    key = (str(store.path), store.data_version())
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    if store.schema_version() < PERIODS_MIGRATION:
        # A store written by code older than the plan periods (opened without upgrading: only tests do): one list of
        # pillars, good for every year.
        reference = build_reference(
            store.query_rows("reference/agencies"),
            store.query_rows("reference/pillars"),
            store.query_rows("reference/provinces"),
        )
        with _cache_lock:
            _cache.clear()
            _cache[key] = reference
        return reference
    periods = store.query_rows("plan/periods")
    groups: dict[str, list[dict]] = {}
    for row in store.query_rows("plan/all_period_groups"):
        groups.setdefault(row["period_code"], []).append(row)
    first = groups.get(periods[0]["code"], []) if periods else []
    reference = build_reference(
        store.query_rows("reference/agencies"),
        first,
        store.query_rows("reference/provinces"),
        periods,
        groups,
    )
    with _cache_lock:
        _cache.clear()
        _cache[key] = reference
    return reference
