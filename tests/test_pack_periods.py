"""The briefing pack follows its own period and filters on every slide: read back from the .pptx (and one .pdf), each
slide's periods, filters line, units and key figures are checked against the filters and summary()."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

from ranpe.access.roles import SYSTEM
from ranpe.exports import images, pack
from ranpe.i18n import fmt_int, fmt_pct, fmt_quarter, t
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store
from tests.conftest import csv_bytes
from tests.fixtures_demo import copy_demo_store
from tests.test_pages import app_env, run_app  # noqa: F401  (app_env is a fixture)

ARTIFACTS = Path(__file__).parent / "artifacts"
MONTHS = (
    "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|"
    "January|February|March|May|June|July|August|October|December"
)
# "15 Januari 2025", "27 November 2026 02:29": dates (the data date, when the pack was made), not periods.
DATE = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}(?: \d{{2}}:\d{{2}})?")
PERIOD = re.compile(r"\b(20\d\d) (?:TW (IV|I{1,3})|Q([1-4]))\b")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
# What each slide's figures count (DOMAIN.md): the unit named in its filters line, by slide.
UNITS = {
    "by_pillar": "exports.unit.actions",
    "map": "exports.unit.action_plans",
    "by_agency": "exports.unit.agency_actions",
    "trend": "exports.unit.actions",
    "obstacle_themes": "exports.unit.obstacle_texts",
}
UNIT_WORDS = {"id": ("aksi", "K/L", "poin persentase"), "en": ("actions", "action plans", "K/L", "percentage points")}
# How a pack of 2020–2024 (pillars) names every group at once, as a reader reads it.
ALL_PILLARS = {"id": "semua pilar", "en": "all pillars"}


@dataclass(frozen=True)
class Case:
    """One pack: its filters, language, and the filters in words as a reader expects them on every slide."""

    filters: Filters
    lang: str
    scope: str


CASES = [
    # The packs: a 2023 pack showed 2024; one filtered to pillar 1 said "all pillars".
    Case(Filters(2023, 2, 1), "id", "Pilar 1"),
    Case(Filters(2023), "en", "all pillars, K/L and regions"),
    Case(Filters(2022, 4, agency="BNPT"), "id", "BNPT"),
    Case(Filters(2023, 3, 2, province="32"), "en", "Pillar 2 · West Java"),
]


@pytest.fixture(scope="module")
def demo(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory):
    with Store(copy_demo_store(demo_store_path, tmp_path_factory.mktemp("pack_periods"))) as store:
        yield store


@pytest.fixture(scope="module", params=CASES, ids=lambda case: f"{case.filters.as_dict()}-{case.lang}")
def built(request: pytest.FixtureRequest, demo: Store):
    """(case, content, slides' texts) of the pack for the case, its .pptx read back with python-pptx."""
    case = request.param
    content = pack.build_content(demo, case.filters, case.lang)
    deck = Presentation(io.BytesIO(pack.write_pptx(content)))
    return case, content, [_texts(slide) for slide in deck.slides]


def _texts(slide) -> list[str]:
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    for shape in slide.shapes:
        if shape.has_table:
            texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return texts


def _period(filters: Filters, lang: str) -> str:
    quarter = fmt_quarter(filters.quarter, lang) if filters.quarter else t("dash.desc.latest", lang)
    return f"{t('dash.desc.year', lang, year=filters.year)} · {quarter}"


def _periods_named(text: str) -> list[tuple[int, int]]:
    return [(int(year), ROMAN[roman] if roman else int(q)) for year, roman, q in PERIOD.findall(text)]


def test_no_slide_names_a_period_after_the_packs(built) -> None:
    case, _content, slides = built
    last = (case.filters.year, case.filters.quarter or 4)
    for number, texts in enumerate(slides, start=1):
        text = DATE.sub("", " ".join(texts))
        years = {int(y) for y in re.findall(r"\b(20\d\d)\b", text)}
        assert years and max(years) == case.filters.year, (number, years)
        assert all(period <= last for period in _periods_named(text)), (number, _periods_named(text))


def test_trend_ends_at_the_packs_quarter_and_its_title_says_so(built, demo: Store) -> None:
    case, content, slides = built
    trend = next(chart for chart in content.charts if chart.name == "trend")
    lang = case.lang
    drawn = list(trend.periods)
    assert drawn, "the trend draws no period"
    every = dashboard.trend(demo, case.filters, lang)
    reported = {(int(y), int(q)) for y, q in zip(every["year"], every["quarter"], strict=True)}
    assert max(reported) > (case.filters.year, case.filters.quarter or 4), "the case should have later data"
    expected_last = max(p for p in reported if p <= (case.filters.year, case.filters.quarter or 4))
    assert drawn[-1] == dashboard.period_label(*expected_last, lang)
    subtitle = t("exports.pack.periods", lang, first=drawn[0], last=drawn[-1]) if len(drawn) > 1 else drawn[0]
    trend_texts = slides[2 + [c.name for c in content.charts].index("trend")]
    assert any(x.startswith(f"{subtitle} · {case.scope}") for x in trend_texts), trend_texts
    latest = next(x for x in trend_texts if x.startswith(f"{drawn[-1]}:")).splitlines()[0]
    if case.filters.pillar:
        assert ALL_PILLARS[lang] not in latest.lower()
        assert t("dash.desc.pillar", lang, pillar=case.filters.pillar) in latest
    else:
        assert ALL_PILLARS[lang] in latest
    if case.filters.quarter:
        # The trend's last point is the chosen quarter: the same figure as the key figures' summary().
        figures = summary(demo, case.filters)
        assert fmt_pct(figures["commitment_rate"], lang) in latest
        assert fmt_int(figures["actions_planned"], lang) in latest


def test_every_slide_says_its_period_filters_and_unit(built) -> None:
    case, content, slides = built
    lang = case.lang
    period = _period(case.filters, lang)
    cover = "\n".join(slides[0])
    assert cover.count(t("dash.desc.year", lang, year=case.filters.year)) == 1, "the cover repeats the period"
    assert t("exports.pack.period", lang, period=period) in cover
    assert t("exports.pack.filters", lang, filters=case.scope[:1].upper() + case.scope[1:]) in cover
    assert any(x.startswith(f"{period} · {case.scope}") for x in slides[1]), slides[1]
    for chart, texts in zip(content.charts, slides[2:7], strict=True):
        unit = t("exports.unit.line", lang, unit=t(UNITS[chart.name], lang))
        line = next(x for x in texts if f" · {case.scope} · " in x)
        assert line.endswith(unit), (chart.name, line)
        assert chart.name == "trend" or line.startswith(period), (chart.name, line)
    for texts in slides[7:]:
        assert any(x.startswith(f"{period} · {case.scope}") for x in texts), texts
    if case.filters.pillar:
        others = [t("dash.desc.pillar", lang, pillar=p) for p in (1, 2, 3) if p != case.filters.pillar]
        everything = " ".join(" ".join(texts) for texts in slides)
        every = t("dash.desc.all", lang, every=ALL_PILLARS[lang])
        for wrong in (*others, ALL_PILLARS[lang], every):
            assert wrong.lower() not in everything.lower(), wrong


def test_every_rate_on_a_slide_names_its_unit(built) -> None:
    case, content, _slides = built
    for chart in content.charts:
        for number in chart.key_numbers:
            if "%" in number:
                assert any(word in number for word in UNIT_WORDS[case.lang]), (chart.name, number)
    for label, value, detail in content.kpis:
        if value != "–":
            assert detail, label


def test_key_figures_equal_summary(built, demo: Store) -> None:
    case, content, slides = built
    lang, figures = case.lang, summary(demo, case.filters)
    of = "dari" if lang == "id" else "of"
    kpi = " ".join(slides[1])
    assert fmt_pct(figures["commitment_rate"], lang) in kpi
    assert (
        t(
            "dash.kpi.committed_of",
            lang,
            committed=fmt_int(figures["actions_committed"], lang),
            planned=fmt_int(figures["actions_planned"], lang),
        )
        in kpi
    )
    assert f"{fmt_int(figures['agencies_involved'], lang)} {of} {fmt_int(figures['agencies_total'], lang)} K/L" in kpi
    numbers = {chart.name: chart.key_numbers for chart in content.charts}
    for item in figures["by_pillar"]:
        line = t(
            "period.key.group",
            lang,
            group=f"{'Pilar' if lang == 'id' else 'Pillar'} {item['pillar']}",
            rate=fmt_pct(item["rate"], lang),
            committed=fmt_int(item["committed"], lang),
            planned=fmt_int(item["planned"], lang),
        )
        assert line in numbers["by_pillar"]
    agencies = figures["by_agency"]
    full = sum(1 for a in agencies if a["rate"] >= 1)
    assert t("exports.key.agencies_full", lang, count=fmt_int(full, lang)) in numbers["by_agency"]
    national = next((p for p in figures["by_province"] if p["province_code"] is None), None)
    if national:
        assert (
            f"{fmt_int(national['committed'], lang)} {of} {fmt_int(national['planned'], lang)}" in (numbers["map"][0])
        )


def test_agency_slide_shows_what_fits_and_says_so(built, demo: Store) -> None:
    case, content, slides = built
    total = len(summary(demo, case.filters)["by_agency"])
    chart = next(chart for chart in content.charts if chart.name == "by_agency")
    if total <= pack.AGENCIES_ON_SLIDE:
        assert not chart.note
        return
    data_file = images.file_name("by_agency", case.filters, case.lang, "xlsx")
    assert chart.note == t(
        "exports.pack.agencies_shown",
        case.lang,
        shown=fmt_int(pack.AGENCIES_ON_SLIDE, case.lang),
        total=fmt_int(total, case.lang),
        half=fmt_int(pack.AGENCIES_ON_SLIDE // 2, case.lang),
        file=data_file,
    )
    assert chart.note in slides[2 + [c.name for c in content.charts].index("by_agency")]


def test_demo_data_is_marked_on_every_slide(built) -> None:
    case, _content, slides = built
    band = t("exports.pack.demo_band", case.lang)
    for number, texts in enumerate(slides, start=1):
        assert band in texts, number


def test_agencies_on_slide_keeps_the_highest_and_the_lowest(demo: Store) -> None:
    ranked = dashboard.by_agency(demo, Filters(2023), "id")
    assert len(ranked) == 44
    shown = pack.agencies_on_slide(ranked)
    half = pack.AGENCIES_ON_SLIDE // 2
    assert len(shown) == pack.AGENCIES_ON_SLIDE
    assert list(shown["agency_code"]) == [*ranked["agency_code"][:half], *ranked["agency_code"][-half:]]
    assert shown["rate"].is_monotonic_decreasing


@pytest.mark.slow
def test_pack_without_demo_data_has_no_demo_band(tmp_path: Path) -> None:
    header = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Aksi", "Provinsi", "Komitmen"]
    rows = [
        [2024, 1, "BNPT", 1, "1.1.1", "Aksi", "Jawa Barat", "Ya"],
        [2024, 1, "BNPT", 2, "2.1.1", "Aksi", "", "Tidak"],
    ]
    with Store(tmp_path / "ranpe.duckdb") as store:
        assert ingest_bytes(store, csv_bytes([header, *rows]), "bnpt.csv", actor=SYSTEM).status == "stored"
        content = pack.build_content(store, Filters(2024, 1), "id")
        texts = [x for slide in Presentation(io.BytesIO(pack.write_pptx(content))).slides for x in _texts(slide)]
    assert content.demo_band is None
    assert not any("DEMO" in x for x in texts)


@pytest.mark.slow
def test_pdf_pages_carry_the_period_and_demo_band_and_are_looked_at(demo: Store, tmp_path: Path) -> None:
    """The issue's pack (2023 TW II, pillar 1) as PDF: text checked with pdftotext, trend and K/L pages kept as PNG."""
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) must be installed"
    filters = Filters(2023, 2, 1)
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(pack.build_pack(demo, filters, "id", "pdf").data)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert text.count(t("exports.pack.demo_band", "id")) == text.count("\x0c")  # one band on every page
    assert "2021 TW I – 2023 TW II · Pilar 1" in text
    assert not re.search(r"\b2024\b", DATE.sub("", text))
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(tmp_path / "page")], check=True)
    ARTIFACTS.mkdir(exist_ok=True)
    for number, name in ((5, "agencies"), (6, "trend")):
        shutil.copy(tmp_path / f"page-{number}.png", ARTIFACTS / f"pack_2023_TW2_P1_{name}.png")


def test_agency_profile_lists_each_obstacle_once(demo: Store) -> None:
    filters = Filters(2023, agency="BSSN")
    listed = dashboard.obstacles(demo, filters)
    texts = [item["obstacle"] for item in listed]
    assert len(texts) == len({text.lower() for text in texts}) >= 2
    table, _total = dashboard.actions(demo, filters, "id")
    reported = table[t("field.obstacles", "id")].fillna("").str.strip()
    assert sum(item["plans"] for item in listed) == int((reported != "").sum())
    for item in listed:
        rows = table[reported == item["obstacle"]]
        assert item["action_codes"] == sorted(set(rows[t("field.action_code", "id")]))


def test_agency_page_shows_each_obstacle_once(
    demo_store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    app_env: None,  # noqa: F811
) -> None:
    db = copy_demo_store(demo_store_path, tmp_path)
    at = run_app(db, monkeypatch, "agencies", year="2023", agency="BSSN")
    items = [m.value for m in at.markdown if m.value.startswith("- **")]
    shown = [re.match(r"- \*\*(.+?)\*\*", item)[1] for item in items]
    with Store(db) as store:
        expected = dashboard.obstacles(store, Filters(2023, agency="BSSN"))
    assert shown == [item["obstacle"] for item in expected] and len(shown) == len(set(shown)) >= 2, items
    for item, line in zip(expected, items, strict=True):
        # frame.plain escapes markdown's special characters ("3\\.1\\.1"); the reader sees them plain.
        assert ", ".join(item["action_codes"]) in line.replace("\\", ""), line
