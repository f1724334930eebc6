"""Benchmark (prints figures; not a test): python -m benchmarks.views STORE [--page P] [--province CODE] | --shares F.

Runs one page through a long row of views not seen before (every quarter × pillar of the three latest years, one
AppTest session on the store, as benchmarks.pages builds it) and prints the CPU time per view: a steady load to
profile, e.g. `py-spy record --format raw -o view.raw -- python -m benchmarks.views STORE`. With --shares, prints
where the time of the page's runs went in such a raw profile instead.
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import time
from pathlib import Path

from benchmarks.pages import REPO, _run_entry_script

# Where a sample's time goes, by the first of these found in its stack (in this order).
SHARES = (
    ("st.plotly_chart (serialising the figures)", ("streamlit/elements/plotly_chart.py",)),
    ("building the figures (ranpe/charts/)", ("ranpe/charts/",)),
    ("SQL (the store's queries)", ("ranpe/store/connection.py",)),
    ("the measures' Python and pandas", ("ranpe/measures/",)),
    ("chart downloads and the pack panel", ("ranpe/web/downloads.py",)),
    ("the sidebar's filters", ("filters_sidebar",)),
)


def run_views(store: str, page: str, province: str | None = None) -> list[float]:
    """CPU seconds (this process, every thread) of each run after a change to a view not shown before; given a
    province code, every view has that province chosen (the burst's province views)."""
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    script_runner._mpa_v1 = _run_entry_script
    os.environ["RANPE_DB"] = os.environ["RANPE_STORE"] = store
    os.environ["RANPE_AUTO_DEMO"] = "0"
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    at.run()
    at.switch_page(str(REPO / "pages" / f"{page}.py")).run()
    at.run()
    if province:
        at.selectbox(key="filter_province").set_value(province).run()
    years = at.selectbox(key="filter_year").options
    times = []
    for year in [int(text) for text in years[:3]]:
        at.selectbox(key="filter_year").set_value(year).run()
        for quarter in ("all", 1, 2, 3, 4):
            for pillar in ("all", 1, 2, 3):
                if quarter == "all" and pillar == "all":
                    continue  # the view the year change showed
                at.selectbox(key="filter_quarter").set_value(quarter)
                started = time.process_time()
                at.selectbox(key="filter_pillar").set_value(pillar).run()
                times.append(time.process_time() - started)
                if at.exception:
                    raise RuntimeError(at.exception[0].value)
    return times


def shares(profile: Path) -> list[tuple[str, float]]:
    """The share of the page runs' samples (stacks through app.py) in each part of SHARES, the rest last."""
    counts: collections.Counter[str] = collections.Counter()
    for line in profile.read_text(encoding="utf-8").splitlines():
        stack, _, samples = line.rpartition(" ")
        if "app.py" not in stack:
            continue
        part = next((name for name, keys in SHARES if any(key in stack for key in keys)), "the rest (Streamlit)")
        counts[part] += int(samples)
    total = sum(counts.values()) or 1
    return [(name, count / total) for name, count in counts.most_common()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.views", description=__doc__.splitlines()[0])
    parser.add_argument("store", nargs="?", help="a store built by benchmarks.pages (e.g. its --keep folder's file)")
    parser.add_argument("--page", default="overview", help="the page (default: overview)")
    parser.add_argument("--province", metavar="CODE", help="choose this province in every view (e.g. 32)")
    parser.add_argument("--shares", type=Path, metavar="PROFILE", help="a py-spy raw profile of this benchmark")
    args = parser.parse_args(argv)
    if args.shares:
        for name, share in shares(args.shares):
            print(f"{share:6.1%}  {name}")
        return 0
    if not args.store:
        parser.error("give the store, or --shares PROFILE")
    times = sorted(run_views(args.store, args.page, args.province))
    chosen = f" of province {args.province}" if args.province else ""
    print(
        f"{len(times)} new {args.page} views{chosen}: CPU median {statistics.median(times) * 1000:.0f} ms, "
        f"min {times[0] * 1000:.0f}, max {times[-1] * 1000:.0f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
