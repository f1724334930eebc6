"""Tentang angka / About the figures: each measure's definition and a worked example for the chosen filters."""

import streamlit as st

from ranpe.i18n import fmt_int, fmt_pct, fmt_quarter, t
from ranpe.measures import dashboard
from ranpe.web import frame, page

filters, lang, _filters_text, _as_of, _source = page.page_start("dash.page.about")
about = frame.data("about", filters, lang)
figures, units = about["figures"], about["units"]
has_rows = figures["actions_planned"] > 0


def equation(committed: int, planned: int, rate: float | None) -> str:
    """'64 ÷ 79 = 81,0%' in the language."""
    return t(
        "dash.about.equation",
        lang,
        committed=fmt_int(committed, lang),
        planned=fmt_int(planned, lang),
        rate=fmt_pct(rate, lang),
    )


def measure(title_key: str, examples: list[str]) -> None:
    """A measure: its name (with its unit), its definition and, when the view has rows, its worked example."""
    with st.container(border=True):
        st.subheader(t(title_key, lang))
        st.markdown(t(f"{title_key}_def", lang))
        if has_rows and examples:
            first, *more = examples
            st.markdown("\n".join([t("dash.about.example", lang, example=first), "", *(f"- {line}" for line in more)]))


st.markdown(t("dash.about.intro", lang))
if not has_rows:
    st.info(t("dash.about.no_rows", lang), icon=":material/filter_alt_off:")

st.subheader(t("dash.about.units", lang))
st.markdown(
    "\n".join(
        f"- {t(key, lang, count=fmt_int(count, lang))}"
        for key, count in (
            ("dash.about.unit_actions", units["actions"]["planned"]),
            ("dash.about.unit_action_plans", units["action_plans"]["planned"]),
            ("dash.about.unit_agencies", figures["agencies_total"]),
        )
    )
)
st.caption(t("dash.about.counted_rows", lang))

named = frame.data("groups", filters.year)
headline = equation(figures["actions_committed"], figures["actions_planned"], figures["commitment_rate"])
measure(
    "dash.about.commitment",
    [
        headline,
        *(
            f"{dashboard.pillar_label(p['pillar'], lang, named)}: {equation(p['committed'], p['planned'], p['rate'])}"
            for p in figures["by_pillar"]
        ),
    ],
)
measure(
    "dash.about.involvement",
    [equation(figures["agencies_involved"], figures["agencies_total"], figures["involvement_rate"])],
)
agency = about["agency"]
measure(
    "dash.about.agency",
    []
    if agency is None
    else [
        t(
            "dash.about.agency_example",
            lang,
            agency=frame.plain(agency["label"]),
            equation=equation(agency["committed"], agency["planned"], agency["rate"]),
        ),
        t(
            "dash.about.agency_sum",
            lang,
            equation=equation(**units["agency_actions"]),
            headline=headline,
        ),
    ],
)
# A province's name comes from the reference data (editable): shown as typed, never rendered as markdown.
groups = [
    (frame.plain(group["label"]) if escape else group["label"], group)
    for group, escape in (
        (about["province"], True),
        (about["national"] and {**about["national"], "label": t("dash.filter.national", lang)}, False),
    )
    if group is not None
]
measure(
    "dash.about.region",
    [
        *(
            t(
                "dash.about.region_example",
                lang,
                province=label,
                equation=equation(group["committed"], group["planned"], group["rate"]),
            )
            for label, group in groups
        ),
        t("dash.about.region_all", lang, equation=equation(**units["action_plans"]), headline=headline),
    ],
)
measure(
    "dash.about.target",
    []
    if figures["target_achievement"] is None
    else [
        t(
            "dash.about.target_example",
            lang,
            rows=fmt_int(units["action_plans_with_target"], lang),
            rate=fmt_pct(figures["target_achievement"], lang),
        )
    ],
)
completeness = figures["reporting_completeness"]
measure(
    "dash.about.completeness",
    []
    if completeness["quarter"] is None
    else [
        t(
            "dash.about.completeness_example",
            lang,
            quarter=fmt_quarter(completeness["quarter"], lang),
            equation=equation(completeness["submitted"], completeness["expected"], completeness["rate"]),
        )
    ],
)
measure("dash.about.trend", [])
measure("dash.about.change", [])
