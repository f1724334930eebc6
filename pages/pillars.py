"""Pilar / Pillars: rate per pillar and per focus area, and the actions of a pillar."""

import streamlit as st

from ranpe.i18n import fmt_int, t
from ranpe.measures import dashboard
from ranpe.web import downloads, frame, page, plan

# Titled by the year's word for its groups ("Tema" in a period of themes), not by the navigation's name.
filters, lang, filters_text, as_of, source = page.page_start("dash.page.pillars", group_title=True)

by_pillar = frame.data("by_pillar", filters, lang)
if by_pillar.empty:
    frame.empty_view_message(lang)
    st.stop()
about_url = page.about_url(filters, lang)
page.units_note(t("dash.units.pillars", lang), lang)

left, right = st.columns([2, 3])
with left:
    page.pillar_chart("pillars_bars", filters, lang, filters_text, as_of, source, about_url)
with right:
    focus_figure = frame.chart(
        "fig_commitment_by_focus_area",
        ("by_focus_area", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        about_url=about_url,
    )
    st.plotly_chart(focus_figure, key="pillars_focus_areas", config=frame.plotly_config(lang), theme=None)
    downloads.chart_downloads(focus_figure, "by_focus_area", lang)

named = frame.data("groups", filters.year)
pillar_name = dashboard.pillar_label(filters.pillar, lang, named) if filters.pillar else named.every_inline(lang)
st.subheader(t("dash.pillars.actions", lang, pillar=pillar_name))
table, total = frame.data("actions", filters, lang)
st.caption(t("dash.pillars.showing", lang, shown=fmt_int(len(table), lang), total=fmt_int(total, lang)))
st.dataframe(table, hide_index=True, key="pillars_actions", placeholder="–")
downloads.table_downloads(None, "actions", lang)
plan.unreported_section(filters, lang)
