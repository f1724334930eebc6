"""Wilayah / Regions: the province map (offline), focus provinces, national rows apart, province × pillar."""

import streamlit as st

from ranpe.i18n import fmt_int, fmt_pct, t
from ranpe.web import downloads, frame, page

filters, lang, filters_text, as_of, source = page.page_start("dash.page.regions")

regions = frame.data("by_province", filters, lang)
provinces, national = regions["provinces"], regions["national"]
if national is None and provinces["planned"].isna().all():
    frame.empty_view_message(lang)
    st.stop()
page.units_note_beside_headline("dash.units.regions", "action_plans", filters, lang)

map_column, side_column = st.columns([3, 1])
with map_column:
    map_figure = frame.chart(
        "spec_province_map",
        ("province_rates", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        height=400,
        about_url=page.about_url(filters, lang),
    )
    page.drillable_chart(map_figure, "regions_map", "province", "map", lang)
    st.caption(t("dash.map.focus_note", lang) + " " + t("dash.map.papua_note", lang))
with side_column:
    if national is None:
        st.metric(t("dash.national_card", lang), "–", help=t("dash.national_card_help", lang), border=True)
    else:
        st.metric(
            t("dash.national_card", lang),
            fmt_pct(national["rate"], lang),
            help=t("dash.national_card_help", lang),
            border=True,
        )
        st.caption(
            t(
                "dash.national_rows",
                lang,
                committed=fmt_int(national["committed"], lang),
                planned=fmt_int(national["planned"], lang),
            )
        )
    st.markdown(f"**{t('dash.regions.focus_table', lang)}**")
    st.dataframe(frame.data("focus_table", filters, lang), hide_index=True, key="regions_focus", placeholder="–")
    st.caption(t("dash.drill_hint", lang))

st.subheader(t("dash.regions.table", lang, group=frame.data("groups", filters.year).word(lang).lower()))
table = frame.data("province_pillar_table", filters, lang)
# Whole percents: the table widget formats decimals the English way whatever the language.
percent = st.column_config.NumberColumn(format="%.0f%%")
st.dataframe(
    table,
    hide_index=True,
    key="regions_table",
    placeholder="–",  # a province with no action plan of a group: a dash, not "None"
    column_config={
        name: percent
        for name in table.columns
        if name not in (t("dash.col.province", lang), t("dash.col.action_plans", lang))
    },
)
downloads.table_downloads(None, "by_province", lang)
