"""AppTest of the Hambatan / Obstacles page and of the obstacle themes under Data rujukan."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ranpe.i18n import fmt_int
from ranpe.measures import obstacles
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store
from tests.fixtures_demo import copy_demo_store
from tests.test_pages import app_env, chart_specs, run_app  # noqa: F401 (app_env: a fixture, used by name)
from tests.test_pages_workspace import no_exception, page, table, texts

PAGE = "obstacles"


@pytest.fixture(scope="module")
def demo_db(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo_store(demo_store_path, tmp_path_factory.mktemp("obstacles_pages"))


def report(db_path: Path, filters: Filters, lang: str = "id") -> dict:
    with Store(db_path) as store:
        return obstacles.report(store, filters, lang)


def title_of(spec: dict) -> str:
    """A chart's title and filters as read (its lines, wrapped to fit a phone, joined; no markup)."""
    return re.sub(r"<[^>]*>", "", spec["layout"]["title"]["text"].replace("<br>", " "))


def chart_index(at: AppTest, title_part: str) -> int:
    """The position of the chart whose title holds title_part."""
    titles = [title_of(spec) for spec in chart_specs(at)]
    return next(index for index, title in enumerate(titles) if title_part in title)


def grid_cells(spec: dict) -> dict[tuple[str, str], str]:
    """A count grid's numbers by (row label, column label), as written in its cells."""
    cells = next(trace for trace in spec["data"] if trace["type"] == "scatter")
    return {(y, x.replace("<br>", " ")): text for x, y, text in zip(cells["x"], cells["y"], cells["text"], strict=True)}


def click(at: AppTest, title_part: str, *customdata: list) -> AppTest:
    """Rerun the app as the browser does after a click on chart points: the chart's selection (the points'
    customdata) in its widget state."""
    element = at.get("plotly_chart")[chart_index(at, title_part)]
    tree = at._tree
    sent = tree.get_widget_states

    def with_selection():
        states = sent()
        state = states.widgets.add()
        state.id = element.proto.id
        points = [{"customdata": list(data)} for data in customdata]
        state.string_value = json.dumps({"selection": {"points": points, "point_indices": [], "box": [], "lasso": []}})
        return states

    tree.get_widget_states = with_selection
    return no_exception(at.run())


def text_rows(at: AppTest):
    """The table of obstacle texts on the page."""
    frames = [frame.value for frame in at.dataframe if "Kata penentu" in frame.value.columns]
    frames += [frame.value for frame in at.dataframe if "Deciding words" in frame.value.columns]
    return frames[0]


@pytest.mark.usefixtures("app_env")
def test_on_an_empty_store_the_page_says_there_is_no_data(tmp_path: Path, monkeypatch) -> None:
    at = run_app(tmp_path / "empty.duckdb", monkeypatch, PAGE)
    assert "Belum ada data" in at.info[0].value
    assert at.get("plotly_chart") == []


@pytest.mark.usefixtures("app_env")
def test_charts_name_their_unit_and_filters_and_equal_the_report(demo_db: Path, monkeypatch) -> None:
    at = run_app(demo_db, monkeypatch, PAGE, year="2023")
    assert at.title[0].value == "Hambatan"
    expected = report(demo_db, Filters(2023))
    still_open = sum(row["open"] for row in expected["texts"])
    shown = {metric.label: metric.value for metric in at.metric}
    assert shown["Teks hambatan"] == fmt_int(len(expected["texts"]))
    assert shown["Hambatan terbuka"] == fmt_int(still_open)
    captions = " ".join(caption.value for caption in at.caption)
    assert f"{still_open} dari {len(expected['texts'])} teks hambatan tanpa tindak lanjut" in captions
    assert "Satu teks hambatan = hambatan yang dilaporkan untuk satu rencana aksi" in captions

    specs = chart_specs(at)
    assert len(specs) == 4
    for spec in specs:
        title = title_of(spec)
        assert "(teks hambatan)" in title and "Tahun 2023" in title, title
        footer = " ".join(a["text"] for a in spec["layout"]["annotations"]).replace("<br>", " ")
        assert "Data per" in footer and "Sumber" in footer
    quarters = title_of(specs[chart_index(at, "per triwulan")])
    assert "Tahun 2023 · TW I–TW IV" in quarters and "triwulan terakhir" not in quarters
    states = specs[chart_index(at, "ditindaklanjuti per tema")]
    assert states["layout"]["xaxis"]["title"]["text"] == "Teks hambatan (rencana aksi)"
    assert {trace["name"] for trace in states["data"]} == {"Terbuka", "Ditindaklanjuti"}

    # The grid's all-pillars column is each theme's texts; every cell says its unit when pointed at.
    pillars = specs[chart_index(at, "per pilar")]
    cells = grid_cells(pillars)
    for theme in expected["themes"]:
        assert cells[(theme["name"], "Semua pilar")] == (fmt_int(theme["texts"]) if theme["texts"] else "")
    hover = next(trace for trace in pillars["data"] if trace["type"] == "scatter")["hovertext"]
    assert all("teks hambatan" in text and "terbuka" in text for text in hover)


@pytest.mark.usefixtures("app_env")
def test_the_agency_grid_is_as_tall_as_its_rows(demo_db: Path, monkeypatch) -> None:
    every = run_app(demo_db, monkeypatch, PAGE, year="2023")
    one = run_app(demo_db, monkeypatch, PAGE, year="2023", agency="BNPT")
    agencies_every = chart_specs(every)[chart_index(every, "per K/L")]
    agencies_one = chart_specs(one)[chart_index(one, "per K/L")]
    rows_every = len(set(next(t for t in agencies_every["data"] if t["type"] == "scatter")["y"]))
    assert rows_every > 1
    assert set(next(t for t in agencies_one["data"] if t["type"] == "scatter")["y"]) == {"BNPT"}
    assert agencies_every["layout"]["height"] > agencies_one["layout"]["height"]


@pytest.mark.usefixtures("app_env")
def test_search_filters_the_texts_and_highlights_the_deciding_words(demo_db: Path, monkeypatch) -> None:
    at = run_app(demo_db, monkeypatch, PAGE, year="2023")
    everything = text_rows(at)
    at.text_input(key="obstacles_search").set_value("koordinasi")
    at = no_exception(at.run())
    rows = text_rows(at)
    assert 0 < len(rows) < len(everything)
    searched = (rows["Hambatan"] + " " + rows["Tindak Lanjut"].fillna("")).str.lower()
    assert searched.str.contains("koordinasi").all()
    with Store(demo_db) as store:
        found = obstacles.select_texts(obstacles.coded_rows(store, Filters(2023)), search="koordinasi")
    assert len(rows) == len(found)
    cards = [m.value for m in at.markdown if "orange-background" in m.value or m.value in set(rows["Hambatan"])]
    assert cards and any(":orange-background[**Koordinasi**]" in card for card in cards)
    assert f"dari {fmt_int(len(rows))} teks hambatan ditampilkan" in " ".join(c.value for c in at.caption)


@pytest.mark.usefixtures("app_env")
def test_theme_and_state_choose_the_texts(demo_db: Path, monkeypatch) -> None:
    at = run_app(demo_db, monkeypatch, PAGE, year="2023")
    at.selectbox(key="obstacles_theme").set_value("waktu")
    at.selectbox(key="obstacles_state").set_value("open")
    at = no_exception(at.run())
    rows = text_rows(at)
    assert len(rows) > 0
    assert rows["Tema"].str.contains("Waktu").all()
    assert set(rows["Status hambatan"]) == {"Terbuka"}
    assert rows["Tindak Lanjut"].isna().all()
    expected = next(row for row in report(demo_db, Filters(2023))["themes"] if row["theme"] == "waktu")
    assert len(rows) == expected["open"]


@pytest.mark.usefixtures("app_env")
def test_a_search_with_no_text_says_so(demo_db: Path, monkeypatch) -> None:
    at = run_app(demo_db, monkeypatch, PAGE, year="2023")
    at.text_input(key="obstacles_search").set_value("tidak ada teks seperti ini")
    at = no_exception(at.run())
    assert any("Tidak ada teks hambatan yang cocok" in info.value for info in at.info)


@pytest.mark.usefixtures("app_env")
def test_clicking_a_pillar_cell_filters_every_page_and_shows_that_themes_texts(demo_db: Path, monkeypatch) -> None:
    at = run_app(demo_db, monkeypatch, PAGE, year="2023")
    at = click(at, "per pilar", ["waktu", 1])
    assert at.query_params["pillar"] == "1"
    assert at.selectbox(key="filter_pillar").value == 1
    assert at.selectbox(key="obstacles_theme").value == "waktu"
    rows = text_rows(at)
    assert set(rows["Pilar"]) == {1} and rows["Tema"].str.contains("Waktu").all()
    assert all("Pilar 1" in title_of(spec) for spec in chart_specs(at))
    # The click acts once: a theme chosen afterwards is not undone on the next run.
    at.selectbox(key="obstacles_theme").set_value("anggaran")
    at = no_exception(at.run())
    assert at.selectbox(key="obstacles_theme").value == "anggaran"
    assert text_rows(at)["Tema"].str.contains("Anggaran").all()


@pytest.mark.usefixtures("app_env")
@pytest.mark.parametrize(
    ("title_part", "customdata", "param", "value"),
    [
        ("per triwulan", ["anggaran", 2], "quarter", "2"),
        ("per K/L", ["data_pelaporan", "BNPT"], "agency", "BNPT"),
    ],
)
def test_clicking_a_quarter_or_agency_cell_sets_that_filter(
    title_part: str, customdata: list, param: str, value: str, demo_db: Path, monkeypatch
) -> None:
    at = click(run_app(demo_db, monkeypatch, PAGE, year="2023"), title_part, customdata)
    assert at.query_params[param] == value
    assert at.selectbox(key="obstacles_theme").value == customdata[0]


@pytest.mark.usefixtures("app_env")
def test_clicking_an_open_bar_shows_the_open_texts_of_its_theme(demo_db: Path, monkeypatch) -> None:
    at = click(run_app(demo_db, monkeypatch, PAGE, year="2023"), "ditindaklanjuti per tema", ["regulasi", "open"])
    assert "pillar" not in at.query_params and "quarter" not in at.query_params
    rows = text_rows(at)
    assert rows["Tema"].str.contains("Regulasi").all() and set(rows["Status hambatan"]) == {"Terbuka"}
    # The bar stays selected in the browser; a state chosen afterwards is not undone by it.
    at.selectbox(key="obstacles_state").set_value("resolved")
    at = no_exception(at.run())
    assert at.selectbox(key="obstacles_state").value == "resolved"
    assert set(text_rows(at)["Status hambatan"]) == {"Ditindaklanjuti"}


@pytest.mark.usefixtures("app_env")
def test_a_view_with_no_obstacle_says_so(demo_db: Path, monkeypatch) -> None:
    # The demo's K/L report obstacles from TW II on.
    at = run_app(demo_db, monkeypatch, PAGE, year="2023", quarter="1")
    assert any("Tidak ada hambatan yang dilaporkan" in info.value for info in at.info)
    assert at.get("plotly_chart") == []


@pytest.mark.usefixtures("app_env")
def test_the_page_in_english(demo_db: Path, monkeypatch) -> None:
    at = run_app(demo_db, monkeypatch, PAGE, year="2023", lang="en")
    assert at.title[0].value == "Obstacles"
    titles = [title_of(spec) for spec in chart_specs(at)]
    assert any("Obstacle themes by pillar/theme (obstacle texts)" in title for title in titles)
    assert all("Year 2023" in title for title in titles)
    rows = text_rows(at)
    assert {"Obstacles", "Themes", "Deciding words", "Follow-up", "Obstacle status"} <= set(rows.columns)
    assert set(rows["Obstacle status"]) == {"Open", "Resolved"}
    assert any("Other" in theme for theme in rows["Themes"])
    assert at.selectbox(key="obstacles_theme").format_func("all") == "All themes"


# -- Data rujukan: the obstacle themes -------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store path for the Data rujukan page, with sign-in off (no users file: one local admin)."""
    path = tmp_path / "ranpe.duckdb"
    monkeypatch.setenv("RANPE_DB", str(path))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    Store(path).close()
    return path


STORED = [
    ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Komitmen", "Hambatan", "Tindak Lanjut"],
    [2024, 1, "BNPT", 1, "1.1.1", "Ya", "Penolakan sebagian masyarakat", ""],
    [2024, 1, "BNPT", 1, "1.1.2", "Ya", "Dana belum cair", "Diajukan ulang"],
]


def test_an_admin_previews_then_saves_a_new_theme(db: Path) -> None:
    from ranpe.access.roles import SYSTEM
    from ranpe.ingest.pipeline import ingest_bytes
    from tests.conftest import csv_bytes

    with Store(db) as store:
        assert ingest_bytes(store, csv_bytes(STORED), "bnpt.csv", actor=SYSTEM).status == "stored"
    at = no_exception(page("reference", lang="id"))
    assert "Anggaran" in set(table(at, "Kata Indonesia (dipisah ;)")["Nama"])
    at.selectbox(key="ws_obs_theme").set_value("+")
    at = no_exception(at.run())
    at.text_input(key="ws_obs_new_code").set_value("sosial")
    at.text_input(key="ws_obs_name_+").set_value("Sosial")
    at.text_input(key="ws_obs_name_en_+").set_value("Social")
    at.text_area(key="ws_obs_words_+").set_value("penolakan\nmasyarakat")
    at = no_exception(at.run())
    assert at.button(key="ws_obs_save").disabled
    at = no_exception(at.button(key="ws_obs_preview").click().run())
    counts = table(at, "Sesudah").set_index("Tema")
    assert (counts.loc["Sosial", "Sebelum"], counts.loc["Sosial", "Sesudah"]) == (0, 1)
    assert (counts.loc["Lainnya", "Sebelum"], counts.loc["Lainnya", "Sesudah"]) == (1, 0)
    sample = table(at, "Kata penentu")
    assert list(sample["Teks hambatan"]) == ["Penolakan sebagian masyarakat"]
    assert "1 dari 2 teks hambatan berganti tema" in texts(at)
    with Store(db) as store:
        assert "sosial" not in [theme.code for theme in obstacles.load_themes(store)]
    assert not at.button(key="ws_obs_save").disabled
    at = no_exception(at.button(key="ws_obs_save").click().run())
    with Store(db) as store:
        assert obstacles.load_themes(store)[-1].code == "sosial"
        changes = [c for c in store.query_rows("workspace/reference_changes") if c["code"] == "sosial"]
    assert {c["field"] for c in changes} == {"name", "name_en", "words", "words_en"}
    assert "Sosial" in set(table(at, "Kata Indonesia (dipisah ;)")["Nama"])


def test_an_edit_after_its_preview_must_be_previewed_again(db: Path) -> None:
    at = no_exception(page("reference", lang="en"))
    at.selectbox(key="ws_obs_theme").set_value("waktu")
    at = no_exception(at.run())
    at.text_area(key="ws_obs_words_waktu").set_value("waktu\njadwal")
    at = no_exception(at.button(key="ws_obs_preview").click().run())
    assert not at.button(key="ws_obs_save").disabled
    at.text_area(key="ws_obs_words_waktu").set_value("waktu")
    at = no_exception(at.run())
    assert at.button(key="ws_obs_save").disabled
    assert "Preview this change before saving it." in texts(at)


def test_a_bad_theme_is_refused_with_its_reason(db: Path) -> None:
    at = no_exception(page("reference", lang="en"))
    at.selectbox(key="ws_obs_theme").set_value("+")
    at = no_exception(at.run())
    at.text_input(key="ws_obs_new_code").set_value("lainnya")
    at.text_input(key="ws_obs_name_+").set_value("Lainnya")
    at.text_area(key="ws_obs_words_+").set_value("lain")
    at = no_exception(at.button(key="ws_obs_preview").click().run())
    assert "The code “lainnya” is kept for texts with no theme" in texts(at)
    assert at.button(key="ws_obs_save").disabled
    assert not re.search(r"Traceback|Error:", texts(at))
