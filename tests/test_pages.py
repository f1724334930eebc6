"""AppTest for every dashboard page: empty and populated stores, KPIs equal summary(), filters, URL, language."""

from __future__ import annotations

import json
import random
import re
import runpy
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from benchmarks import QUERIES as BENCHMARK_QUERIES
from benchmarks.pages import build_store
from ranpe.access.roles import SYSTEM
from ranpe.i18n import fmt_int, fmt_num, fmt_pct
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store
from tests.conftest import csv_bytes

REPO = Path(__file__).resolve().parent.parent
PAGES = ("overview", "pillars", "agencies", "regions", "trends")
HEADER = [
    "Tahun",
    "Triwulan",
    "Kementerian/Lembaga",
    "Pilar",
    "Kode Aksi",
    "Aksi",
    "Provinsi",
    "Komitmen",
    "Status",
    "Target",
    "Realisasi",
    "Hambatan",
    "Tindak Lanjut",
]
AGENCIES = ["BNPT", "KEMENAG", "KEMENSOS", "POLRI", "KEMENDAGRI", "KEMENLU", "KOMINFO", "LPSK"]
PROVINCES = ["72", "52", "35", "32", "33", "11", "31", "94", "95", "96", "Nasional"]
STATUSES = ["Belum dimulai", "Dalam proses", "Selesai", "Tidak terlaksana"]
PERIODS = [(2023, 1), (2023, 2), (2023, 3), (2024, 1), (2024, 2)]


def populate(path: Path, seed: int = 7) -> None:
    """A store of real CSV uploads: 8 K/L, 3 pillars, 5 quarters over 2023–2024, located and national rows."""
    chance = random.Random(seed)
    store = Store(path)
    try:
        for year, quarter in PERIODS:
            for agency in AGENCIES:
                rows = [HEADER]
                for pillar in (1, 2, 3):
                    for area in (1, 2):
                        for number in range(1, 7):
                            if chance.random() < 0.6:
                                continue
                            target = chance.choice([None, 10, 100, 4])
                            realization = None if target is None else round(target * chance.uniform(0.2, 1.3))
                            rows.append(
                                [
                                    year,
                                    quarter,
                                    agency,
                                    pillar,
                                    f"{pillar}.{area}.{number}",
                                    f"Aksi {pillar}.{area}.{number}",
                                    chance.choice(PROVINCES),
                                    "Ya" if chance.random() < 0.15 + 0.1 * quarter else "Tidak",
                                    chance.choice(STATUSES),
                                    target,
                                    realization,
                                    chance.choice(["", "", "Anggaran terbatas", "Koordinasi antar-K/L"]),
                                    "",
                                ]
                            )
                data = csv_bytes(rows)
                result = ingest_bytes(
                    store,
                    data,
                    f"{agency}_{year}_{quarter}.csv",
                    actor=SYSTEM,
                    uploaded_at=datetime(year, quarter * 3, 20, 9, 30),
                )
                assert result.status == "stored", result.message("en")
    finally:
        store.close()


@pytest.fixture(scope="module")
def populated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("populated") / "ranpe.duckdb"
    populate(path)
    return path


def run_entry_script(main_script_path: str) -> None:
    """Run app.py itself, as `streamlit run` does once st.navigation has been called."""
    runpy.run_path(main_script_path, run_name="__main__")


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No demo auto-load; and app.py run on every AppTest run.

    AppTest (streamlit 1.67) resets PagesManager.uses_pages_directory before each run, so with a pages/
    folder beside app.py every rerun goes through the pages-folder (v1) runner, which runs the page's file
    without the frame. The real server clears that flag for good at the first st.navigation call.
    """
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(script_runner, "_mpa_v1", run_entry_script)
    yield


def run_app(db: Path, monkeypatch: pytest.MonkeyPatch, page: str | None = None, **params: str) -> AppTest:
    """The app (frame + page) on the given store, with the given URL query parameters."""
    monkeypatch.setenv("RANPE_DB", str(db))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(str(REPO / "pages" / f"{page}.py")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_specs(at: AppTest) -> list[dict]:
    """Every Plotly figure on the page, as its JSON spec."""
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


def chart_titles(at: AppTest) -> list[str]:
    """Every chart's title as a reader reads it: its lines (wrapped to fit a phone) joined, without markup."""
    return [re.sub(r"<[^>]*>", "", spec["layout"]["title"]["text"].replace("<br>", " ")) for spec in chart_specs(at)]


def figures_of(db: Path, filters: Filters) -> dict:
    """summary() for the filters, read from the same store file the app uses."""
    store = Store(db)
    try:
        return summary(store, filters)
    finally:
        store.close()


def metric_values(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_an_empty_store_says_there_is_no_data(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(tmp_path / "empty.duckdb", monkeypatch, page)
    assert "Belum ada data" in at.info[0].value
    assert at.get("plotly_chart") == []


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_a_populated_store_draws_titled_charts(
    page: str, populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, page)
    titles = chart_titles(at)
    assert titles, f"{page} shows no chart"
    for title in titles:
        assert "Tahun 2024" in title or "Semua tahun" in title, title
    for spec in chart_specs(at):
        footer = " ".join(a["text"] for a in spec["layout"].get("annotations", []))
        assert "Data per 20 Juni 2024" in footer.replace("<br>", " ")
        assert "Sumber" in footer


def test_the_map_carries_the_odbl_attribution_and_grey_old_papua(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, "regions")
    (spec,) = chart_specs(at)
    footer = " ".join(a["text"] for a in spec["layout"]["annotations"]).replace("<br>", " ")
    assert "OpenStreetMap" in footer and "ODbL 1.0" in footer
    traces = spec["data"]
    assert {trace["type"] for trace in traces} <= {"choroplethmap", "scattermap"}
    assert spec["layout"]["map"]["style"] == "white-bg"
    # The polygons travel in the figure: plotly.js fails on a map left while it still fetches them from a URL.
    assert len(traces[0]["geojson"]["features"]) == 34
    polygons = dict(zip(traces[0]["locations"], traces[0]["z"], strict=True))
    assert len(polygons) == 34
    # Polygons 94 (old Papua) and 91 (old Papua Barat) hold several of today's provinces: drawn grey (below 0 on
    # the colour axis), never painted with one province's value; their provinces are dots.
    assert polygons["94"] < 0 and polygons["91"] < 0
    assert 0 <= polygons["32"] <= 1
    hover = dict(zip(traces[0]["locations"], traces[0]["hovertext"], strict=True))
    assert "Papua Tengah" in hover["94"] and "4 provinsi" in hover["94"]
    dots = next(trace for trace in traces if trace["type"] == "scattermap")
    assert {"94", "95", "96", "97", "91", "92"} == set(dots["customdata"])


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"quarter": "2"},
        {"year": "2023", "pillar": "1"},
        {"year": "2023", "quarter": "3", "province": "32"},
        {"agency": "BNPT"},
    ],
)
def test_overview_kpis_equal_summary(
    params: dict[str, str], populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, "overview", **params)
    filters = Filters(
        year=int(params.get("year", 2024)),
        quarter=int(params["quarter"]) if "quarter" in params else None,
        pillar=int(params["pillar"]) if "pillar" in params else None,
        agency=params.get("agency"),
        province=params.get("province"),
    )
    expected = figures_of(populated_db, filters)
    shown = metric_values(at)
    assert shown["Tingkat komitmen"] == fmt_pct(expected["commitment_rate"])
    assert shown["Keterlibatan K/L"] == fmt_pct(expected["involvement_rate"])
    assert shown["Capaian target"] == fmt_pct(expected["target_achievement"])
    assert shown["Kelengkapan laporan"] == fmt_pct(expected["reporting_completeness"]["rate"])
    captions = " ".join(caption.value for caption in at.caption)
    assert f"{fmt_int(expected['actions_committed'])} dari {fmt_int(expected['actions_planned'])} aksi" in captions
    assert f"{expected['agencies_involved']} dari {expected['agencies_total']} K/L" in captions


def test_changing_a_filter_changes_the_page_and_the_url(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch)
    before = metric_values(at)
    at.selectbox(key="filter_pillar").set_value(2).run()
    assert not at.exception
    after = metric_values(at)
    expected = figures_of(populated_db, Filters(year=2024, pillar=2))
    assert after["Tingkat komitmen"] == fmt_pct(expected["commitment_rate"])
    assert after != before
    assert all("Pilar 2" in title for title in chart_titles(at)[:2])
    assert at.query_params["pillar"] == "2"

    reset = next(button for button in at.sidebar.button if "Atur ulang" in button.label)
    reset.click().run()
    assert at.selectbox(key="filter_pillar").value == "all"
    assert "pillar" not in at.query_params
    assert metric_values(at) == before


def test_the_filters_follow_to_the_other_pages(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch)
    at.selectbox(key="filter_pillar").set_value(2).run()
    at.selectbox(key="filter_quarter").set_value(1).run()
    for page in PAGES[1:]:
        at.switch_page(str(REPO / "pages" / f"{page}.py")).run()
        assert not at.exception
        titles = chart_titles(at)
        assert titles and all("Pilar 2" in title for title in titles if "Kelengkapan" not in title), (page, titles)
        assert at.query_params["pillar"] == "2" and at.query_params["quarter"] == "1"
        assert at.selectbox(key="filter_pillar").value == 2


def test_query_parameters_round_trip(populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None) -> None:
    params = {"year": "2023", "quarter": "2", "pillar": "3", "agency": "BNPT", "province": "32", "lang": "en"}
    at = run_app(populated_db, monkeypatch, None, **params)
    assert at.title[0].value == "Overview"
    assert at.selectbox(key="filter_year").value == 2023
    assert at.selectbox(key="filter_quarter").value == 2
    assert at.selectbox(key="filter_pillar").value == 3
    assert at.selectbox(key="filter_agency").value == "BNPT"
    assert at.selectbox(key="filter_province").value == "32"
    assert dict(at.query_params) == params
    at.switch_page(str(REPO / "pages" / "agencies.py")).run()
    assert dict(at.query_params) == params
    assert "Year 2023 · Q2 · Pillar 3 · BNPT · West Java" in chart_titles(at)[0]


def test_nonsense_query_parameters_fall_back_to_the_defaults(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, None, year="1999", pillar="x", agency="NOPE", lang="fr")
    assert at.selectbox(key="filter_year").value == 2024
    assert at.selectbox(key="filter_pillar").value == "all"
    assert at.selectbox(key="filter_agency").value == "all"
    assert "Ringkasan" in at.title[0].value


def test_language_switch_changes_labels_and_numbers(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch)
    assert at.title[0].value == "Ringkasan"
    indonesian = metric_values(at)["Tingkat komitmen"]
    at.button_group(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Overview"
    english = metric_values(at)["Commitment rate"]
    assert english == indonesian.replace(",", ".")
    assert "Commitment rate by pillar" in chart_titles(at)[0]
    assert at.query_params["lang"] == "en"
    at.switch_page(str(REPO / "pages" / "trends.py")).run()
    assert at.title[0].value == "Trends"


def test_a_view_with_no_rows_says_so(populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None) -> None:
    for page in PAGES:
        at = run_app(populated_db, monkeypatch, page, year="2024", quarter="4")
        if page != "trends":
            assert any("Tidak ada baris" in info.value for info in at.info), page


def test_agency_profile_shows_its_actions_and_trend(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, "agencies", agency="LPSK")
    titles = chart_titles(at)
    assert any("LPSK" in title and "per triwulan" in title for title in titles)
    assert any(subheader.value == "Profil LPSK" for subheader in at.subheader)


def test_demo_data_is_marked_on_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None) -> None:
    db = tmp_path / "demo.duckdb"
    store = Store(db)
    rows = [HEADER, [2024, 1, "BNPT", 1, "1.1.1", "Aksi", "Jawa Barat", "Ya", "Selesai", 10, 10, "", ""]]
    ingest_bytes(store, csv_bytes(rows), "demo.csv", actor=SYSTEM, is_demo=True)
    store.close()
    for page in PAGES:
        at = run_app(db, monkeypatch, page)
        assert any("DATA DEMO" in warning.value for warning in at.warning), page


def test_kpi_deltas_compare_with_the_previous_quarter(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, "overview", quarter="2")
    now = figures_of(populated_db, Filters(year=2024, quarter=2))
    before = figures_of(populated_db, Filters(year=2024, quarter=1))
    change = (now["commitment_rate"] - before["commitment_rate"]) * 100
    sign = "+" if change >= 0 else ""
    delta = next(metric.delta for metric in at.metric if metric.label == "Tingkat komitmen")
    assert delta == f"{sign}{fmt_num(change)} poin vs TW I 2024"


def test_benchmark_store_builder_fills_rows_slices_and_uploads(tmp_path: Path) -> None:
    db = tmp_path / "bench.duckdb"
    build_store(db, 5_000)
    store = Store(db)
    try:
        counts = store.query_rows("store/counts")[0]
        assert counts["rows_active"] == 5_000
        assert counts["slices"] == 49 * 3 * 4 * 3
        assert counts["uploads"] == 49 * 3 * 4
        assert len(store.cursor().execute(BENCHMARK_QUERIES.load("all_rows")).fetchall()) == 5_000
        assert summary(store, Filters(year=2024))["agencies_total"] == 49
    finally:
        store.close()


def test_first_start_on_an_empty_store_loads_the_demo_and_marks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    monkeypatch.setenv("RANPE_AUTO_DEMO", "1")
    at = run_app(tmp_path / "first.duckdb", monkeypatch)
    assert any("DATA DEMO" in warning.value for warning in at.warning)
    assert metric_values(at)["Tingkat komitmen"] != "–"
    at.switch_page(str(REPO / "pages" / "regions.py")).run()
    assert any("DATA DEMO" in warning.value for warning in at.warning)
    footer = " ".join(a["text"] for a in chart_specs(at)[0]["layout"]["annotations"]).replace("<br>", " ")
    assert "DATA DEMO" in footer


def test_a_store_that_fails_its_check_shows_why_instead_of_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    path = tmp_path / "broken.duckdb"
    populate(path)
    with Store(path) as store, store.transaction() as cur:
        # Half an upload lost behind the app's back: its recorded row count no longer matches.
        cur.execute("delete from submission_rows where upload_id = (select min(upload_id) from uploads)")
    at = run_app(path, monkeypatch)
    assert any("pemeriksaan basis data" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.metric


def test_the_naive_benchmark_baseline_counts_the_same_rate_as_the_measures(
    demo_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.pages import naive_overview_page
    from tests.fixtures_demo import copy_demo_store

    monkeypatch.setenv("RANPE_DB", str(copy_demo_store(demo_store_path, tmp_path)))
    at = AppTest.from_function(naive_overview_page, default_timeout=60)
    at.run()
    at.selectbox(key="filter_year").set_value(2023).run()
    assert not at.exception
    assert at.metric[0].value == "81.0%"  # 64 of 79 actions, computed in pandas from every row


@pytest.mark.parametrize(
    "text",
    [
        "![pelacak](http://example.invalid/t.png)",
        "[klik](javascript:alert(1))",
        "<script>alert(1)</script>",
        ":red[PALSU] **tebal** _miring_",
        "# Judul\n- butir",
    ],
)
def test_text_from_files_is_shown_as_typed_in_markdown(text: str) -> None:
    from ranpe.web.frame import plain

    shown = plain(text)
    # Every markdown or HTML character is escaped, so st.markdown shows the text instead of rendering it.
    assert re.search(r"(?<!\\)[\[\]()<>*_:#!`]", shown) is None, shown
    assert shown.replace("\\", "") == " ".join(text.split())
