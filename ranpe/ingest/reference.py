"""Reference data as stored (agencies, pillars, provinces) and the lookups built from it."""

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
    reference = build_reference(
        store.query_rows("reference/agencies"),
        store.query_rows("reference/pillars"),
        store.query_rows("reference/provinces"),
    )
    with _cache_lock:
        _cache.clear()
        _cache[key] = reference
    return reference
