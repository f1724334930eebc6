"""Ringkasan / Overview: KPI cards with their change, commitment by pillar, a small map, the trend."""

import streamlit as st

from ranpe.i18n import fmt_int, fmt_num, fmt_pct, fmt_quarter, t
from ranpe.web import downloads, frame, page

filters, lang, filters_text, as_of, source = page.page_start("dash.page.overview")

figures = frame.data("kpis", filters)
current, previous = figures["current"], figures["previous"]
if current["actions_planned"] == 0:
    frame.empty_view_message(lang)
    st.stop()

previous_text = ""
if figures["previous_period"]:
    year, quarter = figures["previous_period"]
    previous_text = f"{fmt_quarter(quarter, lang)} {year}"


def delta(now: float | None, before: float | None) -> str | None:
    """The change in percentage points against the previous quarter, as the metric's delta text."""
    if now is None or before is None:
        return None
    change = (now - before) * 100
    return t("dash.kpi.delta", lang, delta=("+" if change >= 0 else "") + fmt_num(change, lang), period=previous_text)


completeness = current["reporting_completeness"]
earlier = previous or {}
cards = [
    (
        "dash.kpi.commitment",
        current["commitment_rate"],
        earlier.get("commitment_rate"),
        t(
            "dash.kpi.committed_of",
            lang,
            committed=fmt_int(current["actions_committed"], lang),
            planned=fmt_int(current["actions_planned"], lang),
        ),
    ),
    (
        "dash.kpi.involvement",
        current["involvement_rate"],
        earlier.get("involvement_rate"),
        t(
            "dash.kpi.involved_of",
            lang,
            involved=fmt_int(current["agencies_involved"], lang),
            total=fmt_int(current["agencies_total"], lang),
        ),
    ),
    ("dash.kpi.target", current["target_achievement"], earlier.get("target_achievement"), None),
    (
        "dash.kpi.completeness",
        completeness["rate"],
        (earlier.get("reporting_completeness") or {}).get("rate"),
        t(
            "dash.kpi.submitted_of",
            lang,
            submitted=fmt_int(completeness["submitted"], lang),
            expected=fmt_int(completeness["expected"], lang),
            quarter=fmt_quarter(completeness["quarter"], lang),
        ),
    ),
]
for column, (key, value, before, detail) in zip(st.columns(4), cards, strict=True):
    with column:
        st.metric(
            t(key, lang),
            fmt_pct(value, lang),
            delta=delta(value, before),
            delta_color="normal",
            help=t(f"{key}_help", lang),
            border=True,
        )
        if detail:
            st.caption(detail)
if previous is None and previous_text:
    st.caption(t("dash.kpi.no_previous", lang, period=previous_text))
else:
    st.caption(t("dash.kpi.compare_note", lang, period=previous_text))

left, right = st.columns([1, 1])
with left:
    figure = frame.chart("fig_commitment_by_pillar", ("by_pillar", filters, lang), lang, filters_text, as_of, source)
    page.drillable_chart(figure, "overview_pillars", "pillar", "by_pillar", lang)
    st.caption(t("dash.drill_hint", lang))
with right:
    figure = frame.chart(
        "fig_province_map",
        ("province_rates", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        height=280,
        zoom=2.55,
    )
    page.drillable_chart(figure, "overview_map", "province", "map", lang)

trend_figure = frame.chart("fig_trend", ("trend", filters, lang), lang, filters_text, as_of, source)
st.plotly_chart(trend_figure, key="overview_trend", config=frame.plotly_config(lang), theme=None)
downloads.chart_downloads(trend_figure, "trend", lang)
downloads.pack_panel(lang, filters)
