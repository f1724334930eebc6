"""K/L / Agencies: every K/L ranked by commitment rate, a K/L × pillar heat map, and one K/L's profile."""

import streamlit as st

from ranpe.i18n import fmt_int, fmt_quarter, t
from ranpe.web import downloads, frame, page, plan

filters, lang, filters_text, as_of, source = page.page_start("dash.page.agencies")

ranking = frame.data("by_agency", filters, lang)
if ranking.empty:
    frame.empty_view_message(lang)
    st.stop()
about_url = page.about_url(filters, lang)
page.units_note_beside_headline("dash.units.agencies", "agency_actions", filters, lang)

left, right = st.columns([1, 1])
with left:
    ranking_figure = frame.chart(
        "fig_commitment_by_agency",
        ("by_agency", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        about_url=about_url,
    )
    page.drillable_chart(ranking_figure, "agencies_ranking", "agency", "by_agency", lang)
with right:
    matrix_figure = frame.chart(
        "fig_agency_pillar_matrix",
        ("agency_pillar_matrix", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        about_url=about_url,
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
plan.lead_supporting_section(filters, lang)

if filters.agency is None:
    st.info(t("dash.agencies.pick", lang), icon=":material/touch_app:")
    st.stop()

agency_name = frame.data("agency_label", filters.agency, lang)
st.subheader(t("dash.agencies.profile", lang, agency=agency_name))
page.chart(
    frame.chart(
        "spec_trend",
        ("trend", filters, lang),
        lang,
        frame.data("describe_trend_filters", filters, lang),
        as_of,
        source,
        title=t("dash.chart.agency_trend", lang, agency=agency_name),
        about_url=about_url,
    ),
    "agencies_profile_trend",
    lang,
)
table, total = frame.data("actions", filters, lang)
st.caption(t("dash.pillars.showing", lang, shown=fmt_int(len(table), lang), total=fmt_int(total, lang)))
st.dataframe(table, hide_index=True, key="agencies_profile_actions", placeholder="–")
st.markdown(f"**{t('dash.agencies.obstacles', lang)}**")
reported = frame.data("obstacles", filters)
if not reported:
    st.caption(t("dash.agencies.no_obstacles", lang))
for item in reported:
    where = t(
        "dash.agencies.obstacle_where",
        lang,
        codes=", ".join(item["action_codes"]),
        plans=fmt_int(item["plans"], lang),
        quarters=", ".join(fmt_quarter(q, lang) for q in item["quarters"]),
    )
    follow_up = f" → {frame.plain(' · '.join(item['follow_ups']))}" if item["follow_ups"] else ""
    st.markdown(f"- **{frame.plain(item['obstacle'])}** ({frame.plain(where)}){follow_up}")
