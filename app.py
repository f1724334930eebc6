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
    ("about", ":material/info:"),
    ("obstacles", ":material/report_problem:"),
)
WORKSPACE_PAGES = (
    ("upload", ":material/upload_file:"),
    ("history", ":material/history:"),
    ("completeness", ":material/fact_check:"),
    ("checks", ":material/rule:"),
    ("reference", ":material/menu_book:"),
)
# The navigation's sections (title key, pages); the shared filters show on these pages only, and are kept
# (not shown, not in the URL) while another page is open.
SECTIONS = (("dash.section", DASHBOARD_PAGES), ("dash.section_workspace", WORKSPACE_PAGES))
FILTERED_PAGES = {name for name, _ in DASHBOARD_PAGES}

st.set_page_config(page_title="Pantau RAN PE", page_icon=str(HERE / "assets" / "icon.png"), layout="wide")

lang = frame.chosen_language()
frame.ensure_healthy(lang)
frame.ensure_demo(lang)


def _page(name: str, icon: str) -> st.Page:
    # The pillars page is named by every period's word for its groups ("Pilar & Tema"): the year is chosen later.
    title = frame.data("groups_nav_title", lang) if name == "pillars" else t(f"dash.page.{name}", lang)
    return st.Page(
        HERE / "pages" / f"{name}.py",
        title=title,
        icon=icon,
        url_path=name,
        default=name == "overview",
    )


pages = {name: _page(name, icon) for _, listed in SECTIONS for name, icon in listed}
page = st.navigation({t(title, lang): [pages[name] for name, _ in listed] for title, listed in SECTIONS})
lang = frame.language_switch(lang)
auth.ensure_signed_in(lang)
if any(page is pages[name] for name in FILTERED_PAGES):
    frame.filters_sidebar(lang)
else:
    frame.filters_kept_aside()
auth.render_account(lang)
frame.demo_banner(lang)
# PostgreSQL lost while the page runs (the shared store): said in the user's language, no traceback.
with frame.store_guard():
    page.run()
