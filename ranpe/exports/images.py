"""Chart images (PNG, SVG) rendered on the server by one warm kaleido/Chromium renderer per process."""

from __future__ import annotations

import re
import threading
import warnings

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from ranpe import charts
from ranpe.i18n import TEXTS, t
from ranpe.measures.filters import NATIONAL, Filters

PRESENTATION_WIDTH_PX = 1600
PRESENTATION_HEIGHT_PX = 900
PRESENTATION_SCALE = 2
# Zoom that fits Indonesia (about 95°E–141°E) into a 1600 px wide map.
PRESENTATION_MAP_ZOOM = 4.3
# Text on the slide image is this much larger than on the page.
PRESENTATION_FONT_SCALE = 1.4
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}

# kaleido's sync server passes tasks and results through shared queues: one caller at a time.
_render_lock = threading.Lock()


def ensure_renderer() -> None:
    """Start the process's one warm renderer (a headless Chromium), offline: no MathJax from a CDN."""
    with _render_lock:
        _start_locked()


def renderer_page() -> kaleido.PageGenerator:
    """The page the renderer draws in: plotly.js from the installed plotly package, no MathJax (a CDN script)."""
    return kaleido.PageGenerator(mathjax=False)


def _start_locked() -> None:
    kaleido.start_sync_server(page_generator=renderer_page(), silence_warnings=True)


def stop_renderer() -> None:
    """Stop the warm renderer (the benchmark's cold start; tests)."""
    with _render_lock:
        kaleido.stop_sync_server(silence_warnings=True)


def presentation_figure(fig: go.Figure) -> go.Figure:
    """A copy of the page's figure laid out anew for a 1600×900 slide (charts.fit): same traces, title, filters and
    footer, text PRESENTATION_FONT_SCALE times larger; rows too many for 900 px (44 K/L) get smaller labels."""
    copy = charts.fit(fig, PRESENTATION_WIDTH_PX, PRESENTATION_HEIGHT_PX, PRESENTATION_FONT_SCALE)
    if any(trace.type in ("choroplethmap", "scattermap") for trace in copy.data):
        copy.update_layout(map_zoom=PRESENTATION_MAP_ZOOM)
    return copy


def render(fig: go.Figure, image_format: str = "png") -> bytes:
    """The figure as PNG (3200×1800 pixels) or SVG (1600×900), drawn by the warm renderer."""
    if image_format not in FORMATS:
        raise ValueError(f"unknown image format: {image_format}")
    figure = presentation_figure(fig)
    with _render_lock:
        _start_locked()
        with warnings.catch_warnings():
            # plotly passes kopts that a running server ignores; harmless, and said on every call.
            warnings.simplefilter("ignore", UserWarning)
            return pio.to_image(
                figure,
                format=image_format,
                width=PRESENTATION_WIDTH_PX,
                height=PRESENTATION_HEIGHT_PX,
                scale=PRESENTATION_SCALE,
            )


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def filters_slug(filters: Filters) -> str:
    """The filters in a file name: 2023-TW3, 2023-TW3-P1-BNPT-72, 2023 for each K/L's latest quarter."""
    parts = [str(filters.year) + (f"-TW{filters.quarter}" if filters.quarter else "")]
    if filters.pillar:
        parts.append(f"P{filters.pillar}")
    if filters.agency:
        parts.append(_slug(filters.agency))
    if filters.province:
        parts.append("nasional" if filters.province == NATIONAL else _slug(filters.province))
    if filters.as_of:
        parts.append(f"per{filters.as_of:%Y%m%d}")
    return "-".join(parts)


def file_name(stem_key: str, filters: Filters | None, lang: str, extension: str) -> str:
    """komitmen-per-pilar_2023-TW3_id.png: what it is, for which filters, in which language."""
    key = f"exports.slug.{stem_key}"
    stem = t(key, lang) if key in TEXTS else _slug(stem_key)
    middle = f"_{filters_slug(filters)}" if filters is not None else ""
    return f"{stem}{middle}_{lang}.{extension}"
