"""Riwayat / History: every upload; for the one chosen, undo or restore, its original, its versions, comparison."""

from typing import Any

import streamlit as st

from ranpe.access import audit
from ranpe.i18n import fmt_int, t
from ranpe.web import frame
from ranpe.web.auth import ensure_signed_in, require_role
from ranpe.workspace import common, history

lang = frame.current_lang()
store = frame.store()
actor = ensure_signed_in(lang)

st.title(t("ws.history.title", lang))
st.caption(t("ws.history.intro", lang))
require_role(actor, "analyst", lang)

names = common.names(store, lang)
years = [row["year"] for row in store.query_rows("measures/years_with_data")]
filter_columns = st.columns(2)
agency = filter_columns[0].selectbox(
    t("field.agency", lang),
    [None, *names.agency_codes()],
    key="ws_history_agency",
    format_func=lambda a: t("ws.all", lang) if a is None else f"{names.agency(a)} ({a})",
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
st.dataframe(history.history_rows(uploads, names), hide_index=True, width="stretch", key="ws_history_table")


def _forget_confirmations() -> None:
    """A confirmation given for one upload never carries over to another."""
    for key in ("ws_history_confirm", "ws_history_undo_confirm"):
        st.session_state[key] = False


if st.session_state.get("ws_history_done"):
    _forget_confirmations()  # an undo or restore just ran: the next one needs a new confirmation
st.subheader(t("ws.history.one_upload", lang))
by_id = {u["upload_id"]: u for u in uploads}
chosen_id = st.selectbox(
    t("ws.history.choose_upload", lang),
    list(by_id),
    key="ws_history_upload",
    format_func=lambda i: history.upload_label(by_id[i], lang),
    on_change=_forget_confirmations,
)
chosen = by_id[chosen_id]
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
if st.session_state.get("ws_history_done"):
    st.success(st.session_state.pop("ws_history_done"), icon=":material/restore:")


def version_change(
    title: str,
    help_text: str,
    rows: Any,
    wide_column: str,
    confirm: tuple[str, str],
    button: tuple[str, str, str],
    act: Any,
) -> None:
    """A change of the active versions (undo or restore) in a box: what it does, the slices it changes, a confirmation
    (its text and key) and its button (label, key, icon); clicked, act() makes the change and gives the message shown
    after the rerun."""
    with st.container(border=True):
        st.markdown(f"**{title}**")
        st.caption(help_text)
        st.dataframe(
            rows, hide_index=True, width="stretch", column_config={wide_column: st.column_config.TextColumn(width=460)}
        )
        confirmed = st.checkbox(confirm[0], key=confirm[1])
        label, key, icon = button
        if st.button(label, disabled=not confirmed, key=key, icon=icon):
            try:
                done = act()
            except common.WorkspaceError as error:
                st.error(error.message(lang))
            else:
                st.session_state["ws_history_done"] = done
                st.rerun()


def undo_message() -> str:
    undone = history.undo(store, chosen_id, actor=actor)
    back = sum(1 for item in undone if item["previous_upload_id"] is not None)
    return t(
        "ws.history.undone",
        lang,
        upload_id=chosen_id,
        back=fmt_int(back, lang),
        removed=fmt_int(len(undone) - back, lang),
    )


def restore_message() -> str:
    slices = history.restore(store, chosen_id, actor=actor)
    return t("ws.history.restored", lang, upload_id=chosen_id, count=len(slices))


if chosen["status"] != "refused":
    # Undo: the slices this upload provides now go back to their previous version (or to none).
    undo_plan = history.undo_plan(store, chosen_id)
    if undo_plan:
        version_change(
            t("ws.history.undo_title", lang),
            t("ws.history.undo_help", lang),
            history.undo_rows(undo_plan, names),
            t("ws.col.after_undo", lang),
            (
                t("ws.history.undo_confirm", lang, upload_id=chosen_id, count=fmt_int(len(undo_plan), lang)),
                "ws_history_undo_confirm",
            ),
            (t("ws.history.undo", lang, upload_id=chosen_id), "ws_history_undo", ":material/undo:"),
            undo_message,
        )
    # Restore: this upload becomes the active version again for the slices another version (or none) provides.
    restore_plan = history.restore_plan(store, chosen_id)
    if restore_plan:
        version_change(
            t("ws.history.restore_title", lang),
            t("ws.history.restore_help", lang),
            history.restore_rows(restore_plan, names),
            t("ws.col.version_now", lang),
            (t("ws.history.confirm_restore", lang, upload_id=chosen_id), "ws_history_confirm"),
            (t("ws.history.restore", lang, upload_id=chosen_id), "ws_history_restore", ":material/restore:"),
            restore_message,
        )
    else:
        st.caption(t("ws.history.is_active", lang))

    # The versions of exactly the slices this upload holds, and the comparison of two of them.
    st.subheader(t("ws.history.chain_of", lang, upload_id=chosen_id))
    st.caption(t("ws.history.chain_of_help", lang))
    chain = history.version_chain(store, upload_id=chosen_id)
    st.dataframe(history.chain_rows(chain, names, chosen_id), hide_index=True, width="stretch", key="ws_chain_table")
    versions, older_default, newer_default = history.compare_choices(chain, chosen_id)
    if len(versions) < 2:
        st.caption(t("ws.history.one_version", lang))
        st.stop()
    st.markdown(f"**{t('ws.history.compare', lang)}**")
    st.caption(t("ws.history.compare_help", lang))
    compare_columns = st.columns(2)
    # Keyed by the chosen upload: choosing another upload opens the comparison on its own versions.
    older = compare_columns[0].selectbox(
        t("ws.history.older", lang),
        versions,
        index=versions.index(older_default),
        key=f"ws_compare_old_{chosen_id}",
        format_func=lambda i: f"#{i}",
    )
    newer = compare_columns[1].selectbox(
        t("ws.history.newer", lang),
        versions,
        index=versions.index(newer_default),
        key=f"ws_compare_new_{chosen_id}",
        format_func=lambda i: f"#{i}",
    )
    comparison = history.compare_versions(store, older, newer)
    counts = st.columns(4)
    counts[0].metric(t("ws.change.added", lang), fmt_int(comparison.count("added"), lang))
    counts[1].metric(t("ws.change.removed", lang), fmt_int(comparison.count("removed"), lang))
    counts[2].metric(t("ws.change.changed", lang), fmt_int(comparison.count("changed"), lang))
    counts[3].metric(t("ws.history.flipped", lang), fmt_int(len(comparison.flipped), lang))
    differences = history.comparison_rows(comparison, names)
    if differences:
        st.dataframe(differences, hide_index=True, width="stretch", key="ws_compare_table")
    else:
        st.caption(t("ws.history.no_differences", lang))
