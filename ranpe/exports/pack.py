"""The briefing pack: one content (figures, chart images, tables) written as a slide deck (.pptx) or a PDF.

Here the pack is assembled and kept: build_pack (and its cache), its file name. What it says is read in pack_content,
the slide deck written in pack_pptx, the PDF in pack_pdf; their names callers use are reachable from here too."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from ranpe.exports import images
from ranpe.exports.pack_content import (
    AGENCIES_ON_SLIDE,
    KEY_GROUPS,
    LOWEST_AGENCIES,
    ChartSlide,
    PackContent,
    Progress,
    agencies_on_slide,
    build_content,
    kpi_rows,
    obstacle_theme_slide,
    pack_trend,
    period_text,
    plan_kpi_rows,
    scope_text,
    slide_figure,
    trend_periods,
)
from ranpe.exports.pack_pdf import write_pdf
from ranpe.exports.pack_pptx import write_pptx
from ranpe.i18n import t
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store

FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
CACHED_PACKS = 8

__all__ = [
    "AGENCIES_ON_SLIDE",
    "CACHED_PACKS",
    "FORMATS",
    "KEY_GROUPS",
    "LOWEST_AGENCIES",
    "ChartSlide",
    "Pack",
    "PackContent",
    "Progress",
    "agencies_on_slide",
    "build_content",
    "build_pack",
    "clear_cache",
    "kpi_rows",
    "obstacle_theme_slide",
    "pack_file_name",
    "pack_trend",
    "period_text",
    "plan_kpi_rows",
    "scope_text",
    "slide_figure",
    "trend_periods",
    "write_pdf",
    "write_pptx",
]


@dataclass(frozen=True)
class Pack:
    """A written pack: its bytes, file name, media type, and whether it came from the cache."""

    data: bytes
    file_name: str
    media_type: str
    from_cache: bool


# -- building with a cache ---------------------------------------------------------------------------

_cache_lock = threading.Lock()
_content_cache: OrderedDict[tuple, PackContent] = OrderedDict()
_pack_cache: OrderedDict[tuple, bytes] = OrderedDict()


def _remember(cache: OrderedDict, key: tuple, value) -> None:
    with _cache_lock:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHED_PACKS:
            cache.popitem(last=False)


def _recall(cache: OrderedDict, key: tuple):
    with _cache_lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    return None


def clear_cache() -> None:
    """Forget every cached pack (tests, the benchmark's cold run)."""
    with _cache_lock:
        _content_cache.clear()
        _pack_cache.clear()


def pack_file_name(filters: Filters, lang: str, file_format: str, marking: str | None = None) -> str:
    """bahan-paparan_2023-TW3_id.pptx (with the marking, when given, in front of the language)."""
    name = images.file_name("pack", filters, lang, file_format)
    if marking and marking.strip():
        stem, _, rest = name.rpartition(f"_{lang}.")
        name = f"{stem}_{images._slug(marking.strip()).upper()}_{lang}.{rest}"
    return name


def build_pack(
    store: Store,
    filters: Filters,
    lang: str,
    file_format: str,
    marking: str | None = None,
    progress: Progress | None = None,
) -> Pack:
    """The pack for the filters as .pptx or .pdf; unchanged data, filters, language and marking come from cache."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown pack format: {file_format}")
    say = progress or (lambda _fraction, _text: None)
    marking = (marking or "").strip() or None
    content_key = (str(store.path), store.data_version(), filters, lang, marking)
    name = pack_file_name(filters, lang, file_format, marking)
    written = _recall(_pack_cache, (*content_key, file_format))
    if written is not None:
        say(1.0, t("exports.pack.cached", lang))
        return Pack(written, name, FORMATS[file_format], True)
    content = _recall(_content_cache, content_key)
    if content is None:
        content = build_content(store, filters, lang, marking, say)
        _remember(_content_cache, content_key, content)
    say(0.92, t("exports.pack.step_file", lang, kind=file_format.upper()))
    written = write_pptx(content) if file_format == "pptx" else write_pdf(content)
    _remember(_pack_cache, (*content_key, file_format), written)
    say(1.0, t("exports.pack.ready", lang))
    return Pack(written, name, FORMATS[file_format], False)
