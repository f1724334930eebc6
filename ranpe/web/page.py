"""A dashboard page's furniture: its opening (sign-in, title, filters described) and drillable charts."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ranpe.i18n import t
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store
from ranpe.web import auth, downloads, frame


def page_context() -> tuple[Store, Filters | None, str]:
    """What every dashboard page starts from (after sign-in, when configured): the store, filters, language."""
    lang = frame.current_lang()
    auth.ensure_signed_in(lang)
    return frame.store(), frame.current_filters(), lang


def page_start(title_key: str, describe: str = "describe_filters") -> tuple[Filters, str, str, Any, str]:
    """A dashboard page's opening: its title and, unless the store is empty, the filters, language, the
    filters described, the as-of date and the source line."""
    _, filters, lang = page_context()
    st.title(t(title_key, lang))
    if filters is None:
        frame.no_data_message(lang)
        st.stop()
    filters_text = frame.data(describe, filters, lang)
    st.caption(filters_text)
    return filters, lang, filters_text, frame.data("as_of"), frame.data("source_text", lang)


def drillable_chart(
    figure: Any, key: str, filter_name: str, export_name: str, lang: str, part: int | None = None
) -> None:
    """A chart whose selection sets the filter_name filter, with its PNG/SVG downloads under it."""
    event = st.plotly_chart(
        figure,
        key=frame.chart_key(key),
        on_select="rerun",
        selection_mode="points",
        config=frame.plotly_config(lang),
        theme=None,
    )
    frame.drill_down(event, filter_name, part)
    downloads.chart_downloads(figure, export_name, lang)
