"""Pilar / Pillars: rate per pillar and per focus area, and the actions of a pillar."""

import streamlit as st

from ranpe import dashboard, web, web_exports
from ranpe.i18n import fmt_int, t

filters, lang, filters_text, as_of, source = web.page_start("dash.page.pillars")

by_pillar = web.data("by_pillar", filters, lang)
if by_pillar.empty:
    web.empty_view_message(lang)
    st.stop()

left, right = st.columns([2, 3])
with left:
    pillar_figure = web.chart(
        "fig_commitment_by_pillar", ("by_pillar", filters, lang), lang, filters_text, as_of, source
    )
    web.drillable_chart(pillar_figure, "pillars_bars", "pillar", "by_pillar", lang)
    st.caption(t("dash.drill_hint", lang))
with right:
    focus_figure = web.chart(
        "fig_commitment_by_focus_area", ("by_focus_area", filters), lang, filters_text, as_of, source
    )
    st.plotly_chart(focus_figure, key="pillars_focus_areas", config=web.plotly_config(lang))
    web_exports.chart_downloads(focus_figure, "by_focus_area", lang)

pillar_name = dashboard.pillar_label(filters.pillar, lang) if filters.pillar else t("dash.filter.all_pillars", lang)
st.subheader(t("dash.pillars.actions", lang, pillar=pillar_name))
table, total = web.data("actions", filters, lang)
st.caption(t("dash.pillars.showing", lang, shown=fmt_int(len(table), lang), total=fmt_int(total, lang)))
st.dataframe(table, hide_index=True, key="pillars_actions", placeholder="–")
web_exports.table_downloads(None, "actions", lang)
