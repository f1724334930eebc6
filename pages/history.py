"""Riwayat / History: every upload, the versions of each submission, restore, originals and comparison."""

import streamlit as st

from ranpe.access import audit
from ranpe.i18n import fmt_int, fmt_quarter, t
from ranpe.web import frame
from ranpe.web.auth import ensure_signed_in, require_role
from ranpe.workspace import common, history

lang = frame.current_lang()
store = frame.store()
actor = ensure_signed_in(lang)

st.title(t("ws.history.title", lang))
st.caption(t("ws.history.intro", lang))
require_role(actor, "analyst", lang)

agencies = {a["code"]: a["short_name"] for a in store.query_rows("reference/agencies")}
years = [row["year"] for row in store.query_rows("measures/years_with_data")]
filter_columns = st.columns(2)
agency = filter_columns[0].selectbox(
    t("field.agency", lang),
    [None, *agencies],
    key="ws_history_agency",
    format_func=lambda a: t("ws.all", lang) if a is None else f"{agencies[a]} ({a})",
)
year = filter_columns[1].selectbox(
    t("field.year", lang),
    [None, *reversed(years)],
    key="ws_history_year",
    format_func=lambda y: t("ws.all", lang) if y is None else str(y),
)

uploads = history.history(store, agency=agency, year=year)
st.subheader(t("ws.history.uploads", lang))
if not uploads:
    st.info(t("ws.history.none", lang), icon=":material/history:")
    st.stop()
st.dataframe(history.history_rows(uploads, lang), hide_index=True, width="stretch", key="ws_history_table")

st.subheader(t("ws.history.one_upload", lang))
by_id = {u["upload_id"]: u for u in uploads}
chosen_id = st.selectbox(
    t("ws.history.choose_upload", lang),
    list(by_id),
    key="ws_history_upload",
    format_func=lambda i: history.upload_label(by_id[i], lang),
)
chosen = by_id[chosen_id]
action_columns = st.columns(2)
with action_columns[0]:
    if chosen["status"] != "refused":
        try:
            name, original = history.original_file(store, chosen_id, actor=actor)
        except common.WorkspaceError as error:
            st.caption(error.message(lang))
        else:
            st.download_button(
                t("ws.history.download_original", lang),
                data=original,
                file_name=name,
                key="ws_history_original",
                on_click=audit.record,
                args=(store, actor, "export", {"what": "original", "upload_id": chosen_id}),
                icon=":material/download:",
            )
    else:
        st.download_button(
            t("ws.upload.error_report", lang),
            data=history.refused_report_xlsx(store, chosen_id, lang),
            file_name=t("ws.upload.error_report_file", lang),
            key="ws_history_errors",
            on_click=audit.record,
            args=(store, actor, "export", {"what": "error_report", "upload_id": chosen_id}),
            icon=":material/download:",
        )
with action_columns[1]:
    if chosen["status"] == "replaced":
        confirmed = st.checkbox(t("ws.history.confirm_restore", lang, upload_id=chosen_id), key="ws_history_confirm")
        if st.button(
            t("ws.history.restore", lang, upload_id=chosen_id),
            disabled=not confirmed,
            key="ws_history_restore",
            icon=":material/restore:",
        ):
            try:
                slices = history.restore(store, chosen_id, actor=actor)
            except common.WorkspaceError as error:
                st.error(error.message(lang))
            else:
                st.session_state["ws_history_restored"] = t(
                    "ws.history.restored", lang, upload_id=chosen_id, count=len(slices)
                )
                st.rerun()
    elif chosen["status"] == "active":
        st.caption(t("ws.history.is_active", lang))
if st.session_state.get("ws_history_restored"):
    st.success(st.session_state.pop("ws_history_restored"), icon=":material/restore:")

st.subheader(t("ws.history.chain", lang))
st.caption(t("ws.history.chain_help", lang))
chain_columns = st.columns(3)
# The chain opens on the K/L and period of the chosen upload.
default_agency, default_year, default_quarter = history.upload_slice(chosen, agency, years)
agency_codes = list(agencies)
chain_agency = chain_columns[0].selectbox(
    t("field.agency", lang),
    agency_codes,
    key="ws_chain_agency",
    index=agency_codes.index(default_agency) if default_agency in agencies else 0,
    format_func=lambda a: f"{agencies[a]} ({a})",
)
year_choices = list(reversed(years)) or [None]
chain_year = chain_columns[1].selectbox(
    t("field.year", lang),
    year_choices,
    key="ws_chain_year",
    index=year_choices.index(default_year) if default_year in year_choices else 0,
)
chain_quarter = chain_columns[2].selectbox(
    t("field.quarter", lang),
    [1, 2, 3, 4],
    key="ws_chain_quarter",
    index=(default_quarter or 1) - 1,
    format_func=lambda q: fmt_quarter(q, lang),
)
chain = history.version_chain(store, agency=chain_agency, year=chain_year, quarter=chain_quarter)
if not chain:
    st.info(t("ws.history.no_chain", lang))
    st.stop()
st.dataframe(history.chain_rows(chain, lang), hide_index=True, width="stretch", key="ws_chain_table")

versions = sorted({row["upload_id"] for row in chain})
if len(versions) < 2:
    st.caption(t("ws.history.one_version", lang))
    st.stop()
st.markdown(f"**{t('ws.history.compare', lang)}**")
compare_columns = st.columns(2)
older = compare_columns[0].selectbox(
    t("ws.history.older", lang), versions, index=len(versions) - 2, key="ws_compare_old", format_func=lambda i: f"#{i}"
)
newer = compare_columns[1].selectbox(
    t("ws.history.newer", lang), versions, index=len(versions) - 1, key="ws_compare_new", format_func=lambda i: f"#{i}"
)
comparison = history.compare_versions(store, older, newer)
counts = st.columns(4)
counts[0].metric(t("ws.change.added", lang), fmt_int(comparison.count("added"), lang))
counts[1].metric(t("ws.change.removed", lang), fmt_int(comparison.count("removed"), lang))
counts[2].metric(t("ws.change.changed", lang), fmt_int(comparison.count("changed"), lang))
counts[3].metric(t("ws.history.flipped", lang), fmt_int(len(comparison.flipped), lang))
differences = history.comparison_rows(comparison, lang)
if differences:
    st.dataframe(differences, hide_index=True, width="stretch", key="ws_compare_table")
else:
    st.caption(t("ws.history.no_differences", lang))
