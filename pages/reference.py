"""Data rujukan / Reference data (admins): K/L and province aliases, obstacle themes, their edit history, users,
the audit log and the plan periods with their groups."""

import streamlit as st

from ranpe.access import audit, users
from ranpe.i18n import fmt_int, t
from ranpe.measures import obstacles
from ranpe.plan import periods
from ranpe.web import frame
from ranpe.web.auth import auth_mode, ensure_signed_in, require_role, users_store
from ranpe.workspace import common, obstacle_themes, reference_admin

lang = frame.current_lang()
store = frame.store()
actor = ensure_signed_in(lang)

st.title(t("ws.reference.title", lang))
st.caption(t("ws.reference.intro", lang))
require_role(actor, "admin", lang)

agency_tab, province_tab, theme_tab, changes_tab, audit_tab, users_tab, period_tab = st.tabs(
    [
        t("ws.reference.agencies", lang),
        t("ws.reference.provinces", lang),
        t("obs.ref.tab", lang),
        t("ws.reference.changes", lang),
        t("ws.reference.audit", lang),
        t("ws.reference.users", lang),
        t("period.tab", lang),
    ]
)


def show_error(error: common.WorkspaceError) -> None:
    st.error(error.message(lang), icon=":material/error:")


with agency_tab:
    agencies = store.query_rows("reference/agencies")
    st.dataframe(reference_admin.agency_rows(agencies, lang), hide_index=True, width="stretch", key="ws_ref_agencies")
    by_code = {a["code"]: a for a in agencies}
    st.markdown(f"**{t('ws.reference.edit_agency', lang)}**")
    st.caption(t("ws.reference.rename_help", lang))
    code = st.selectbox(
        t("ws.col.code", lang),
        list(by_code),
        key="ws_ref_edit_code",
        format_func=lambda c: f"{by_code[c]['short_name']} ({c})",
    )
    current = by_code[code]
    with st.form("ws_ref_edit_form"):
        name = st.text_input(t("ws.reference.name", lang), value=current["name"], key=f"ws_ref_name_{code}")
        columns = st.columns(2)
        short_name = columns[0].text_input(
            t("ws.reference.short_name", lang), value=current["short_name"], key=f"ws_ref_short_{code}"
        )
        name_en = columns[1].text_input(
            t("ws.reference.name_en", lang), value=current["name_en"], key=f"ws_ref_en_{code}"
        )
        aliases = st.text_area(
            t("ws.reference.aliases", lang),
            value=current["aliases"].replace(";", "\n"),
            key=f"ws_ref_aliases_{code}",
            help=t("ws.reference.aliases_help", lang),
        )
        years = st.columns(2)
        active_from = years[0].text_input(
            t("ws.reference.active_from", lang), value=str(current["active_from"] or ""), key=f"ws_ref_from_{code}"
        )
        active_to = years[1].text_input(
            t("ws.reference.active_to", lang), value=str(current["active_to"] or ""), key=f"ws_ref_to_{code}"
        )
        if st.form_submit_button(t("ws.save", lang)):
            try:
                changes = reference_admin.update_agency(
                    store,
                    code,
                    name=name,
                    short_name=short_name,
                    name_en=name_en,
                    aliases=aliases.split("\n"),
                    active_from=active_from,
                    active_to=active_to,
                    actor=actor,
                )
            except common.WorkspaceError as error:
                show_error(error)
            else:
                st.session_state["ws_ref_saved"] = t("ws.reference.saved", lang, code=code, count=len(changes))
                st.rerun()

    st.markdown(f"**{t('ws.reference.add_agency', lang)}**")
    with st.form("ws_ref_add_form", clear_on_submit=False):
        columns = st.columns([1, 3])
        new_code = columns[0].text_input(t("ws.col.code", lang), key="ws_ref_new_code")
        new_name = columns[1].text_input(t("ws.reference.name", lang), key="ws_ref_new_name")
        columns = st.columns(2)
        new_short = columns[0].text_input(t("ws.reference.short_name", lang), key="ws_ref_new_short")
        new_en = columns[1].text_input(t("ws.reference.name_en", lang), key="ws_ref_new_en")
        new_aliases = st.text_input(t("ws.reference.aliases_inline", lang), key="ws_ref_new_aliases")
        new_from = st.text_input(t("ws.reference.active_from", lang), key="ws_ref_new_from")
        if st.form_submit_button(t("ws.reference.add", lang)):
            try:
                reference_admin.add_agency(
                    store,
                    code=new_code,
                    name=new_name,
                    short_name=new_short,
                    name_en=new_en,
                    aliases=new_aliases,
                    active_from=new_from,
                    actor=actor,
                )
            except common.WorkspaceError as error:
                show_error(error)
            else:
                st.session_state["ws_ref_saved"] = t("ws.reference.added", lang, code=new_code.strip().upper())
                st.rerun()

with province_tab:
    provinces = store.query_rows("reference/provinces")
    by_province = {p["code"]: p for p in provinces}
    province = st.selectbox(
        t("field.province", lang),
        list(by_province),
        key="ws_ref_province",
        format_func=lambda c: f"{by_province[c]['name']} ({c})",
    )
    with st.form("ws_ref_province_form"):
        province_aliases = st.text_area(
            t("ws.reference.aliases", lang),
            value=by_province[province]["aliases"].replace(";", "\n"),
            key=f"ws_ref_province_aliases_{province}",
            help=t("ws.reference.aliases_help", lang),
        )
        if st.form_submit_button(t("ws.save", lang)):
            try:
                changes = reference_admin.set_province_aliases(
                    store, province, province_aliases.split("\n"), actor=actor
                )
            except common.WorkspaceError as error:
                show_error(error)
            else:
                st.session_state["ws_ref_saved"] = t("ws.reference.saved", lang, code=province, count=len(changes))
                st.rerun()

with theme_tab:
    st.caption(t("obs.ref.help", lang))
    themes = obstacles.load_themes(store)
    by_theme = {theme.code: theme for theme in themes}
    st.dataframe(
        [
            {
                t("obs.ref.code", lang): row["code"],
                t("obs.ref.name", lang): row["name"],
                t("obs.ref.name_en", lang): row["name_en"],
                t("obs.ref.words", lang): row["words"],
                t("obs.ref.words_en", lang): row["words_en"],
            }
            for row in obstacle_themes.entries(themes)
        ],
        hide_index=True,
        width="stretch",
        key="ws_obs_themes",
    )
    NEW_THEME = "+"
    theme_code = st.selectbox(
        t("obs.ref.theme", lang),
        [*by_theme, NEW_THEME],
        key="ws_obs_theme",
        format_func=lambda c: t("obs.ref.new", lang) if c == NEW_THEME else f"{by_theme[c].label(lang)} ({c})",
    )
    theme = by_theme.get(theme_code)
    new_code = theme_code if theme else st.text_input(t("obs.ref.new_code", lang), key="ws_obs_new_code")
    columns = st.columns(2)
    theme_name = columns[0].text_input(
        t("obs.ref.name", lang), value=theme.name if theme else "", key=f"ws_obs_name_{theme_code}"
    )
    theme_name_en = columns[1].text_input(
        t("obs.ref.name_en", lang), value=theme.name_en if theme else "", key=f"ws_obs_name_en_{theme_code}"
    )
    columns = st.columns(2)
    theme_words = columns[0].text_area(
        t("obs.ref.words_one", lang), value="\n".join(theme.words) if theme else "", key=f"ws_obs_words_{theme_code}"
    )
    theme_words_en = columns[1].text_area(
        t("obs.ref.words_en_one", lang),
        value="\n".join(theme.words_en) if theme else "",
        key=f"ws_obs_words_en_{theme_code}",
    )
    remove = bool(theme) and st.checkbox(t("obs.ref.remove", lang), key=f"ws_obs_remove_{theme_code}")
    edit = (new_code, theme_name, theme_name_en, theme_words, theme_words_en, remove, store.data_version())
    if st.button(t("obs.ref.preview", lang), key="ws_obs_preview", icon=":material/preview:"):
        try:
            after = obstacle_themes.edited(
                themes,
                new_code,
                name=theme_name,
                name_en=theme_name_en,
                words=theme_words,
                words_en=theme_words_en,
                remove=remove,
            )
        except common.WorkspaceError as error:
            st.session_state.pop("ws_obs_previewed", None)
            show_error(error)
        else:
            st.session_state["ws_obs_previewed"] = {
                "edit": edit,
                "after": after,
                "result": None if after == themes else obstacle_themes.preview(store, after, lang),
            }
    previewed = st.session_state.get("ws_obs_previewed")
    previewed = previewed if previewed and previewed["edit"] == edit else None
    if previewed and previewed["result"] is None:
        st.info(t("obs.ref.no_edit", lang), icon=":material/info:")
    elif previewed:
        result = previewed["result"]
        st.markdown(f"**{t('obs.ref.preview_title', lang, texts=fmt_int(result['texts'], lang))}**")
        st.dataframe(result["counts"], hide_index=True, key="ws_obs_preview_counts")
        if result["changed"]:
            changed = fmt_int(result["changed"], lang)
            st.caption(t("obs.ref.changed", lang, changed=changed, texts=fmt_int(result["texts"], lang)))
            st.dataframe(result["sample"], hide_index=True, width="stretch", key="ws_obs_preview_sample")
        else:
            st.caption(t("obs.ref.unchanged", lang))
    else:
        st.caption(t("obs.ref.preview_first", lang))
    ready = bool(previewed and previewed["result"] is not None)
    if st.button(t("obs.ref.save", lang), key="ws_obs_save", disabled=not ready, type="primary"):
        count = obstacle_themes.save(store, previewed["after"], actor=actor)
        st.session_state.pop("ws_obs_previewed", None)
        st.session_state["ws_ref_saved"] = t("obs.ref.saved", lang, count=count)
        st.rerun()

with changes_tab:
    st.caption(t("ws.reference.changes_help", lang))
    st.dataframe(
        reference_admin.reference_change_rows(store, lang, actor=actor),
        hide_index=True,
        width="stretch",
        key="ws_ref_changes",
    )

with audit_tab:
    action = st.selectbox(
        t("ws.col.action", lang),
        [None, *audit.ACTIONS],
        key="ws_audit_action",
        format_func=lambda a: t("ws.all", lang) if a is None else t(f"ws.audit.{a}", lang),
    )
    st.dataframe(
        reference_admin.audit_rows(store, lang, actor=actor, action=action),
        hide_index=True,
        width="stretch",
        key="ws_audit_table",
    )

with users_tab:
    mode = t(f"ws.auth.mode.{auth_mode()}", lang)
    kept_in = users_store()
    if kept_in is not None:
        st.caption(t("users.in_store", lang, mode=mode))
    else:
        st.caption(t("ws.reference.users_help", lang, mode=mode, path=str(users.users_file())))
    st.dataframe(reference_admin.user_rows(lang, kept_in), hide_index=True, width="stretch", key="ws_users_table")

with period_tab:
    st.caption(t("period.tab_help", lang))
    st.dataframe(reference_admin.period_rows(store, lang), hide_index=True, width="stretch", key="ws_periods")
    codes = [reference_admin.NEW_PERIOD, *(p.code for p in periods.list_periods(store))]
    chosen = st.selectbox(
        t("period.choose", lang),
        codes,
        key="ws_period_code",
        format_func=lambda c: t("period.new", lang) if c == reference_admin.NEW_PERIOD else c,
    )
    start = reference_admin.period_form(store, chosen)
    with st.form(f"ws_period_form_{chosen}"):
        columns = st.columns([1, 2, 2])
        code = columns[0].text_input(t("period.col.code", lang), value=start["code"], disabled=bool(chosen))
        name = columns[1].text_input(t("period.col.name", lang), value=start["name"])
        name_en = columns[2].text_input(t("period.col.name_en", lang), value=start["name_en"])
        columns = st.columns([2, 1, 1, 1])
        legal_basis = columns[0].text_input(t("period.col.legal_basis", lang), value=start["legal_basis"])
        years = columns[1].text_input(t("period.col.years", lang), value=start["years"], placeholder="2026-2029")
        group_word = columns[2].text_input(t("period.col.group_word", lang), value=start["group_word"])
        group_word_en = columns[3].text_input(t("period.col.group_word_en", lang), value=start["group_word_en"])
        illustrative = st.checkbox(t("period.col.illustrative", lang), value=start["illustrative"])
        st.caption(t("period.groups_help", lang))
        group_rows = st.data_editor(
            start["groups"],
            num_rows="dynamic",
            key=f"ws_period_groups_{chosen}",
            column_config={
                "number": st.column_config.NumberColumn(t("period.col.number", lang), min_value=1, max_value=12),
                "name": st.column_config.TextColumn(t("period.col.name", lang)),
                "name_en": st.column_config.TextColumn(t("period.col.name_en", lang)),
                "aliases": st.column_config.TextColumn(t("period.col.aliases", lang)),
            },
        )
        if st.form_submit_button(t("ws.save", lang)):
            values = {
                "code": code or chosen,
                "name": name,
                "name_en": name_en,
                "legal_basis": legal_basis,
                "years": years,
                "group_word": group_word,
                "group_word_en": group_word_en,
                "illustrative": illustrative,
            }
            try:
                saved = reference_admin.save_period(
                    store, values, list(group_rows), edit=bool(chosen), actor=actor, lang=lang
                )
            except periods.PeriodError as error:
                st.error("\n".join(f"- {m}" for m in error.messages(lang)), icon=":material/error:")
            else:
                st.session_state["ws_ref_saved"] = t(
                    "period.added", lang, code=saved.code, groups=len(periods.groups(store, saved.code))
                )
                st.rerun()

if st.session_state.get("ws_ref_saved"):
    st.toast(st.session_state.pop("ws_ref_saved"), icon=":material/check:")
