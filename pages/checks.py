"""Pemeriksaan data / Data checks: the data checks over the stored rows, per rule × K/L, the rows concerned,
the findings to send back to a K/L, and the threshold."""

from datetime import datetime

import streamlit as st

from ranpe.access import audit
from ranpe.checks import report, rules
from ranpe.i18n import AsOf, fmt_date, fmt_int, fmt_quarter, t
from ranpe.measures.filters import end_of_day
from ranpe.web import frame
from ranpe.web.auth import ensure_signed_in, require_role

# The option meaning "no filter": a selectbox would show None as an empty choice.
ALL = "all"
# Findings listed on the page; the downloads hold every one selected.
SHOWN_FINDINGS = 500

lang = frame.current_lang()
store = frame.store()
actor = ensure_signed_in(lang)

st.title(t("dash.page.checks", lang))
st.caption(t("check.page.intro", lang))
require_role(actor, "analyst", lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def checked_year(store_path: str, version: int, year: int, as_of: datetime | None) -> rules.CheckRun:
    """Every rule over a year's stored rows (as stored at as_of, when given), once per data version (a threshold
    change is a new version), shared by every session (a CheckRun is never changed); a quarter or K/L chosen is a
    view of it."""
    return rules.run_checks(store, year, as_of=as_of)


@st.cache_data(show_spinner=False, max_entries=8)
def lookups(store_path: str, version: int, lang: str) -> dict:
    return report.names(store, lang)


version = store.data_version()
if not store.query_rows("measures/years_with_data"):
    st.info(t("check.page.no_data", lang), icon=":material/upload_file:")
    st.stop()
names = lookups(str(store.path), version, lang)
# The widgets keep codes; giving each its own value again makes the browser show it in this run's language (a
# widget's label for an unchanged value is otherwise left in the language it was first drawn in).
for key in ("ws_checks_year", "ws_checks_quarter", "ws_checks_agency", "ws_checks_rules"):
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]

filter_columns = st.columns([1, 1, 2, 1])
# The dashboard's "data as of" date: the checks read the store as it was at the end of that day.
day = frame.as_of_input(filter_columns[3], lang)
as_of = end_of_day(day) if day else None
years = [row["year"] for row in store.query_rows("measures/years_with_data_as_of", as_of=as_of)]
if as_of is not None:
    st.info(t("as_of.banner", lang, date=fmt_date(AsOf.of(as_of), lang)), icon=":material/history:")
    if not years:
        st.info(t("as_of.nothing_stored", lang, date=fmt_date(AsOf.of(as_of), lang)), icon=":material/history:")
        st.stop()
if st.session_state.get("ws_checks_year", years[-1]) not in years:
    st.session_state["ws_checks_year"] = years[-1]  # a year chosen before a date at which it held no rows
year = filter_columns[0].selectbox(t("field.year", lang), list(reversed(years)), key="ws_checks_year")
quarter = filter_columns[1].selectbox(
    t("field.quarter", lang),
    [ALL, 1, 2, 3, 4],
    key="ws_checks_quarter",
    format_func=lambda q: t("check.page.all_quarters", lang) if q == ALL else fmt_quarter(q, lang),
)
year_run = checked_year(str(store.path), version, year, as_of)
with_rows = sorted(year_run.agencies_checked, key=lambda code: names["agency"].get(code, code).lower())
if st.session_state.get("ws_checks_agency", ALL) not in with_rows:
    st.session_state["ws_checks_agency"] = ALL  # a K/L chosen for another year, with no rows in this one
agency = filter_columns[2].selectbox(
    t("field.agency", lang),
    [ALL, *with_rows],
    key="ws_checks_agency",
    format_func=lambda a: t("check.page.all_agencies", lang) if a == ALL else names["agency"].get(a, a),
)
quarter, agency = (None if value == ALL else value for value in (quarter, agency))

run = year_run.view(quarter, agency)
view = report.view_text(year, quarter, agency, names["agency"], lang)

with st.expander(
    t("check.page.threshold", lang, factor=rules.number_text(run.threshold, lang)), icon=":material/tune:"
):
    st.caption(t("check.page.threshold_help", lang))
    if actor.can("admin"):
        with st.form("ws_checks_threshold_form"):
            factor = st.number_input(
                t("check.page.threshold_input", lang),
                min_value=rules.MIN_THRESHOLD,
                max_value=rules.MAX_THRESHOLD,
                value=run.threshold,
                step=0.5,
                key="ws_checks_threshold",
            )
            if st.form_submit_button(t("ws.save", lang)):
                try:
                    rules.set_threshold(store, factor, actor=actor)
                except ValueError:
                    st.error(t("check.page.threshold_bad", lang))
                else:
                    st.rerun()
    else:
        st.caption(t("check.page.threshold_admin_only", lang))

with st.expander(t("check.export.rules_sheet", lang), icon=":material/rule:"):
    st.markdown(
        "\n".join(
            f"- **{report.rule_label(rule.code, lang)}**: {report.rule_help(rule, run.threshold, lang)}"
            for rule in rules.RULES
        )
    )
st.info(
    "\n".join(
        [
            t("check.page.skipped_title", lang),
            *(
                "- "
                + t("check.page.skipped", lang, rule=report.rule_label(r.code, lang), reason=t(r.skipped_because, lang))
                for r in run.skipped
            ),
        ]
    ),
    icon=":material/skip_next:",
)

counts = report.counts_frame(run, names["agency"], lang)
rules_with_findings = {rule for found in run.counts().values() for rule in found}
metrics = st.columns(3)
metrics[0].metric(
    t("check.page.findings_metric", lang),
    t("check.page.findings_value", lang, count=fmt_int(run.total, lang)),
    help=t("check.page.findings_help", lang),
)
metrics[1].metric(
    t("check.page.agencies_metric", lang),
    t(
        "check.page.agencies_value",
        lang,
        count=fmt_int(len(counts), lang),
        total=fmt_int(len(run.agencies_checked), lang),
    ),
)
metrics[2].metric(
    t("check.page.rules_metric", lang),
    t(
        "check.page.rules_value",
        lang,
        count=fmt_int(len(rules_with_findings), lang),
        total=fmt_int(len(run.rules_run), lang),
    ),
    help=t("check.page.rules_help", lang),
)
st.caption(t("check.page.checked", lang, rows=fmt_int(run.rows_checked, lang), view=view))

if not run.total:
    st.success(t("check.page.none", lang, view=view), icon=":material/task_alt:")
    st.stop()

st.subheader(t("check.page.counts", lang, view=view))
st.caption(t("check.page.counts_help", lang))
selection = st.dataframe(
    report.counts_styled(counts, lang),
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key=f"ws_checks_counts-{year}-{quarter}-{agency}-{lang}",
)
selected_rows = selection.selection.rows if selection else []
selected_agency = counts.iloc[selected_rows[0], 0] if selected_rows else agency

shown_view = report.view_text(year, quarter, selected_agency, names["agency"], lang)
st.subheader(t("check.page.rows", lang, view=shown_view))
if selected_agency and selected_agency != agency:
    st.caption(t("check.page.selected_agency", lang, agency=names["agency"].get(selected_agency, selected_agency)))
chosen_rules = st.multiselect(
    t("check.page.rule_filter", lang),
    [rule.code for rule in run.rules_run if rule.code in rules_with_findings],
    key="ws_checks_rules",
    format_func=lambda code: report.rule_label(code, lang),
    placeholder=t("check.page.rule_filter_all", lang),
)
selected_count = run.selected(selected_agency, chosen_rules).num_rows
shown = run.findings(selected_agency, chosen_rules, limit=SHOWN_FINDINGS)
st.caption(t("check.page.rows_shown", lang, shown=fmt_int(selected_count, lang), total=fmt_int(run.total, lang)))
if selected_count > len(shown):
    st.caption(t("check.page.rows_capped", lang, limit=fmt_int(len(shown), lang)))
st.dataframe(report.finding_rows(shown, names, lang), hide_index=True, width="stretch", key="ws_checks_rows")

file_stem = report.file_stem(year, quarter, selected_agency, lang)
export = {
    "what": "data_checks",
    "year": year,
    "quarter": quarter,
    "agency": selected_agency,
    "rules": chosen_rules,
    "as_of": as_of.isoformat() if as_of else None,
}


def findings_file(kind: str) -> bytes:
    """Every finding selected (not only the ones listed) as .xlsx or .csv; made, and audited, when clicked."""
    audit.record(store, actor, "export", export | {"format": kind, "rows": selected_count})
    findings = run.findings(selected_agency, chosen_rules)
    if kind == "xlsx":
        return report.findings_xlsx(run, findings, names, lang)
    return report.findings_csv(findings, names, lang)


downloads = st.columns(2)
downloads[0].download_button(
    t("check.page.download_xlsx", lang),
    data=lambda: findings_file("xlsx"),
    file_name=f"{file_stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="ws_checks_xlsx",
    on_click="ignore",
    icon=":material/download:",
)
downloads[1].download_button(
    t("check.page.download_csv", lang),
    data=lambda: findings_file("csv"),
    file_name=f"{file_stem}.csv",
    mime="text/csv",
    key="ws_checks_csv",
    on_click="ignore",
    icon=":material/download:",
)
