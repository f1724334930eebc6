"""Benchmark of the exports: the full briefing pack on the demo data, cold and warm, and each chart image.

python -m benchmarks.exports [--db DEMO.duckdb] [--repeat 3]   (prints figures; not a test)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ranpe import charts, demo
from ranpe.exports import images, pack, tables
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store

VIEW = Filters(2023, 3)


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _figures(store: Store, lang: str) -> dict[str, object]:
    filters_text = dashboard.describe_filters(store, VIEW, lang)
    as_of, source = dashboard.as_of(store), dashboard.source_text(store, lang)
    return {
        "by_pillar": charts.fig_commitment_by_pillar(
            dashboard.by_pillar(store, VIEW, lang), lang, filters_text, as_of, source
        ),
        "map": charts.fig_province_map(
            dashboard.by_province(store, VIEW, lang)["provinces"], lang, filters_text, as_of, source
        ),
        "by_agency": charts.fig_commitment_by_agency(
            dashboard.by_agency(store, VIEW, lang), lang, filters_text, as_of, source
        ),
        "trend": charts.fig_trend(dashboard.trend(store, VIEW, lang), lang, filters_text, as_of, source),
    }


def run(store: Store, repeat: int) -> list[tuple[str, str]]:
    """Every measured figure as (what, seconds or size)."""
    rows: list[tuple[str, str]] = []
    images.stop_renderer()
    pack.clear_cache()
    seconds, built = _timed(lambda: pack.build_pack(store, VIEW, "id", "pptx"))
    rows.append(("pack .pptx, cold (renderer starts, 4 charts drawn)", f"{seconds:.2f} s ({len(built.data):,} B)"))
    seconds, built = _timed(lambda: pack.build_pack(store, VIEW, "id", "pdf"))
    rows.append(("pack .pdf, same content (charts reused)", f"{seconds:.2f} s ({len(built.data):,} B)"))
    warm = []
    for _ in range(repeat):
        pack.clear_cache()
        warm.append(_timed(lambda: pack.build_pack(store, VIEW, "en", "pptx"))[0])
    rows.append((f"pack .pptx, warm renderer, new content (median of {repeat})", f"{statistics.median(warm):.2f} s"))
    seconds, built = _timed(lambda: pack.build_pack(store, VIEW, "en", "pptx"))
    rows.append(("pack .pptx, unchanged data and filters (cache)", f"{seconds * 1000:.1f} ms"))
    for name, figure in _figures(store, "id").items():
        for image_format in images.FORMATS:
            times = [_timed(lambda f=figure, x=image_format: images.render(f, x))[0] for _ in range(repeat)]
            rows.append(
                (f"image {name}.{image_format}, warm (median of {repeat})", f"{statistics.median(times):.2f} s")
            )
    for file_format in ("xlsx", "csv"):
        seconds, (data, frame) = _timed(lambda f=file_format: tables.export_table(store, "actions", VIEW, "id", f))
        rows.append((f"data actions.{file_format} ({len(frame):,} rows)", f"{seconds:.2f} s ({len(data):,} B)"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.exports", description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store holding the demo data (default: load it into a temporary store)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.db) if args.db else Path(folder) / "demo.duckdb"
        with Store(path) as store:
            if not args.db:
                seconds, count = _timed(lambda: demo.load(store))
                print(f"demo data: {count} uploads loaded in {seconds:.1f} s")
            rows = run(store, args.repeat)
    width = max(len(what) for what, _ in rows)
    print(f"{'what':<{width}}  figure")
    for what, figure in rows:
        print(f"{what:<{width}}  {figure}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
