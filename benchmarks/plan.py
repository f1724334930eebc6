"""Benchmark (prints figures; not a test): python -m benchmarks.plan [--rows 1000000] [--repeat 7].

What the action catalogue adds to the dashboard's reads, without the page around them (steadier than page runs on a
loaded machine): on one synthetic store (benchmarks.pages.build_store) without and with a 135-action catalogue, the
best of --repeat runs of the overview's summary (the KPI cards), the measures that need the catalogue, the actions
table, the unreported actions, the led vs supported table and the trend across periods.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.pages import add_catalogue, build_store
from ranpe.measures import dashboard, summary
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store

VIEWS = (Filters(2024), Filters(2024, quarter=2, pillar=1))


def best(function: Callable[[], object], repeat: int) -> float:
    """The fastest of repeat runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.plan", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ranpe-bench-plan-") as folder:
        plain, planned = Path(folder) / "plain.duckdb", Path(folder) / "planned.duckdb"
        build_store(plain, args.rows)
        shutil.copy(plain, planned)
        add_catalogue(planned)
        print("| read | view | without catalogue | with 135-action catalogue |")
        print("|---|---|---:|---:|")
        reads = {
            "summary (KPI cards)": lambda store, f: summary.summary(store, f, breakdowns=False),
            "of which plan measures": summary.plan_measures,
            "actions table": lambda store, f: dashboard.actions(store, f, "id"),
            "unreported actions": lambda store, f: dashboard.unreported_table(store, f, "id"),
            "led vs supported": lambda store, f: dashboard.lead_supporting_table(store, f, "id"),
            "trend across periods": lambda store, f: dashboard.trend_across_periods(store, f, "id"),
        }
        stores = [Store(plain, read_only=True), Store(planned, read_only=True)]
        try:
            for name, read in reads.items():
                for view in VIEWS:
                    label = f"{view.year}" + (f" Q{view.quarter} pillar {view.pillar}" if view.quarter else "")
                    cells = [f"{best(lambda s=s, r=read, v=view: r(s, v), args.repeat):,.0f} ms" for s in stores]
                    print(f"| {name} | {label} | {cells[0]} | {cells[1]} |")
        finally:
            for store in stores:
                store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
