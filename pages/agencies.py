"""K/L / Agencies: every K/L ranked by commitment rate, a K/L × pillar heat map, and one K/L's profile."""

import streamlit as st

from ranpe.i18n import fmt_int, t
from ranpe.web import downloads, frame, page

filters, lang, filters_text, as_of, source = page.page_start("dash.page.agencies")

ranking = frame.data("by_agency", filters, lang)
if ranking.empty:
    frame.empty_view_message(lang)
    st.stop()

left, right = st.columns([1, 1])
with left:
    ranking_figure = frame.chart(
        "fig_commitment_by_agency", ("by_agency", filters, lang), lang, filters_text, as_of, source
    )
    page.drillable_chart(ranking_figure, "agencies_ranking", "agency", "by_agency", lang)
with right:
    matrix_figure = frame.chart(
        "fig_agency_pillar_matrix", ("agency_pillar_matrix", filters), lang, filters_text, as_of, source
    )
    page.drillable_chart(matrix_figure, "agencies_matrix", "agency", "agency_pillar", lang, part=0)
st.caption(t("dash.drill_hint", lang))

st.subheader(t("dash.agencies.table", lang))
st.dataframe(
    frame.data("agency_table", filters, lang),
    hide_index=True,
    key="agencies_table",
    column_config={
        t("dash.col.rate", lang): st.column_config.ProgressColumn(format="%.0f%%", min_value=0, max_value=100)
    },
)
downloads.table_downloads(None, "by_agency", lang)

if filters.agency is None:
    st.info(t("dash.agencies.pick", lang), icon=":material/touch_app:")
    st.stop()

agency_name = frame.data("agency_label", filters.agency, lang)
st.subheader(t("dash.agencies.profile", lang, agency=agency_name))
trend = frame.data("trend", filters, lang)
st.plotly_chart(
    frame.chart(
        "fig_trend",
        ("trend", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        title=t("dash.chart.agency_trend", lang, agency=agency_name),
    ),
    key="agencies_profile_trend",
    config=frame.plotly_config(lang),
    theme=None,
)
table, total = frame.data("actions", filters, lang)
st.caption(t("dash.pillars.showing", lang, shown=fmt_int(len(table), lang), total=fmt_int(total, lang)))
st.dataframe(table, hide_index=True, key="agencies_profile_actions", placeholder="–")
st.markdown(f"**{t('dash.agencies.obstacles', lang)}**")
reported = frame.data("obstacles", filters)
if not reported:
    st.caption(t("dash.agencies.no_obstacles", lang))
for item in reported:
    follow_up = f" → {frame.plain(item['follow_up'])}" if item["follow_up"] else ""
    st.markdown(f"- **{frame.plain(item['action_code'])}** {frame.plain(item['obstacles'])}{follow_up}")
