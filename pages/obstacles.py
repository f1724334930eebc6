"""Hambatan / Obstacles: the obstacle texts coded into themes by pillar, quarter and K/L, open or resolved, and
the texts themselves with the words that decided their themes."""

import streamlit as st

from ranpe.i18n import fmt_int, t
from ranpe.web import downloads, frame, page

THEME_KEY = "obstacles_theme"
STATE_KEY = "obstacles_state"
SEARCH_KEY = "obstacles_search"
STATES = (frame.ANY, "open", "resolved")
# Texts shown with their deciding words highlighted, and rows of the table under them (the downloads hold all).
CARDS_SHOWN = 20
TABLE_ROWS_SHOWN = 1000

filters, lang, filters_text, as_of, source = page.page_start("dash.page.obstacles")

totals = frame.data("obstacle_totals", filters)
if not totals["texts"]:
    st.info(t("obs.none", lang), icon=":material/filter_alt_off:")
    st.stop()
st.caption(t("obs.unit_note", lang))

texts, still_open = fmt_int(totals["texts"], lang), fmt_int(totals["open"], lang)
cards = st.columns(3)
cards[0].metric(t("obs.kpi.texts", lang), texts)
cards[0].caption(t("obs.kpi.texts_detail", lang, texts=texts))
cards[1].metric(t("obs.kpi.open", lang), still_open)
cards[1].caption(t("obs.kpi.open_detail", lang, open=still_open, texts=texts))
cards[2].metric(t("obs.kpi.other", lang), fmt_int(totals["other"], lang))
cards[2].caption(t("obs.kpi.other_detail", lang, other=fmt_int(totals["other"], lang), texts=texts))
st.caption(t("obs.drill_hint", lang))


def chart(builder: str, source_name: str, key: str, export_name: str, subtitle: str = filters_text) -> tuple:
    figure = frame.chart(builder, (source_name, filters, lang), lang, subtitle, as_of, source)
    return page.choosing_chart(figure, key, export_name, lang)


left, right = st.columns(2)
with left:
    event, chosen = chart("fig_obstacle_states", "obstacle_theme_counts", "obstacles_states", "obstacle_states")
    if chosen:
        st.session_state[THEME_KEY], st.session_state[STATE_KEY] = chosen[0]
with right:
    event, chosen = chart(
        "fig_obstacle_themes_by_pillar", "obstacle_themes_by_pillar", "obstacles_pillars", "obstacles_by_pillar"
    )
    if chosen:
        st.session_state[THEME_KEY] = chosen[0][0]
        frame.drill_down(event, "pillar", part=1)

left, right = st.columns(2)
with left:
    quarters_text = frame.data("describe_obstacle_quarters", filters, lang)
    event, chosen = chart(
        "fig_obstacle_themes_by_quarter",
        "obstacle_themes_by_quarter",
        "obstacles_quarters",
        "obstacles_by_quarter",
        quarters_text,
    )
    if chosen:
        st.session_state[THEME_KEY] = chosen[0][0]
        frame.drill_down(event, "quarter", part=1)
with right:
    st.markdown(f"**{t('obs.texts.themes_table', lang)}**")
    st.caption(filters_text)
    st.dataframe(frame.data("obstacle_theme_table", filters, lang), hide_index=True, key="obstacles_theme_table")
    downloads.table_downloads(None, "obstacle_themes", lang)

event, chosen = chart(
    "fig_obstacle_themes_by_agency", "obstacle_themes_by_agency", "obstacles_agencies", "obstacles_by_agency"
)
if chosen:
    st.session_state[THEME_KEY] = chosen[0][0]
    frame.drill_down(event, "agency", part=1)

counts = frame.data("obstacle_theme_counts", filters, lang)
names = dict(zip(counts["theme"], counts["name"], strict=True))
st.subheader(t("obs.texts.title", lang))
if st.session_state.get(THEME_KEY) not in (frame.ANY, *names):
    st.session_state[THEME_KEY] = frame.ANY
choices = st.columns([1, 1, 2])
theme = choices[0].selectbox(
    t("obs.texts.theme", lang),
    [frame.ANY, *names],
    key=THEME_KEY,
    format_func=lambda code: t("obs.texts.all_themes", lang) if code == frame.ANY else names[code],
)
state = choices[1].selectbox(
    t("obs.texts.state", lang),
    STATES,
    key=STATE_KEY,
    format_func=lambda code: t("obs.texts.all_states", lang) if code == frame.ANY else t(f"obs.{code}", lang),
)
search = choices[2].text_input(t("obs.texts.search", lang), key=SEARCH_KEY, help=t("obs.texts.search_help", lang))
chosen_view = (None if theme == frame.ANY else theme, None if state == frame.ANY else state, search.strip() or None)

table = frame.data("obstacle_texts", filters, lang, *chosen_view)
if table.empty:
    st.info(t("obs.texts.none", lang), icon=":material/search_off:")
    st.stop()
shown = frame.data("obstacle_cards", filters, lang, *chosen_view, CARDS_SHOWN)
st.caption(
    t(
        "obs.texts.showing",
        lang,
        shown=fmt_int(len(shown), lang),
        total=fmt_int(len(table), lang),
        rows=fmt_int(TABLE_ROWS_SHOWN, lang),
    )
)
for card in shown:
    with st.container(border=True):
        st.markdown(page.highlighted(card["text"], card["spans"]))
        state_text = t("obs.open" if card["open"] else "obs.resolved", lang)
        follow_up = card["follow_up"] or t("obs.texts.no_follow_up", lang)
        where = frame.plain(f"{card['where']} · {', '.join(card['themes'])} · {state_text}")
        st.caption(f"{where}  \n{t('obs.texts.follow_up', lang)}: {frame.plain(follow_up)}")
st.dataframe(table.head(TABLE_ROWS_SHOWN), hide_index=True, key="obstacles_texts_table", placeholder="–")
downloads.table_downloads(table, "obstacle_texts", lang, title=t("obs.table.texts", lang))
