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
FIRST_PERIOD, LAST_PERIOD = "2023 TW I", "2024 TW II"


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


def run_app(
    db: Path, monkeypatch: pytest.MonkeyPatch, page: str | None = None, timeout: float = 60, **params: str
) -> AppTest:
    """The app (frame + page) on the given store, with the given URL query parameters; timeout: AppTest's limit on
    one run, in seconds."""
    monkeypatch.setenv("RANPE_DB", str(db))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=timeout)
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
        # A chart of the chosen year says so; a chart per quarter names the first and last quarter it draws.
        assert "Tahun 2024" in title or f"{FIRST_PERIOD} – {LAST_PERIOD}" in title, title
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


@pytest.mark.slow
def test_first_start_on_an_empty_store_loads_the_demo_and_marks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    monkeypatch.setenv("RANPE_AUTO_DEMO", "1")
    # The first run loads the whole demo (some 35 s on a quiet 2-core machine, more beside other tests): AppTest's
    # limit is a harness's, not a figure this test checks.
    at = run_app(tmp_path / "first.duckdb", monkeypatch, timeout=300)
    assert any("DATA DEMO" in warning.value for warning in at.warning)
    assert metric_values(at)["Tingkat komitmen"] != "–"
    at.switch_page(str(REPO / "pages" / "regions.py")).run()
    assert any("DATA DEMO" in warning.value for warning in at.warning)
    footer = " ".join(a["text"] for a in chart_specs(at)[0]["layout"]["annotations"]).replace("<br>", " ")
    assert "DATA DEMO" in footer


@pytest.mark.slow
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


# -- what a figure is: units, periods, neutral signals, completeness that follows the filters, the About page --

# The unit words every figure names (DOMAIN.md's measures): actions, action plans, K/L.
UNIT_WORDS = {"id": ("aksi", "rencana aksi", "K/L"), "en": ("actions", "action plans", "K/L")}
SMALL_HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Pilar", "Kode Aksi", "Provinsi", "Komitmen", "Target"]


def store_of(path: Path, reports: dict[tuple[int, int, str], list[list[object]]]) -> Path:
    """A store of one CSV upload per (year, quarter, K/L), each row [pillar, code, province, committed, target,
    realization]."""
    store = Store(path)
    try:
        for (year, quarter, agency), rows in reports.items():
            lines = [[*SMALL_HEADER, "Realisasi"]] + [[year, quarter, agency, *row] for row in rows]
            result = ingest_bytes(
                store,
                csv_bytes(lines),
                f"{agency}_{year}_{quarter}.csv",
                actor=SYSTEM,
                uploaded_at=datetime(2024, 7, 1),
            )
            assert result.status == "stored", result.message("en")
    finally:
        store.close()
    return path


def unnamed_units(texts: list[str], lang: str) -> list[str]:
    """The texts that name none of the unit words."""
    return [text for text in texts if not any(word.lower() in text.lower() for word in UNIT_WORDS[lang])]


def title_of(spec: dict) -> str:
    """A figure's title without its subtitle: its bold lines (wrapped to fit a phone), joined."""
    return " ".join(re.findall(r"<b>(.*?)</b>", spec["layout"]["title"]["text"]))


def subtitle_of(spec: dict) -> str:
    """The lines under a figure's title (its filters), joined."""
    return " ".join(re.findall(r"<span[^>]*>(.*?)</span>", spec["layout"]["title"]["text"]))


def value_axis_titles(spec: dict) -> list[str]:
    """The titles of what a figure measures: its value axis (not a category axis of periods or names) or colour
    bar."""
    layout, titles = spec["layout"], []
    for name in ("xaxis", "yaxis"):
        axis = layout.get(name, {})
        if axis.get("type") != "category" and axis.get("title", {}).get("text"):
            titles.append(axis["title"]["text"])
    for trace in spec["data"]:
        bar = trace.get("colorbar") or trace.get("marker", {}).get("colorbar")
        if bar and bar.get("title", {}).get("text"):
            titles.append(bar["title"]["text"].replace("<br>", " "))
    return titles


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_change_that_rounds_to_zero_shows_no_arrow_and_no_colour(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    from streamlit.proto.Metric_pb2 import Metric as MetricProto

    # The same commitments in both quarters; only the realization of 1.1.1 rises (target achievement +25 points).
    rows = {
        1: [[1, "1.1.1", "Jawa Barat", "Ya", 10, 5], [1, "1.1.2", "Nasional", "Tidak", 10, 10]],
        2: [[1, "1.1.1", "Jawa Barat", "Ya", 10, 10], [1, "1.1.2", "Nasional", "Tidak", 10, 10]],
    }
    db = store_of(tmp_path / "flat.duckdb", {(2024, quarter, "BNPT"): found for quarter, found in rows.items()})
    at = run_app(db, monkeypatch, "overview", lang=lang)
    metrics = {metric.proto.label: metric.proto for metric in at.metric}
    previous = "TW I 2024" if lang == "id" else "Q1 2024"
    commitment = metrics["Tingkat komitmen" if lang == "id" else "Commitment rate"]
    assert commitment.delta == (f"0,0 poin vs {previous}" if lang == "id" else f"0.0 pts vs {previous}")
    assert commitment.direction == MetricProto.MetricDirection.NONE
    assert commitment.color == MetricProto.MetricColor.GRAY
    target = metrics["Capaian target" if lang == "id" else "Target achievement"]
    assert target.delta == (f"+25,0 poin vs {previous}" if lang == "id" else f"+25.0 pts vs {previous}")
    assert target.direction == MetricProto.MetricDirection.UP
    assert target.color == MetricProto.MetricColor.GREEN


COMPLETENESS_REPORTS = {
    # BNPT (pillar 1) reports in both quarters; POLRI (pillar 2) only in the first.
    (2024, 1, "BNPT"): [[1, "1.1.1", "Jawa Barat", "Ya", None, None]],
    (2024, 1, "POLRI"): [[2, "2.1.1", "Nasional", "Ya", None, None]],
    (2024, 2, "BNPT"): [[1, "1.1.1", "Jawa Barat", "Ya", None, None]],
}


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, "1 dari 2 K/L, TW II"),
        ({"agency": "BNPT"}, "1 dari 1 K/L, TW II"),
        ({"agency": "POLRI"}, "0 dari 1 K/L, TW II"),
        ({"pillar": "1"}, "1 dari 1 K/L, TW II"),
        ({"pillar": "2"}, "0 dari 1 K/L, TW II"),
        ({"quarter": "1", "agency": "POLRI"}, "1 dari 1 K/L, TW I"),
        ({"province": "32"}, "1 dari 2 K/L, TW II"),
    ],
)
def test_reporting_completeness_follows_the_agency_and_pillar_filters(
    params: dict[str, str], shown: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    db = store_of(tmp_path / "completeness.duckdb", COMPLETENESS_REPORTS)
    at = run_app(db, monkeypatch, "overview", **params)
    captions = [caption.value for caption in at.caption]
    assert shown in captions
    filters = Filters(
        year=2024,
        quarter=int(params["quarter"]) if "quarter" in params else None,
        pillar=int(params["pillar"]) if "pillar" in params else None,
        agency=params.get("agency"),
        province=params.get("province"),
    )
    expected = figures_of(db, filters)["reporting_completeness"]
    assert metric_values(at)["Kelengkapan laporan"] == fmt_pct(expected["rate"])
    assert shown.startswith(f"{expected['submitted']} dari {expected['expected']} K/L")


def test_the_completeness_chart_follows_the_agency_filter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    db = store_of(tmp_path / "completeness.duckdb", COMPLETENESS_REPORTS)

    def completeness_chart(**params: str) -> dict:
        at = run_app(db, monkeypatch, "trends", lang="en", **params)
        return next(spec for spec in chart_specs(at) if "Reporting completeness" in title_of(spec))

    spec = completeness_chart(agency="POLRI")
    bars = dict(zip(spec["data"][0]["x"], spec["data"][0]["text"], strict=True))
    assert bars["Q1"] == "100% (1/1 K/L)" and bars["Q2"] == "0% (0/1 K/L)"
    assert subtitle_of(spec) == "Year 2024 · Polri"
    spec = completeness_chart(province="32")
    bars = dict(zip(spec["data"][0]["x"], spec["data"][0]["text"], strict=True))
    assert bars["Q1"] == "100% (2/2 K/L)" and bars["Q2"] == "50% (1/2 K/L)"
    assert subtitle_of(spec) == "Year 2024 · province filter not applied (reports are per K/L)"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_figure_on_a_page_names_its_unit(
    page: str, lang: str, populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    # With one K/L chosen, the Agencies page also draws that K/L's profile.
    at = run_app(populated_db, monkeypatch, page, year="2024", agency="LPSK", lang=lang)
    specs = chart_specs(at)
    assert specs
    assert unnamed_units([title_of(spec) for spec in specs], lang) == []
    for spec in specs:
        assert value_axis_titles(spec), title_of(spec)
        assert unnamed_units(value_axis_titles(spec), lang) == [], title_of(spec)
    assert unnamed_units([f"{metric.label} {metric.proto.help}" for metric in at.metric], lang) == []
    # Tables of figures (not the lists of action plans, whose caption counts them) name the unit in a header.
    action_code = "Kode aksi" if lang == "id" else "Action code"
    for table in at.dataframe:
        headers = [str(column) for column in table.value.columns]
        if action_code not in headers:
            assert unnamed_units([" ".join(headers)], lang) == [], headers
    # The page says which units its figures count, in bold, and links to their definitions.
    note = next(caption.value for caption in at.caption if caption.value.startswith(("Satuan:", "Units:")))
    assert re.search(r"\*\*(" + "|".join(UNIT_WORDS[lang]) + r")\*\*", note, re.IGNORECASE), note
    assert [link.proto.page for link in at.get("page_link")] == ["about"]


def test_the_headline_explains_itself(populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None) -> None:
    at = run_app(populated_db, monkeypatch, "overview", year="2023")
    expected = figures_of(populated_db, Filters(year=2023))
    headline = (
        f"Tingkat komitmen {fmt_pct(expected['commitment_rate'])} = {fmt_int(expected['actions_committed'])} dari "
        f"{fmt_int(expected['actions_planned'])} aksi (kode aksi berbeda) yang dikomitmenkan minimal satu K/L"
    )
    assert any(caption.value.startswith(headline) for caption in at.caption)


@pytest.mark.parametrize(("page", "lang"), [("overview", "id"), ("agencies", "en"), ("trends", "id"), ("trends", "en")])
def test_a_trend_subtitle_names_the_first_and_last_period_it_plots(
    page: str, lang: str, populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    # The trends draw every stored quarter, whatever year is chosen: the subtitle says so, never "Year 2023".
    at = run_app(populated_db, monkeypatch, page, year="2023", agency="LPSK", lang=lang)
    per_quarter = [
        spec
        for spec in chart_specs(at)
        if re.match(r"\d{4} ", (spec["layout"].get("xaxis", {}).get("categoryarray") or [""])[0])
    ]
    assert per_quarter
    first, last = ("2023 TW I", "2024 TW II") if lang == "id" else ("2023 Q1", "2024 Q2")
    for spec in per_quarter:
        drawn = spec["layout"]["xaxis"]["categoryarray"]
        assert (drawn[0], drawn[-1]) == (first, last)
        subtitle = subtitle_of(spec)
        assert subtitle.startswith(f"{first} – {last} · "), subtitle
        assert "LPSK" in subtitle and "2023 ·" not in subtitle.replace(first, "")


@pytest.mark.parametrize("page", PAGES)
def test_every_chart_source_line_links_to_the_about_page_with_the_filters(
    page: str, populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, page, year="2023", pillar="2", province="32", lang="en")
    for spec in chart_specs(at):
        footer = " ".join(a["text"] for a in spec["layout"]["annotations"])
        assert "<a href='about?year=2023&pillar=2&province=32&lang=en' target='_self'>" in footer, footer
        assert "Definitions:\xa0About\xa0the\xa0figures</a>" in footer


@pytest.fixture(scope="module")
def demo_copy(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.fixtures_demo import copy_demo_store

    return copy_demo_store(demo_store_path, tmp_path_factory.mktemp("about"))


def equation(committed: int, planned: int, rate: float | None, lang: str) -> str:
    return f"{fmt_int(committed, lang)} ÷ {fmt_int(planned, lang)} = {fmt_pct(rate, lang)}"


@pytest.mark.parametrize(
    ("params", "lang"),
    [
        ({"year": "2023"}, "id"),
        ({"year": "2023"}, "en"),
        ({"year": "2023", "pillar": "3"}, "id"),
        ({"year": "2023", "quarter": "3", "agency": "BNPT"}, "en"),
        ({"year": "2024", "province": "32"}, "id"),
        ({"year": "2024", "province": "national", "quarter": "2"}, "en"),
    ],
)
def test_the_about_page_works_each_measure_out_with_the_summary_figures(
    params: dict[str, str], lang: str, demo_copy: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    from ranpe.i18n import fmt_quarter, t
    from ranpe.measures.dashboard import pillar_label

    at = run_app(demo_copy, monkeypatch, "about", lang=lang, **params)
    assert at.title[0].value == ("Tentang angka" if lang == "id" else "About the figures")
    text = "\n".join(markdown.value for markdown in at.markdown)
    filters = Filters(
        year=int(params["year"]),
        quarter=int(params["quarter"]) if "quarter" in params else None,
        pillar=int(params["pillar"]) if "pillar" in params else None,
        agency=params.get("agency"),
        province=params.get("province"),
    )
    figures = figures_of(demo_copy, filters)
    headline = equation(figures["actions_committed"], figures["actions_planned"], figures["commitment_rate"], lang)
    assert t("dash.about.example", lang, example=headline) in text
    for item in figures["by_pillar"]:
        line = (
            f"{pillar_label(item['pillar'], lang)}: {equation(item['committed'], item['planned'], item['rate'], lang)}"
        )
        assert line in text
    assert equation(figures["agencies_involved"], figures["agencies_total"], figures["involvement_rate"], lang) in text
    agencies = figures["by_agency"]
    chosen = [a for a in agencies if a["agency_code"] == filters.agency] or [
        a for a in agencies if a["planned"] == max(b["planned"] for b in agencies)
    ]
    assert any(f": {equation(a['committed'], a['planned'], a['rate'], lang)}" in text for a in chosen)
    planned, committed = sum(a["planned"] for a in agencies), sum(a["committed"] for a in agencies)
    assert equation(committed, planned, committed / planned, lang) in text  # K/L × action
    provinces = figures["by_province"]
    planned, committed = sum(p["planned"] for p in provinces), sum(p["committed"] for p in provinces)
    assert equation(committed, planned, committed / planned, lang) in text  # every action plan
    for group in provinces:
        if group["province_code"] is None or group["province_code"] == filters.province:
            assert equation(group["committed"], group["planned"], group["rate"], lang) in text
    assert f"= {fmt_pct(figures['target_achievement'], lang)}" in text
    done = figures["reporting_completeness"]
    quarter = fmt_quarter(done["quarter"], lang)
    assert f"{quarter}: {equation(done['submitted'], done['expected'], done['rate'], lang)}" in text
    if params == {"year": "2023"} and lang == "id":
        # The published 2023 figures (DOMAIN.md): 64 of 79 actions, 36 of 44 K/L.
        assert "64 ÷ 79 = 81,0%" in text and "36 ÷ 44 = 81,8%" in text and "11 ÷ 14 = 78,6%" in text


def test_the_about_page_on_an_empty_store_says_there_is_no_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(tmp_path / "empty.duckdb", monkeypatch, "about")
    assert "Belum ada data" in at.info[0].value


def test_the_about_page_for_a_view_without_rows_keeps_the_definitions(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    at = run_app(populated_db, monkeypatch, "about", year="2024", quarter="4")
    assert any("Tidak ada baris" in info.value for info in at.info)
    text = "\n".join(markdown.value for markdown in at.markdown)
    assert "÷" in text and "Contoh untuk tampilan ini" not in text
