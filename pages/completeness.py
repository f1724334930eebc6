"""Kelengkapan / Reporting completeness: K/L × quarter on time, late or missing, and whom to remind."""

from datetime import date

import streamlit as st

from ranpe.access import audit
from ranpe.i18n import fmt_date, fmt_int, fmt_quarter, t
from ranpe.web import frame
from ranpe.web.auth import ensure_signed_in
from ranpe.workspace import common, completeness

lang = frame.current_lang()
store = frame.store()
actor = ensure_signed_in(lang)

st.title(t("ws.completeness.title", lang))
st.caption(t("ws.completeness.intro", lang))

today = date.today()
years = [row["year"] for row in store.query_rows("measures/years_with_data")]
year_options = sorted({*years, today.year}, reverse=True)
choice_columns = st.columns([1, 2])
year = choice_columns[0].selectbox(
    t("field.year", lang),
    year_options,
    index=year_options.index(max(years, default=today.year)),
    key="ws_completeness_year",
)
include_reference = choice_columns[1].toggle(
    t("ws.completeness.include_reference", lang),
    key="ws_completeness_all",
    help=t("ws.completeness.include_help", lang),
)

result = completeness.completeness(store, year, today=today, include_reference=include_reference)

with st.expander(t("ws.completeness.deadlines", lang, days=completeness.deadline_days(store)), icon=":material/event:"):
    st.caption(t("ws.completeness.deadlines_help", lang))
    st.dataframe(
        [
            {t("field.quarter", lang): fmt_quarter(q, lang), t("ws.col.deadline", lang): fmt_date(d, lang)}
            for q, d in result.deadlines.items()
        ],
        hide_index=True,
    )
    if actor.can("analyst"):
        with st.form("ws_deadline_form"):
            days = st.number_input(
                t("ws.completeness.days", lang),
                min_value=0,
                max_value=365,
                value=completeness.deadline_days(store),
                step=1,
                key="ws_deadline_days",
            )
            if st.form_submit_button(t("ws.save", lang)):
                completeness.set_deadline_days(store, int(days), actor=actor)
                st.rerun()
        with st.form("ws_quarter_deadline_form"):
            columns = st.columns(2)
            quarter_to_set = columns[0].selectbox(
                t("field.quarter", lang),
                common.QUARTERS,
                format_func=lambda q: fmt_quarter(q, lang),
                key="ws_deadline_q",
            )
            due = columns[1].date_input(
                t("ws.col.deadline", lang), value=result.deadlines[quarter_to_set], key="ws_deadline_date"
            )
            buttons = st.columns(2)
            if buttons[0].form_submit_button(t("ws.completeness.set_date", lang)):
                completeness.set_quarter_deadline(store, year, quarter_to_set, due, actor=actor)
                st.rerun()
            if buttons[1].form_submit_button(t("ws.completeness.clear_date", lang)):
                completeness.set_quarter_deadline(store, year, quarter_to_set, None, actor=actor)
                st.rerun()

if not result.agencies:
    st.info(t("ws.completeness.none", lang, year=year), icon=":material/fact_check:")
    st.stop()
if result.expected_from == "reference":
    st.info(
        t("ws.completeness.no_reports_yet", lang, year=year, count=fmt_int(len(result.expected), lang)),
        icon=":material/fact_check:",
    )
else:
    st.caption(t("ws.completeness.expected_help", lang, year=year, count=fmt_int(len(result.expected), lang)))
    if result.reference_only:
        st.caption(
            t(
                "ws.completeness.reference_only",
                lang,
                year=year,
                count=fmt_int(len(result.reference_only), lang),
                names=", ".join(a["short_name"] or a["code"] for a in result.reference_only),
            )
        )

rate_columns = st.columns(4)
for column, quarter in zip(rate_columns, common.QUARTERS, strict=True):
    counts = result.counts(quarter)
    shown, counted = completeness.rate_text(result, quarter, lang)
    column.metric(
        t("ws.completeness.rate", lang, quarter=fmt_quarter(quarter, lang)),
        shown,
        help=t(
            "ws.completeness.rate_help",
            lang,
            on_time=counts["on_time"],
            late=counts["late"],
            missing=counts["missing"],
            not_due=counts["not_due"],
        ),
    )
    column.caption(counted)

st.subheader(t("ws.completeness.matrix", lang))
st.caption(t("ws.completeness.legend", lang))
st.dataframe(completeness.matrix_rows(result, lang), hide_index=True, width="stretch", key="ws_completeness_matrix")

st.subheader(t("ws.completeness.not_reported", lang))
default_quarter = result.reporting_quarter or 1
quarter = st.selectbox(
    t("field.quarter", lang),
    common.QUARTERS,
    index=default_quarter - 1,
    format_func=lambda q: fmt_quarter(q, lang),
    key="ws_completeness_quarter",
)
missing = completeness.not_reported_rows(result, quarter, lang)
if missing:
    st.caption(
        t(
            "ws.completeness.not_reported_count",
            lang,
            count=fmt_int(len(missing), lang),
            quarter=fmt_quarter(quarter, lang),
            due=fmt_date(result.deadlines[quarter], lang),
        )
    )
    st.dataframe(missing, hide_index=True, width="stretch", key="ws_completeness_missing")
else:
    st.success(t("ws.completeness.all_reported", lang, quarter=fmt_quarter(quarter, lang)))

download_columns = st.columns(2)
download_columns[0].download_button(
    t("ws.completeness.download_xlsx", lang),
    data=completeness.completeness_xlsx(result, quarter, lang),
    file_name=f"{t('ws.completeness.file', lang)}-{year}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="ws_completeness_xlsx",
    on_click=audit.record,
    args=(store, actor, "export", {"what": "completeness.xlsx", "year": year, "quarter": quarter}),
    icon=":material/download:",
)
download_columns[1].download_button(
    t("ws.completeness.download_csv", lang),
    data=completeness.not_reported_csv(result, quarter, lang),
    file_name=f"{t('ws.completeness.missing_file', lang)}-{year}-{quarter}.csv",
    mime="text/csv",
    key="ws_completeness_csv",
    on_click=audit.record,
    args=(store, actor, "export", {"what": "not_reported.csv", "year": year, "quarter": quarter}),
    icon=":material/download:",
)
