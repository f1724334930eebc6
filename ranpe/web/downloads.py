"""The thin Streamlit layer of the exports: download buttons under charts and tables, the briefing-pack panel."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ranpe.access import audit
from ranpe.access.roles import Actor
from ranpe.exports import images, pack, tables
from ranpe.i18n import LANGS, t
from ranpe.measures.filters import Filters
from ranpe.web import auth, frame

_PACK_RESULT_KEY = "_export_pack_result"
TABLE_MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}


def _audited(make: Callable[[], bytes], actor: Actor, details: dict) -> Callable[[], bytes]:
    """The file's bytes made on click, with an audit entry."""

    def made() -> bytes:
        data = make()
        audit.record(frame.store(), actor, "export", details)
        return data

    return made


def chart_downloads(fig: go.Figure, base_name: str, lang: str, filters: Filters | None = None) -> None:
    """PNG and SVG buttons under a chart; the image is drawn only when a button is clicked."""
    filters = filters if filters is not None else frame.current_filters()
    actor = auth.current_actor()
    with st.container(horizontal=True, gap="small"):
        for image_format, media_type in images.FORMATS.items():
            name = images.file_name(base_name, filters, lang, image_format)
            details = {"kind": "chart", "chart": base_name, "format": image_format, "file": name}
            st.download_button(
                t(f"exports.web.{image_format}", lang),
                data=_audited(lambda f=image_format: images.render(fig, f), actor, details),
                file_name=name,
                mime=media_type,
                key=f"export_{base_name}_{image_format}",
                on_click="ignore",
                icon=":material/image:",
                help=t("exports.web.download_chart", lang),
                type="tertiary",
            )


def table_downloads(
    shown: pd.DataFrame | None, base_name: str, lang: str, filters: Filters | None = None, title: str | None = None
) -> None:
    """.xlsx and .csv buttons under a table: the table as shown, or (None) every row of the named engine table."""
    filters = filters if filters is not None else frame.current_filters()
    title = title or (tables.table_title(base_name, lang) if base_name in tables.TABLES else base_name)
    actor = auth.current_actor()
    store = frame.store()
    with st.container(horizontal=True, gap="small"):
        for file_format, media_type in TABLE_MEDIA_TYPES.items():
            name = images.file_name(base_name, filters, lang, file_format)
            details = {"kind": "table", "table": base_name, "format": file_format, "file": name}
            st.download_button(
                t(f"exports.web.{file_format}", lang),
                data=_audited(
                    lambda f=file_format: _table_bytes(store, shown, base_name, title, filters, lang, f), actor, details
                ),
                file_name=name,
                mime=media_type,
                key=f"export_{base_name}_{file_format}",
                on_click="ignore",
                icon=":material/table:",
                help=t("exports.web.download_table", lang),
                type="tertiary",
            )


def _table_bytes(store, shown, base_name: str, title: str, filters: Filters, lang: str, file_format: str) -> bytes:
    if shown is None:
        return tables.export_table(store, base_name, filters, lang, file_format)[0]
    return tables.write_frame(store, shown, title, filters, lang, file_format)


def pack_panel(lang: str, filters: Filters | None = None) -> None:
    """The briefing pack: choose language and marking, build (with progress), then download .pptx and .pdf."""
    filters = filters if filters is not None else frame.current_filters()
    if filters is None:
        return
    store = frame.store()
    with st.expander(t("exports.web.pack_header", lang), icon=":material/slideshow:"):
        st.caption(t("exports.web.pack_help", lang))
        pack_lang = st.segmented_control(
            t("exports.web.pack_lang", lang),
            LANGS,
            default=lang,
            format_func=frame.LANG_NAMES.get,
            key="export_pack_lang",
            required=True,
        )
        marking = st.text_input(t("exports.web.marking", lang), key="export_pack_marking", placeholder="TERBATAS")
        wanted = (store.data_version(), filters, pack_lang, marking.strip())
        if st.button(t("exports.web.build", lang), key="export_pack_build", icon=":material/build:"):
            _build(store, filters, pack_lang or lang, marking, lang, wanted)
        result = st.session_state.get(_PACK_RESULT_KEY)
        if result and result["wanted"] == wanted:
            with st.container(horizontal=True, gap="small"):
                for built, label in ((result["pptx"], "exports.web.pptx"), (result["pdf"], "exports.web.pdf")):
                    st.download_button(
                        t(label, lang),
                        data=built.data,
                        file_name=built.file_name,
                        mime=built.media_type,
                        key=f"export_pack_{label}",
                        on_click="ignore",
                        icon=":material/download:",
                    )


def _build(store, filters: Filters, pack_lang: str, marking: str, lang: str, wanted: tuple) -> None:
    with st.status(t("exports.pack.building", lang), expanded=True) as status:
        bar = st.progress(0.0)

        def progress(fraction: float, text: str) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=text)

        try:
            built = {
                file_format: pack.build_pack(store, filters, pack_lang, file_format, marking, progress)
                for file_format in pack.FORMATS
            }
        except Exception as exc:  # a failed render must not take the page down; say what failed
            status.update(label=t("exports.web.failed", lang, error=exc), state="error")
            return
        cached = all(b.from_cache for b in built.values())
        label = t("exports.pack.cached", lang) if cached else t("exports.pack.ready", lang)
        status.update(label=label, state="complete", expanded=False)
    for file_format, item in built.items():
        audit.record(
            store,
            auth.current_actor(),
            "export",
            {
                "kind": "pack",
                "format": file_format,
                "filters": filters.as_dict(),
                "lang": pack_lang,
                "marking": marking.strip() or None,
                "file": item.file_name,
                "from_cache": item.from_cache,
            },
        )
    st.session_state[_PACK_RESULT_KEY] = {"wanted": wanted, **built}
