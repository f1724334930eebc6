"""A dashboard page's furniture: its opening (sign-in, title, filters described) and drillable charts."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import streamlit as st

from ranpe.i18n import DEFAULT_LANG, t
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


def about_url(filters: Filters, lang: str) -> str:
    """The About page's address, relative to the page's, with the filters and language as the URL keeps them:
    a chart's source line links there, and the page opened shows the worked examples for the same view."""
    params: dict[str, Any] = {name: value for name, value in filters.as_dict().items() if value is not None}
    if lang != DEFAULT_LANG:
        params["lang"] = lang
    return f"about?{urlencode(params)}"


def units_note(text: str, lang: str) -> None:
    """What the page's figures count, where they use different units, and the link to their definitions."""
    st.caption(text)
    st.page_link("pages/about.py", label=t("dash.units.link", lang), icon=":material/info:")
