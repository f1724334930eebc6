"""Reads kept per data version: read(store, *args) done once per store, data version and args in this process, and
shared by every session until a write commits (ranpe.measures' look-ups of every view, a year's plan period)."""

from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ranpe.store.connection import Store


class PerDataVersion:
    """read(store, *args) done once per store, data version and args in this process: for what every view reads
    several times and a write alone changes (the reference provinces, a year's plan period and its groups, the
    look-ups of every view of a year, a province's year). The result is shared: never change it. At most max_entries
    results per store (the one asked longest ago dropped first), kept beside the store, weakly: a store no longer
    used is closed as before (its file free for another process), its results dropped with it. A newer data version
    drops the older one's results; a read that began before a write is returned but not kept.

    Sessions asking for one key at one instant wait for one read of it (a few ms to a few tens of ms) instead of each
    reading it; other keys (another province's trend, another year) are read meanwhile."""

    def __init__(self, read: Callable[..., Any], max_entries: int) -> None:
        functools.update_wrapper(self, read)
        self._read = read
        self.max_entries = max_entries
        self._kept: weakref.WeakKeyDictionary[Store, tuple[int, OrderedDict[tuple, Any]]] = weakref.WeakKeyDictionary()
        self._reading: dict[tuple, threading.RLock] = {}
        self._guard = threading.Lock()  # held only to look in or change the dictionaries, never while reading

    def __call__(self, store: Store, *args: Any) -> Any:
        version = store.data_version()  # outside the guard: on the shared store, now and then a catalog query
        done, value = self._found(store, version, args)
        if done:
            return value
        reading = self._lock_of(store, version, args)
        try:
            with reading:
                done, value = self._found(store, version, args)
                if done:
                    return value
                value = self._read(store, *args)
                with self._guard:
                    results = self._results(store, version)
                    if results is not None:
                        results[args] = value
                        while len(results) > self.max_entries:
                            results.popitem(last=False)
                return value
        finally:
            with self._guard:
                self._reading.pop((id(store), version, args), None)

    def unless_busy(self, store: Store, *args: Any) -> Any:
        """The read's result, or None while another session is reading it (the caller reads its own smaller part
        meanwhile)."""
        version = store.data_version()
        done, value = self._found(store, version, args)
        if done:
            return value
        reading = self._lock_of(store, version, args)
        if not reading.acquire(blocking=False):
            return None
        try:
            return self(store, *args)
        finally:
            reading.release()

    def _lock_of(self, store: Store, version: int, args: tuple) -> threading.RLock:
        with self._guard:
            return self._reading.setdefault((id(store), version, args), threading.RLock())

    def _found(self, store: Store, version: int, args: tuple) -> tuple[bool, Any]:
        with self._guard:
            results = self._results(store, version)
            if results is None or args not in results:
                return False, None
            results.move_to_end(args)
            return True, results[args]

    def _results(self, store: Store, version: int) -> OrderedDict[tuple, Any] | None:
        """The results kept for the store at this data version (under the guard); None for a version older than the
        one kept."""
        kept = self._kept.get(store)
        if kept is None or kept[0] < version:
            kept = (version, OrderedDict())
            self._kept[store] = kept
        return kept[1] if kept[0] == version else None


def per_data_version(read: Callable[..., Any] | None = None, *, max_entries: int = 64) -> Any:
    """@per_data_version or @per_data_version(max_entries=N): read(store, *args) kept per data version
    (PerDataVersion)."""
    if read is None:
        return lambda function: PerDataVersion(function, max_entries)
    return PerDataVersion(read, max_entries)
