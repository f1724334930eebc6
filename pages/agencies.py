"""K/L / Agencies: every K/L ranked by commitment rate, a K/L × pillar heat map, and one K/L's profile."""

import streamlit as st

from ranpe import web, web_exports
from ranpe.i18n import fmt_int, t

filters, lang, filters_text, as_of, source = web.page_start("dash.page.agencies")

ranking = web.data("by_agency", filters, lang)
if ranking.empty:
    web.empty_view_message(lang)
    st.stop()

left, right = st.columns([1, 1])
with left:
    ranking_figure = web.chart(
        "fig_commitment_by_agency", ("by_agency", filters, lang), lang, filters_text, as_of, source
    )
    web.drillable_chart(ranking_figure, "agencies_ranking", "agency", "by_agency", lang)
with right:
    matrix_figure = web.chart(
        "fig_agency_pillar_matrix", ("agency_pillar_matrix", filters), lang, filters_text, as_of, source
    )
    web.drillable_chart(matrix_figure, "agencies_matrix", "agency", "agency_pillar", lang, part=0)
st.caption(t("dash.drill_hint", lang))

st.subheader(t("dash.agencies.table", lang))
st.dataframe(
    web.data("agency_table", filters, lang),
    hide_index=True,
    key="agencies_table",
    column_config={
        t("dash.col.rate", lang): st.column_config.ProgressColumn(format="%.0f%%", min_value=0, max_value=100)
    },
)
web_exports.table_downloads(None, "by_agency", lang)

if filters.agency is None:
    st.info(t("dash.agencies.pick", lang), icon=":material/touch_app:")
    st.stop()

agency_name = web.data("agency_label", filters.agency, lang)
st.subheader(t("dash.agencies.profile", lang, agency=agency_name))
trend = web.data("trend", filters, lang)
st.plotly_chart(
    web.chart(
        "fig_trend",
        ("trend", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        title=t("dash.chart.agency_trend", lang, agency=agency_name),
    ),
    key="agencies_profile_trend",
    config=web.plotly_config(lang),
)
table, total = web.data("actions", filters, lang)
st.caption(t("dash.pillars.showing", lang, shown=fmt_int(len(table), lang), total=fmt_int(total, lang)))
st.dataframe(table, hide_index=True, key="agencies_profile_actions", placeholder="–")
st.markdown(f"**{t('dash.agencies.obstacles', lang)}**")
reported = web.data("obstacles", filters)
if not reported:
    st.caption(t("dash.agencies.no_obstacles", lang))
for item in reported:
    follow_up = f" → {web.plain(item['follow_up'])}" if item["follow_up"] else ""
    st.markdown(f"- **{web.plain(item['action_code'])}** {web.plain(item['obstacles'])}{follow_up}")
