"""Pantau RAN PE: the frame — page config, navigation, language and the filters shared by every page."""

from pathlib import Path

import streamlit as st

from ranpe.i18n import t
from ranpe.web import auth, frame

HERE = Path(__file__).parent
# (page name, icon): each is pages/<name>.py at /<name>, titled by the translation "dash.page.<name>".
DASHBOARD_PAGES = (
    ("overview", ":material/dashboard:"),
    ("pillars", ":material/view_column:"),
    ("agencies", ":material/account_balance:"),
    ("regions", ":material/map:"),
    ("trends", ":material/trending_up:"),
    ("obstacles", ":material/report_problem:"),
)
WORKSPACE_PAGES = (
    ("upload", ":material/upload_file:"),
    ("history", ":material/history:"),
    ("completeness", ":material/fact_check:"),
    ("reference", ":material/menu_book:"),
)

st.set_page_config(page_title="Pantau RAN PE", page_icon=str(HERE / "assets" / "icon.png"), layout="wide")

lang = frame.chosen_language()
frame.ensure_healthy(lang)
frame.ensure_demo(lang)


def _page(name: str, icon: str) -> st.Page:
    return st.Page(
        HERE / "pages" / f"{name}.py",
        title=t(f"dash.page.{name}", lang),
        icon=icon,
        url_path=name,
        default=name == "overview",
    )


page = st.navigation(
    {
        t("dash.section", lang): [_page(name, icon) for name, icon in DASHBOARD_PAGES],
        t("dash.section_workspace", lang): [_page(name, icon) for name, icon in WORKSPACE_PAGES],
    }
)
lang = frame.language_switch(lang)
auth.current_actor()
auth.render_account(lang)
frame.filters_sidebar(lang)
frame.demo_banner(lang)
page.run()
