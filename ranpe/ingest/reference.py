"""Reference data as stored (agencies, the groups of every plan period, provinces) and the lookups built from it."""

from __future__ import annotations

import threading

from ranpe.ingest.contract import Reference, build_reference
from ranpe.store.connection import Store

_cache: dict[tuple[str, int], Reference] = {}
_cache_lock = threading.Lock()


def load_reference(store: Store) -> Reference:
    """The lookups for the store's current reference tables (rebuilt when its data version moves)."""
    key = (str(store.path), store.data_version())
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
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
