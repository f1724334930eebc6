"""Briefing exports: chart images, the slide deck and its PDF, data files — each file opened and read back."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from ranpe import charts
from ranpe.cli import main as cli_main
from ranpe.exports import images, pack, tables
from ranpe.i18n import fmt_int, fmt_pct, t
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store
from tests.fixtures_demo import copy_demo_store

VIEW = Filters(2023, 3)
INJECTIONS = ['=HYPERLINK("http://x.example","klik")', "+1", "-1", "@SUM(A1:A2)", "\tdata", "\rdata"]


@pytest.fixture(scope="module")
def demo_copy(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store for this module (exports write audit entries)."""
    return copy_demo_store(demo_store_path, tmp_path_factory.mktemp("exports_store"))


@pytest.fixture(scope="module")
def demo(demo_copy: Path):
    """The demo store, open for the module."""
    with Store(demo_copy) as store:
        yield store


def _figure(store: Store, name: str, lang: str = "id"):
    filters_text = dashboard.describe_filters(store, VIEW, lang)
    as_of, source = dashboard.as_of(store), dashboard.source_text(store, lang)
    if name == "map":
        frame = dashboard.by_province(store, VIEW, lang)["provinces"]
        return charts.fig_province_map(frame, lang, filters_text, as_of, source)
    return charts.fig_commitment_by_pillar(dashboard.by_pillar(store, VIEW, lang), lang, filters_text, as_of, source)


def _svg_text(svg: bytes) -> str:
    """Every text of the SVG without whitespace (plotly splits lines and words into tspans)."""
    root = ElementTree.fromstring(svg)
    return re.sub(r"\s+", "", "".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text")))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- chart images ------------------------------------------------------------------------------------


def test_png_is_presentation_size_and_drawn(demo: Store) -> None:
    png = images.render(_figure(demo, "by_pillar"), "png")
    picture = Image.open(io.BytesIO(png))
    assert picture.format == "PNG"
    assert picture.size == (3200, 1800)
    colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 50, "the image is blank"


def test_svg_parses_and_carries_title_filters_date_and_source(demo: Store) -> None:
    svg = images.render(_figure(demo, "by_pillar"), "svg")
    text = _svg_text(svg)
    assert _squash(t("dash.chart.by_pillar", "id")) in text
    assert _squash(dashboard.describe_filters(demo, VIEW, "id")) in text
    # The demo's latest upload: its illustrative 2026 TW III reports (before them, 15 Januari 2025).
    assert _squash("Data per 15 Oktober 2026") in text
    assert _squash(dashboard.source_text(demo, "id")) in text


@pytest.mark.slow
def test_map_renders_offline_with_its_attribution(demo: Store) -> None:
    page = images.renderer_page().generate_index()
    assert "http://" not in page and "https://" not in page, "the renderer would fetch a script from the network"
    figure = _figure(demo, "map")
    assert {trace.type for trace in figure.data} >= {"choroplethmap"}
    assert figure.layout.map.style == "white-bg"
    assert not figure.layout.map.layers, "tile layers would be fetched from the network"
    svg = images.render(figure, "svg")
    text = _svg_text(svg)
    assert _squash(charts.map_attribution("id")) in text
    assert _squash(t("dash.chart.map", "id")) in text
    picture = Image.open(io.BytesIO(images.render(figure, "png"))).convert("RGB")
    assert picture.size == (3200, 1800)
    # The focus provinces are painted with the rate colour scale: many colours beyond white and greys.
    painted = [c for _count, c in picture.getcolors(maxcolors=1_000_000) if max(c) - min(c) > 40]
    assert len(painted) > 100, "the map drew no coloured province"


@pytest.mark.parametrize(
    ("stem", "filters", "lang", "extension", "expected"),
    [
        ("by_pillar", Filters(2023, 3), "id", "png", "komitmen-per-pilar_2023-TW3_id.png"),
        ("by_pillar", Filters(2023, 3), "en", "svg", "commitment-by-pillar_2023-TW3_en.svg"),
        ("map", Filters(2023, None, 1, "BNPT", "72"), "id", "png", "peta-komitmen-provinsi_2023-P1-BNPT-72_id.png"),
        ("actions", Filters(2024, 1, province="national"), "en", "csv", "action-plans_2024-TW1-nasional_en.csv"),
    ],
)
def test_file_names_say_what_they_are(stem, filters, lang, extension, expected) -> None:
    assert images.file_name(stem, filters, lang, extension) == expected


# -- the briefing pack -------------------------------------------------------------------------------


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


@pytest.fixture(scope="module")
def pack_files(demo_copy: Path, demo: Store, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The pack written by the command line: .pptx and .pdf in Indonesian with a marking, .pptx in English."""
    folder = tmp_path_factory.mktemp("packs")
    files = {
        "id_pptx": folder / "pack_id.pptx",
        "id_pdf": folder / "pack_id.pdf",
        "en_pptx": folder / "pack_en.pptx",
    }
    common = ["--db", str(demo_copy), "--year", "2023", "--quarter", "3"]
    assert cli_main(["export", "pack", *common, "--marking", "TERBATAS", "--out", str(files["id_pptx"])]) == 0
    assert cli_main(["export", "pack", *common, "--marking", "TERBATAS", "--out", str(files["id_pdf"])]) == 0
    assert cli_main(["export", "pack", *common, "--lang", "en", "--out", str(files["en_pptx"])]) == 0
    return files


def test_pack_deck_has_every_slide_with_real_text(pack_files: dict[str, Path], demo: Store) -> None:
    deck = Presentation(str(pack_files["id_pptx"]))
    slides = list(deck.slides)
    assert len(slides) == 9
    title = " ".join(_texts(slides[0]))
    assert t("exports.pack.title", "id") in title
    assert "Tahun 2023 · TW III" in title
    assert "Data per: 15 Oktober 2026" in title  # the demo's latest upload (its illustrative 2026)
    chart_titles = [t(f"dash.chart.{name}", "id") for name in ("by_pillar", "map", "by_agency", "trend")]
    for slide, chart_title in zip(slides[2:6], chart_titles, strict=True):
        texts = _texts(slide)
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        assert chart_title in texts
        assert len(pictures) == 1
        key_numbers = next(x for x in texts if x.count("\n") >= 1 and "%" in x)
        assert len(key_numbers.splitlines()) == 3
        assert any("Sumber: DATA DEMO" in x for x in texts)
    pillar_numbers = " ".join(_texts(slides[2]))
    assert "Pilar 1: 82,0% (41 dari 50 aksi)" in pillar_numbers
    assert "Pilar 3: 78,6% (11 dari 14 aksi)" in pillar_numbers
    assert "OpenStreetMap" in " ".join(_texts(slides[3]))
    assert charts.obstacle_title("obs.chart.by_pillar", "id") in _texts(slides[6])
    assert t("exports.pack.obstacles_title", "id") in _texts(slides[8])
    assert "rencana aksi melaporkan hambatan" in " ".join(_texts(slides[8]))


def test_pack_kpi_slide_equals_summary(pack_files: dict[str, Path], demo: Store) -> None:
    figures = summary(demo, VIEW)
    kpi_text = " ".join(_texts(Presentation(str(pack_files["id_pptx"])).slides[1]))
    assert fmt_pct(figures["commitment_rate"], "id") in kpi_text
    assert f"{fmt_int(figures['actions_committed'], 'id')} dari {fmt_int(figures['actions_planned'], 'id')}" in kpi_text
    assert f"{figures['agencies_involved']} dari {figures['agencies_total']} K/L" in kpi_text
    assert fmt_pct(figures["target_achievement"], "id") in kpi_text
    assert fmt_pct(figures["reporting_completeness"]["rate"], "id") in kpi_text
    # The published 2023 figures (DOMAIN.md).
    assert "64 dari 79 aksi" in kpi_text and "36 dari 44 K/L" in kpi_text and "81,0%" in kpi_text
    english = " ".join(_texts(Presentation(str(pack_files["en_pptx"])).slides[1]))
    assert "Key figures" in english and "81.0%" in english and "64 of 79 actions" in english


def test_pack_lowest_agencies_is_a_real_table(pack_files: dict[str, Path], demo: Store) -> None:
    slide = Presentation(str(pack_files["id_pptx"])).slides[7]
    grid = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [[cell.text for cell in row.cells] for row in grid.rows]
    assert rows[0] == ["K/L", "Nama K/L", "Aksi direncanakan", "Aksi dikomitmenkan", "Tingkat"]
    assert 1 < len(rows) <= pack.LOWEST_AGENCIES + 1
    lowest_rate = min(item["rate"] for item in summary(demo, VIEW)["by_agency"])
    assert rows[1][4] == fmt_pct(lowest_rate, "id")
    rates = [float(row[4].rstrip("%").replace(",", ".")) for row in rows[1:]]
    assert rates == sorted(rates)


def test_pack_marking_in_every_header_and_footer(pack_files: dict[str, Path]) -> None:
    deck = Presentation(str(pack_files["id_pptx"]))
    for slide in deck.slides:
        marks = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text == "TERBATAS"]
        tops = sorted(s.top for s in marks)
        assert len(tops) == 2
        assert tops[0] < Inches(0.5) and tops[1] > deck.slide_height - Inches(0.6)
    english = Presentation(str(pack_files["en_pptx"]))
    assert not any("TERBATAS" in x for slide in english.slides for x in _texts(slide))


def test_pack_pdf_pages_render_and_say_the_same(pack_files: dict[str, Path], tmp_path: Path) -> None:
    assert shutil.which("pdftoppm"), "poppler-utils (pdftoppm) must be installed"
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pack_files["id_pdf"]), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 9
    for page in pages:
        picture = Image.open(page).convert("L")
        dark = sum(count for value, count in enumerate(picture.histogram()) if value < 200)
        assert dark / (picture.width * picture.height) > 0.005, f"{page.name} is blank"
    artifacts = Path(__file__).parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    for page in pages:
        shutil.copy(page, artifacts / f"pack_{page.name}")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pack_files["id_pdf"]), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert text.count("TERBATAS") == 18
    assert "64 dari 79 aksi" in text and "81,0%" in text
    assert "Pilar 1: 82,0% (41 dari 50 aksi)" in text
    assert "Komisi Perlindungan Anak Indonesia" in text


@pytest.mark.slow
def test_pack_is_cached_for_unchanged_data_filters_and_marking(demo: Store) -> None:
    pack.clear_cache()
    first = pack.build_pack(demo, VIEW, "id", "pdf")
    again = pack.build_pack(demo, VIEW, "id", "pdf")
    assert not first.from_cache and again.from_cache and again.data == first.data
    assert first.file_name == "bahan-paparan_2023-TW3_id.pdf"
    marked = pack.build_pack(demo, VIEW, "id", "pdf", marking="TERBATAS")
    assert not marked.from_cache and marked.file_name == "bahan-paparan_2023-TW3_TERBATAS_id.pdf"
    with demo.transaction() as cur:
        cur.execute("select 1")
    assert not pack.build_pack(demo, VIEW, "id", "pdf").from_cache


# -- data files --------------------------------------------------------------------------------------


def test_xlsx_has_numbers_as_numbers_and_an_about_sheet(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "pilar.xlsx"
    args = ["export", "data", "--db", str(demo.path), "--year", "2023", "--quarter", "3", "--table", "by_pillar"]
    assert cli_main([*args, "--out", str(out)]) == 0
    workbook = openpyxl.load_workbook(out)
    data, about = workbook.worksheets
    rows = list(data.iter_rows(values_only=True))
    assert rows[0] == ("Pilar", "Nama pilar", "Aksi direncanakan", "Aksi dikomitmenkan", "Tingkat (%)")
    assert rows[1][0] == 1 and rows[1][2] == 50 and rows[1][3] == 41 and rows[1][4] == 82.0
    assert all(isinstance(v, int | float) for row in rows[1:] for v in (row[0], row[2], row[3], row[4]))
    notes = dict(about.iter_rows(values_only=True))
    assert notes["Filter"] == "Tahun 2023 · TW III"
    assert notes["Data per"].startswith("15 Oktober 2026")  # the demo's latest upload (its illustrative 2026)
    assert notes["Sumber"] == "Sumber: DATA DEMO (rekaan)"


def test_csv_is_utf8_with_bom_and_english_headers(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "agencies.csv"
    args = ["export", "data", "--db", str(demo.path), "--year", "2023", "--table", "by_agency", "--lang", "en"]
    assert cli_main([*args, "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["K/L", "K/L name", "Actions planned", "Actions committed", "Rate (%)"]
    assert len(rows) - 1 == len(summary(demo, Filters(2023))["by_agency"])


def test_actions_export_has_every_counted_row(demo: Store) -> None:
    frame = tables.table(demo, "actions", Filters(2023), "id")
    _shown, total = dashboard.actions(demo, Filters(2023), "id")
    assert len(frame) == total


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_is_neutralised_in_xlsx_and_csv(value: str) -> None:
    frame = pd.DataFrame({"Hambatan": [value], value: ["x"], "Jumlah": [-1]})
    workbook = tables.write_xlsx(frame, [("Judul", value)], "id")
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", archive.read(name)), f"{name} holds a formula"
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).worksheets[0]
    # xlsxwriter stores a carriage return as Excel's escape _x000D_, which openpyxl leaves as it is.
    assert sheet["A2"].value.replace("_x000D_", "\r") == "'" + value
    assert sheet["B1"].value.replace("_x000D_", "\r") == "'" + value
    assert sheet["C2"].value == -1, "a negative number stays a number"
    assert sheet["A2"].data_type == "s"
    for lang, separator in (("id", ";"), ("en", ",")):
        text = tables.write_csv(frame, lang).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
        assert rows[1][0] == "'" + value and rows[0][1] == "'" + value and rows[1][2] == "-1"


def test_data_command_refuses_an_unknown_suffix(demo: Store, tmp_path: Path) -> None:
    args = ["export", "data", "--db", str(demo.path), "--year", "2023", "--out", str(tmp_path / "x.txt")]
    assert cli_main(args) == 2


# -- one rounding rule, and each language's CSV style -------------------------------------------------

CSV_STYLES = {"id": (";", ","), "en": (",", ".")}


def _one_decimal(values: pd.Series) -> bool:
    return bool(((values * 10).round() - values * 10).abs().max() < 1e-9)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(tables.TABLES))
def test_csv_of_every_table_splits_in_its_language_with_rates_rounded(
    demo: Store, tmp_path: Path, name: str, lang: str
) -> None:
    out = tmp_path / f"{name}_{lang}.csv"
    args = ["export", "data", "--db", str(demo.path), "--year", "2023", "--table", name, "--lang", lang]
    assert cli_main([*args, "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") >= 2
    separator, decimal = CSV_STYLES[lang]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=separator))
    expected = tables.table(demo, name, Filters(2023), lang)
    assert rows[0] == list(expected.columns)
    assert {len(row) for row in rows} == {len(expected.columns)}, "a row split into other columns"
    frame = pd.read_csv(io.BytesIO(raw), sep=separator, decimal=decimal, encoding="utf-8-sig")
    assert len(frame) == len(expected)
    rates = [column for column in frame.columns if column.endswith("(%)")]
    # the tables that hold no rate
    assert rates or name in (
        "actions",
        "obstacle_texts",
        "obstacle_themes",
        "unreported_actions",
        "lead_supporting",
        "catalogue",
    )
    for column in rates:
        values = frame[column].dropna()
        assert pd.api.types.is_float_dtype(values), column
        assert _one_decimal(values) and values.between(0, 100).all(), column
        cells = [row[rows[0].index(column)] for row in rows[1:] if row[rows[0].index(column)]]
        assert all(re.fullmatch(rf"\d{{1,3}}\{decimal}\d", cell) for cell in cells), (column, cells[:5])
    if name == "actions":
        # Reported values are written as reported, in the language's decimal style, never rounded.
        for field in ("target", "realization"):
            column = t(f"field.{field}", lang)
            assert frame[column].dropna().tolist() == expected[column].dropna().tolist()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_pages_table_is_written_by_the_same_rule(demo: Store, lang: str) -> None:
    """What a page passes to the download buttons: unrounded rates (63.333…) come out with one decimal."""
    target = t("field.target", lang)
    frame = pd.DataFrame({"Provinsi": ["Jawa Barat"], "Pilar 1": [63.333333333333], "Jumlah": [44], target: [0.125]})
    separator, decimal = CSV_STYLES[lang]
    text = tables.write_frame(demo, frame, "judul", VIEW, lang, "csv").decode("utf-8-sig")
    assert text.splitlines()[1] == separator.join(["Jawa Barat", f"63{decimal}3", "44", f"0{decimal}125"])
    workbook = openpyxl.load_workbook(io.BytesIO(tables.write_frame(demo, frame, "judul", VIEW, lang, "xlsx")))
    data, about = workbook.worksheets
    assert data["B2"].value == 63.3 and data["B2"].number_format == tables.RATE_FORMAT
    assert data["C2"].value == 44 and data["D2"].value == 0.125
    notes = dict(about.iter_rows(values_only=True))
    assert notes[t("exports.about.numbers", lang)] == t("exports.about.numbers_rule", lang)
