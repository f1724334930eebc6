"""Ringkasan / Overview: KPI cards with their change, commitment by pillar, a small map, the trend."""

import streamlit as st

from ranpe.i18n import fmt_int, fmt_num, fmt_pct, fmt_quarter, t
from ranpe.web import downloads, frame, page, plan

filters, lang, filters_text, as_of, source = page.page_start("dash.page.overview")

figures = frame.data("kpis", filters)
current, previous = figures["current"], figures["previous"]
if current["actions_planned"] == 0:
    frame.empty_view_message(lang)
    st.stop()
units = current["units"]
about_url = page.about_url(filters, lang)

previous_text = ""
if figures["previous_period"]:
    year, quarter = figures["previous_period"]
    previous_text = f"{fmt_quarter(quarter, lang)} {year}"


def delta(now: float | None, before: float | None) -> tuple[str | None, bool]:
    """The change in percentage points against the previous quarter, as the metric's delta text, and whether it
    is a change at all as shown (one decimal): a change that rounds to 0 gets no arrow and no colour."""
    if now is None or before is None:
        return None, False
    change = round((now - before) * 100, 1)
    if change == 0:
        return t("dash.kpi.delta", lang, delta=fmt_num(0.0, lang), period=previous_text), False
    sign = "+" if change > 0 else ""
    return t("dash.kpi.delta", lang, delta=sign + fmt_num(change, lang), period=previous_text), True


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
    (
        "dash.kpi.target",
        current["target_achievement"],
        earlier.get("target_achievement"),
        t("dash.kpi.target_of", lang, rows=fmt_int(units["action_plans_with_target"], lang)),
    ),
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
    change, moved = delta(value, before)
    with column:
        st.metric(
            t(key, lang),
            fmt_pct(value, lang),
            delta=change,
            delta_color="normal" if moved else "off",
            delta_arrow="auto" if moved else "off",
            help=t(f"{key}_help", lang),
            border=True,
        )
        st.caption(detail)
if current["coverage"] is not None:
    plan.plan_cards(current, lang)
headline_note = t(
    "dash.kpi.headline_note",
    lang,
    rate=fmt_pct(current["commitment_rate"], lang),
    committed=fmt_int(current["actions_committed"], lang),
    planned=fmt_int(current["actions_planned"], lang),
)
if previous is None and previous_text:
    missing = t("dash.kpi.no_previous", lang, period=previous_text)
    compare_note = f"{missing[:1].upper()}{missing[1:]}."
else:
    compare_note = t("dash.kpi.compare_note", lang, period=previous_text)
st.caption(f"{headline_note} {compare_note}")
page.units_note(t("dash.units.overview", lang, group=frame.data("groups", filters.year).word(lang).lower()), lang)

left, right = st.columns([1, 1])
with left:
    page.pillar_chart("overview_pillars", filters, lang, filters_text, as_of, source, about_url)
with right:
    figure = frame.chart(
        "spec_province_map",
        ("province_rates", filters, lang),
        lang,
        filters_text,
        as_of,
        source,
        height=280,
        zoom=2.55,
        about_url=about_url,
        simplified=True,
    )
    page.drillable_chart(figure, "overview_map", "province", "map", lang)

trend_figure = frame.chart(
    "spec_trend",
    ("trend", filters, lang),
    lang,
    frame.data("describe_trend_filters", filters, lang),
    as_of,
    source,
    about_url=about_url,
)
page.chart(trend_figure, "overview_trend", lang)
downloads.chart_downloads(trend_figure, "trend", lang)
downloads.pack_panel(lang, filters)
