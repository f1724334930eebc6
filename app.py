"""Pantau RAN PE: the frame — page config, navigation, language and the filters shared by every page."""

import importlib.util
from pathlib import Path

import streamlit as st

from ranpe import web
from ranpe.i18n import t

HERE = Path(__file__).parent
DASHBOARD_PAGES = ("overview", "pillars", "agencies", "regions", "trends")
WORKSPACE_PAGES = ("upload", "history", "completeness", "reference")
PAGE_ICONS = {
    "overview": ":material/dashboard:",
    "pillars": ":material/view_column:",
    "agencies": ":material/account_balance:",
    "regions": ":material/map:",
    "trends": ":material/trending_up:",
    "upload": ":material/upload_file:",
    "history": ":material/history:",
    "completeness": ":material/fact_check:",
    "reference": ":material/menu_book:",
}

st.set_page_config(page_title="Pantau RAN PE", page_icon=str(HERE / "assets" / "icon.png"), layout="wide")

lang = web.chosen_language()
web.ensure_healthy(lang)
web.ensure_demo(lang)


def _page(name: str, default: bool = False) -> st.Page:
    return st.Page(
        HERE / "pages" / f"{name}.py",
        title=t(f"dash.page.{name}", lang),
        icon=PAGE_ICONS[name],
        url_path=name,
        default=default,
    )


sections = {t("dash.section", lang): [_page(name, default=name == "overview") for name in DASHBOARD_PAGES]}
workspace = [_page(name) for name in WORKSPACE_PAGES if (HERE / "pages" / f"{name}.py").exists()]
if workspace:
    sections[t("dash.section_workspace", lang)] = workspace
page = st.navigation(sections)
lang = web.language_switch(lang)

if importlib.util.find_spec("ranpe.web_auth") is not None:
    from ranpe import web_auth

    web_auth.current_actor()
    web_auth.render_account(lang)

web.filters_sidebar(lang)
web.demo_banner(lang)
page.run()
