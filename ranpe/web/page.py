"""A dashboard page's furniture: its opening (sign-in, title, filters described) and drillable charts."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import streamlit as st

from ranpe.i18n import DEFAULT_LANG, fmt_date, fmt_int, fmt_pct, t
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store
from ranpe.web import auth, downloads, frame


def page_context() -> tuple[Store, Filters | None, str]:
    """What every dashboard page starts from (after sign-in, when configured): the store, filters, language."""
    lang = frame.current_lang()
    auth.ensure_signed_in(lang)
    return frame.store(), frame.current_filters(), lang


def page_start(
    title_key: str, describe: str = "describe_filters", *, group_title: bool = False
) -> tuple[Filters, str, str, Any, str]:
    """A dashboard page's opening: its title and, unless the store is empty, the filters, language, the
    filters described, the as-of date and the source line. With group_title, the title is the chosen year's word
    for its groups ("Tema" / "Themes" in a period of themes)."""
    _, filters, lang = page_context()
    if group_title and filters is not None:
        st.title(frame.data("groups", filters.year).plural(lang))
    else:
        st.title(t(title_key, lang))
    if filters is None:
        frame.no_data_message(lang)
        st.stop()
    filters_text = frame.data(describe, filters, lang)
    st.caption(filters_text)
    # The data date depends on the as-of moment alone: read once per moment, not once per view.
    as_of = frame.data("as_of", Filters(filters.year, as_of=filters.as_of))
    if filters.as_of is not None:
        st.info(t("as_of.banner", lang, date=fmt_date(as_of, lang)), icon=":material/history:")
    illustrative = frame.data("illustrative_note", filters.year, lang)
    if illustrative:
        st.warning(illustrative, icon=":material/science:")
    return filters, lang, filters_text, as_of, frame.data("source_text", lang)


def drillable_chart(
    figure: Any, key: str, filter_name: str, export_name: str, lang: str, part: int | None = None
) -> None:
    """A chart whose selection sets the filter_name filter, with its PNG/SVG downloads under it."""
    event = _selectable_chart(figure, key, lang)
    frame.drill_down(event, filter_name, part)
    downloads.chart_downloads(figure, export_name, lang)


def _selectable_chart(figure: Any, key: str, lang: str) -> Any:
    """st.plotly_chart of a figure whose points can be selected (a selection reruns the page), as laid out (no
    Streamlit theme): the selection event."""
    return st.plotly_chart(
        frame.drawn(figure),
        key=frame.chart_key(key),
        on_select="rerun",
        selection_mode="points",
        config=frame.plotly_config(lang),
        theme=None,
    )


def chart(figure: Any, key: str, lang: str) -> None:
    """A chart that only shows its figure (no selection), as laid out (no Streamlit theme)."""
    st.plotly_chart(frame.drawn(figure), key=key, config=frame.plotly_config(lang), theme=None)


def about_url(filters: Filters, lang: str) -> str:
    """The About page's address, relative to the page's, with the filters and language as the URL keeps them:
    a chart's source line links there, and the page opened shows the worked examples for the same view."""
    params: dict[str, Any] = {name: value for name, value in filters.as_dict().items() if value is not None}
    if filters.as_of is not None:
        params["as_of"] = filters.as_of.date().isoformat()  # as the sidebar's date keeps it: the end of that day
    if lang != DEFAULT_LANG:
        params["lang"] = lang
    return f"about?{urlencode(params)}"


def units_note(text: str, lang: str) -> None:
    """What the page's figures count, where they use different units, and the link to their definitions."""
    st.caption(text)
    st.page_link("pages/about.py", label=t("dash.units.link", lang), icon=":material/info:")


def units_note_beside_headline(key: str, unit: str, filters: Filters, lang: str) -> None:
    """units_note of a page that counts another unit (unit: a key of the unit totals) than the headline's actions:
    its own committed, planned and rate, and the headline's."""
    units = frame.data("unit_totals", filters)
    own, headline = units[unit], units["actions"]
    units_note(
        t(
            key,
            lang,
            committed=fmt_int(own["committed"], lang),
            planned=fmt_int(own["planned"], lang),
            rate=fmt_pct(own["rate"], lang),
            headline_committed=fmt_int(headline["committed"], lang),
            headline_planned=fmt_int(headline["planned"], lang),
            headline_rate=fmt_pct(headline["rate"], lang),
        ),
        lang,
    )


def pillar_chart(
    key: str, filters: Filters, lang: str, filters_text: str, as_of: Any, source: str, about_url: str
) -> None:
    """The commitment rate by pillar (the period's groups), a click on a bar choosing its pillar, with the hint that
    says so under it."""
    figure = frame.chart(
        "spec_commitment_by_pillar",
        ("by_pillar", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        about_url=about_url,
    )
    drillable_chart(figure, key, "pillar", "by_pillar", lang)
    st.caption(t("dash.drill_hint", lang))


def choosing_chart(figure: Any, key: str, export_name: str, lang: str) -> tuple[Any, list[Any]]:
    """A chart whose clicks choose something on its page, with its PNG/SVG downloads under it: the selection
    event, and the customdata of the selected points when the selection is new (a selection acts once, so a
    choice made afterwards with the page's own widgets is not undone on the next rerun)."""
    event = _selectable_chart(figure, key, lang)
    downloads.chart_downloads(figure, export_name, lang)
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    chosen = [point.get("customdata") for point in points if point.get("customdata") is not None]
    seen_key = f"_chosen_{key}"
    if chosen == st.session_state.get(seen_key, []):
        return event, []
    st.session_state[seen_key] = chosen
    return event, chosen


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """Text from a file as inert markdown (frame.plain), with the given character ranges highlighted."""
    parts, at = [], 0
    for start, end in spans:
        parts.append(_inert(text[at:start]))
        parts.append(f":orange-background[**{_inert(text[start:end])}**]")
        at = end
    parts.append(_inert(text[at:]))
    return "".join(parts)


def _inert(piece: str) -> str:
    """frame.plain of a piece of a text, keeping one space where the piece starts or ends with one."""
    core = frame.plain(piece)
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() and core else ""
    return f"{lead}{core}{trail}"
