"""Unggah / Upload: the template, a check of every file before storing, every problem, then storing."""

import hashlib
import tempfile
from pathlib import Path

import streamlit as st

from ranpe import config
from ranpe.access import audit
from ranpe.i18n import fmt_int, fmt_quarter, t
from ranpe.ingest.pipeline import UsageError
from ranpe.plan import periods
from ranpe.web import frame, plan
from ranpe.web.auth import ensure_signed_in, require_role
from ranpe.workspace import common, upload

lang = frame.current_lang()
store = frame.store()
actor = ensure_signed_in(lang)

st.title(t("ws.upload.title", lang))
st.caption(t("ws.upload.intro", lang))
require_role(actor, "analyst", lang)


@st.cache_data(show_spinner=False, max_entries=4)
def template_bytes(store_path: str, template_lang: str, version: int, year: int | None = None) -> bytes:
    """The submission template as bytes, its group list that of the year's period (rebuilt when the reference data
    moves)."""
    from ranpe.ingest.template import write_template

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.xlsx"
        write_template(store, path, lang=template_lang, year=year)
        return path.read_bytes()


with st.expander(t("ws.upload.template", lang), icon=":material/download:"):
    st.caption(t("ws.upload.template_help", lang))
    plan_periods = periods.list_periods(store)
    template_year = None
    if len(plan_periods) > 1:  # the drop-down list of groups follows the period chosen
        by_year = {p.first_year: p for p in plan_periods}
        template_year = st.selectbox(
            t("period.template", lang),
            list(by_year),
            index=max(i for i, p in enumerate(plan_periods) if not p.illustrative or i == 0),
            key="ws_template_period",
            format_func=lambda y: f"{by_year[y].label(lang)} ({by_year[y].word(lang)})",
        )
    columns = st.columns(2)
    for column, template_lang in zip(columns, ("id", "en"), strict=True):
        column.download_button(
            t(f"ws.upload.template_{template_lang}", lang),
            data=template_bytes(str(store.path), template_lang, store.data_version(), template_year),
            file_name=t("ws.upload.template_file", template_lang),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"ws_template_{template_lang}",
            icon=":material/table_view:",
        )

with st.expander(t("upload.catalogue.title", lang), icon=":material/checklist:"):
    plan.catalogue_upload_section(lang)

st.subheader(t("ws.upload.files", lang))
st.html(f"<style>{upload.uploader_css(lang, upload.FILE_TYPES)}</style>")
files = st.file_uploader(
    t("ws.upload.choose", lang),
    type=list(upload.FILE_TYPES),
    accept_multiple_files=True,
    key="ws_upload_files",
    help=t("ws.upload.choose_help", lang, limit=config.MAX_UPLOAD_BYTES // (1024 * 1024)),
)

st.markdown(f"**{t('ws.upload.given', lang)}**")
st.caption(t("ws.upload.given_help", lang))
names = common.names(store, lang)
agency_names = names.agencies
given_columns = st.columns([1, 1, 2])
year = given_columns[0].selectbox(
    t("field.year", lang),
    [None, *range(2020, 2031)],
    key="ws_given_year",
    format_func=lambda y: t("ws.upload.from_file", lang) if y is None else str(y),
)
quarter = given_columns[1].selectbox(
    t("field.quarter", lang),
    [None, 1, 2, 3, 4],
    key="ws_given_quarter",
    format_func=lambda q: t("ws.upload.from_file", lang) if q is None else fmt_quarter(q, lang),
)
agency = given_columns[2].selectbox(
    t("field.agency", lang),
    [None, *names.agency_codes()],
    key="ws_given_agency",
    format_func=lambda a: t("ws.upload.from_file", lang) if a is None else f"{agency_names[a]} ({a})",
)

if not files:
    st.info(t("ws.upload.nothing_yet", lang), icon=":material/upload_file:")
    st.stop()

# Each file is checked once per content and given values; the check, and what storing did, is kept for the session.
checks = st.session_state.setdefault("ws_checks", {})
done = st.session_state.setdefault("ws_done", {})
results = []
progress = st.progress(0.0, text=t("ws.upload.checking", lang)) if len(files) > 1 else None
for index, uploaded in enumerate(files):
    data = uploaded.getvalue()
    key = (hashlib.sha256(data).hexdigest(), uploaded.name, year, quarter, agency)
    if key not in checks:
        try:
            with st.spinner(t("ws.upload.checking_file", lang, file=frame.plain(uploaded.name))):
                checks[key] = upload.preview(
                    store, data, uploaded.name, year=year, quarter=quarter, agency=agency, actor=actor
                )
        except common.WorkspaceError as error:
            checks[key] = error
        except UsageError as error:
            checks[key] = common.WorkspaceError(error.key, value=error.value)
    results.append((key, uploaded, data, checks[key]))
    if progress:
        progress.progress((index + 1) / len(files), text=t("ws.upload.checking", lang))
if progress:
    progress.empty()

checked = [result for _, _, _, result in results if not isinstance(result, common.WorkspaceError)]
for key, uploaded, _, result in results:
    with st.container(border=True):
        if isinstance(result, common.WorkspaceError):
            st.error(f"**{frame.plain(uploaded.name)}** — {result.message(lang)}", icon=":material/block:")
            continue
        if key in done:
            outcome = done[key]
            shown = f"**{outcome.file_name}**: {upload.outcome_text(outcome, lang)}"
            if outcome.status == "stored":
                st.success(shown, icon=":material/task_alt:")
            elif outcome.status == "unchanged":
                st.info(shown, icon=":material/info:")
            else:
                st.error(shown, icon=":material/error:")
        elif result.status == "checked":
            st.success(
                t("ws.upload.ready", lang, file=frame.plain(result.file_name), rows=fmt_int(result.rows, lang)),
                icon=":material/check_circle:",
            )
        else:
            st.error(
                t(
                    "ws.upload.refused",
                    lang,
                    file=frame.plain(result.file_name),
                    count=fmt_int(result.error_total, lang),
                ),
                icon=":material/error:",
            )
        st.markdown(t("ws.upload.found", lang, **upload.found_text(result, lang)))
        if result.status == "checked" and key not in done:
            # Asked on every run, not kept with the check: another file stored meanwhile changes what this replaces.
            plan = upload.replace_plan(store, result)
            st.markdown(f"**{t('ws.upload.plan', lang)}**")
            st.caption(upload.plan_text(plan, lang))
            st.dataframe(upload.plan_rows(plan, names), hide_index=True, width="stretch")
            with st.expander(t("ws.upload.rows_preview", lang), expanded=len(files) == 1):
                preview_rows = upload.preview_rows(result, names)
                st.caption(
                    t(
                        "ws.upload.rows_preview_count",
                        lang,
                        shown=fmt_int(len(preview_rows), lang),
                        total=fmt_int(result.rows, lang),
                    )
                )
                st.dataframe(preview_rows, hide_index=True, width="stretch")
        with st.expander(t("ws.upload.understood", lang)):
            st.markdown(f"**{t('ws.upload.sheets', lang)}**")
            st.dataframe(upload.sheet_rows(result, lang), hide_index=True, width="stretch")
            st.markdown(f"**{t('ws.upload.mapping', lang)}**")
            st.dataframe(upload.mapping_rows(result, lang), hide_index=True, width="stretch")
        if result.warnings:
            st.warning(t("ws.upload.warnings", lang, count=len(result.warnings)), icon=":material/warning:")

problems = upload.problem_rows(checked, lang)
if problems:
    st.subheader(t("ws.upload.problems", lang))
    total = sum(r.error_total for r in checked)
    if total > len([p for p in problems if p["severity"] == t("ws.severity.error", lang)]):
        st.caption(t("ws.upload.problems_capped", lang, total=fmt_int(total, lang)))
    filters = st.columns([1, 1, 1, 2])
    placeholder = t("ws.upload.filter_all", lang)
    chosen_files = filters[0].multiselect(
        t("ws.col.file", lang),
        sorted({p["file"] for p in problems}, key=common.name_order),
        key="ws_problem_files",
        placeholder=placeholder,
    )
    chosen_sheets = filters[1].multiselect(
        t("ws.col.sheet", lang),
        sorted({p["sheet"] for p in problems}, key=common.name_order),
        key="ws_problem_sheets",
        placeholder=placeholder,
    )
    chosen_columns = filters[2].multiselect(
        t("ws.col.column", lang),
        sorted({p["column"] for p in problems}, key=common.name_order),
        key="ws_problem_columns",
        placeholder=placeholder,
    )
    search = filters[3].text_input(t("ws.upload.search", lang), key="ws_problem_search").strip().casefold()
    shown = [
        p
        for p in problems
        if (not chosen_files or p["file"] in chosen_files)
        and (not chosen_sheets or p["sheet"] in chosen_sheets)
        and (not chosen_columns or p["column"] in chosen_columns)
        and (not search or search in " ".join(str(v) for v in p.values()).casefold())
    ]
    st.caption(t("ws.upload.problems_shown", lang, shown=fmt_int(len(shown), lang), total=fmt_int(len(problems), lang)))
    st.dataframe(
        [dict(zip(upload.problem_headers(lang), p.values(), strict=True)) for p in shown],
        hide_index=True,
        width="stretch",
        key="ws_problem_table",
    )
    st.download_button(
        t("ws.upload.error_report", lang),
        data=upload.error_report_xlsx(checked, lang),
        file_name=t("ws.upload.error_report_file", lang),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="ws_error_report",
        on_click=audit.record,
        args=(store, actor, "export", {"what": "error_report", "files": [r.file_name for r in checked]}),
        icon=":material/download:",
    )

pending = [item for item in results if item[0] not in done and not isinstance(item[3], common.WorkspaceError)]
ready = [item for item in pending if item[3].status == "checked"]
st.divider()
if len(ready) < len(pending):
    st.caption(t("ws.upload.refused_recorded", lang))
label = t("ws.upload.record_refusals", lang) if pending and not ready else t("ws.upload.store", lang, count=len(ready))
if st.button(label, type="primary", key="ws_store", disabled=not pending, icon=":material/save:"):
    with st.status(t("ws.upload.storing", lang), expanded=True) as status:
        bar = st.progress(0.0)
        for index, (key, uploaded, data, _) in enumerate(pending):
            st.write(t("ws.upload.storing_file", lang, file=frame.plain(uploaded.name)))
            done[key] = upload.store_file(
                store, data, uploaded.name, year=year, quarter=quarter, agency=agency, actor=actor
            )
            bar.progress((index + 1) / len(pending))
        status.update(label=t("ws.upload.done", lang), state="complete")
    st.rerun()
