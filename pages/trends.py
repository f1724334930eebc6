"""Tren / Trends: commitment rate per quarter across years, per pillar; statuses over time; completeness."""

import streamlit as st

from ranpe.i18n import t
from ranpe.web import downloads, frame, page, plan

filters, lang, _view_text, as_of, source = page.page_start("dash.page.trends", describe="describe_trend_view")

trend = frame.data("trend", filters, lang)
if trend.empty:
    frame.empty_view_message(lang)
    st.stop()
about_url = page.about_url(filters, lang)
page.units_note(t("dash.units.trends", lang), lang)
# The per-quarter charts put the periods they draw in front of these filters.
trend_filters_text = frame.data("describe_trend_filters", filters, lang)
trend_figure = frame.chart(
    "spec_trend", ("trend", filters, lang), lang, trend_filters_text, as_of, source, about_url=about_url
)
page.chart(trend_figure, "trends_rate", lang)
downloads.chart_downloads(trend_figure, "trend", lang)
left, right = st.columns([3, 2])
with left:
    status_figure = frame.chart(
        "fig_status_by_quarter",
        ("status_by_quarter", filters, lang),
        lang,
        trend_filters_text,
        as_of,
        source,
        about_url=about_url,
    )
    st.plotly_chart(status_figure, key="trends_status", config=frame.plotly_config(lang), theme=None)
    downloads.chart_downloads(status_figure, "status", lang)
with right:
    completeness_figure = frame.chart(
        "fig_completeness",
        ("completeness", filters, lang),
        lang,
        frame.data("describe_completeness_filters", filters, lang),
        as_of,
        source,
        year=filters.year,
        about_url=about_url,
    )
    st.plotly_chart(completeness_figure, key="trends_completeness", config=frame.plotly_config(lang), theme=None)
    downloads.chart_downloads(completeness_figure, "completeness", lang)
plan.trend_across_periods_section(filters, lang)
