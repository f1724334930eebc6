"""The briefing pack: one content (figures, chart images, tables) written as a slide deck (.pptx) or a PDF."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from ranpe import charts
from ranpe.exports import images
from ranpe.i18n import fmt_date, fmt_int, fmt_num, fmt_pct, fmt_quarter, t
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store

FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
LOWEST_AGENCIES = 10
OBSTACLES_SHOWN = 6
OBSTACLE_CHARS = 220
# Every counted row (the page's action table shows at most dashboard.MAX_ACTION_ROWS).
MAX_COUNTED_ROWS = 1_000_000
CACHED_PACKS = 8
# The slide, 16:9, in inches; the PDF page is the same size in points (72 per inch).
SLIDE_WIDTH_IN = 13.333
SLIDE_HEIGHT_IN = 7.5
MARKING_COLOUR = (0xC0, 0x00, 0x00)
TEXT_COLOUR = (0x22, 0x22, 0x22)
MUTED_COLOUR = (0x55, 0x55, 0x55)
ACCENT_COLOUR = (0x00, 0x72, 0xB2)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

Progress = Callable[[float, str], None]


@dataclass
class ChartSlide:
    """One chart of the pack: its title, image (PNG), three key numbers and source line."""

    name: str
    title: str
    image_png: bytes
    key_numbers: list[str]
    source: str


@dataclass
class PackContent:
    """Everything a pack says, in one language; written alike to .pptx and .pdf."""

    lang: str
    marking: str | None
    title: str
    subtitle: str
    period: str
    filters_text: str
    as_of: str
    made: str
    source: str
    kpis: list[tuple[str, str, str]]
    charts: list[ChartSlide]
    lowest_header: list[str]
    lowest_rows: list[list[str]]
    obstacles: list[tuple[str, str, str]]
    obstacles_total: int
    summary: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Pack:
    """A written pack: its bytes, file name, media type, and whether it came from the cache."""

    data: bytes
    file_name: str
    media_type: str
    from_cache: bool


# -- content -----------------------------------------------------------------------------------------


def _period_text(filters: Filters, lang: str) -> str:
    quarter = fmt_quarter(filters.quarter, lang) if filters.quarter else t("dash.desc.latest", lang)
    return f"{t('dash.desc.year', lang, year=filters.year)} · {quarter}"


def kpi_rows(figures: dict, lang: str) -> list[tuple[str, str, str]]:
    """The KPI slide's (label, value, detail), from summary()."""
    completeness = figures["reporting_completeness"]
    return [
        (
            t("dash.kpi.commitment", lang),
            fmt_pct(figures["commitment_rate"], lang),
            t(
                "dash.kpi.committed_of",
                lang,
                committed=fmt_int(figures["actions_committed"], lang),
                planned=fmt_int(figures["actions_planned"], lang),
            ),
        ),
        (
            t("dash.kpi.involvement", lang),
            fmt_pct(figures["involvement_rate"], lang),
            t(
                "dash.kpi.involved_of",
                lang,
                involved=fmt_int(figures["agencies_involved"], lang),
                total=fmt_int(figures["agencies_total"], lang),
            ),
        ),
        (t("dash.kpi.target", lang), fmt_pct(figures["target_achievement"], lang), ""),
        (
            t("dash.kpi.completeness", lang),
            fmt_pct(completeness["rate"], lang),
            t(
                "dash.kpi.submitted_of",
                lang,
                submitted=fmt_int(completeness["submitted"], lang),
                expected=fmt_int(completeness["expected"], lang),
                quarter=fmt_quarter(completeness["quarter"], lang),
            )
            if completeness["quarter"]
            else "",
        ),
    ]


def _pillar_numbers(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        t(
            "exports.key.pillar",
            lang,
            pillar=int(row.pillar),
            rate=fmt_pct(row.rate, lang),
            committed=fmt_int(row.committed, lang),
            planned=fmt_int(row.planned, lang),
        )
        for row in frame.sort_values("pillar").itertuples()
    ][:3]


def _agency_numbers(frame: pd.DataFrame, figures: dict, lang: str) -> list[str]:
    return [
        t("exports.key.agencies_full", lang, count=fmt_int(int((frame["rate"] >= 1).sum()), lang)),
        t("exports.key.agencies_zero", lang, count=fmt_int(int((frame["rate"] <= 0).sum()), lang)),
        t(
            "exports.key.agencies_involved",
            lang,
            rate=fmt_pct(figures["involvement_rate"], lang),
            involved=fmt_int(figures["agencies_involved"], lang),
            total=fmt_int(figures["agencies_total"], lang),
        ),
    ]


def _map_numbers(regions: dict, lang: str) -> list[str]:
    national = regions["national"]
    numbers = [
        t(
            "exports.key.national",
            lang,
            rate=fmt_pct(national["rate"], lang),
            committed=fmt_int(national["committed"], lang),
            planned=fmt_int(national["planned"], lang),
        )
        if national
        else t("exports.key.none", lang)
    ]
    provinces = regions["provinces"]
    focus = provinces[provinces["is_focus"] & provinces["rate"].notna()].sort_values("rate")
    if len(focus):
        high, low = focus.iloc[-1], focus.iloc[0]
        numbers.append(t("exports.key.focus_high", lang, name=high["label"], rate=fmt_pct(high["rate"], lang)))
        numbers.append(t("exports.key.focus_low", lang, name=low["label"], rate=fmt_pct(low["rate"], lang)))
    return numbers


def _trend_numbers(frame: pd.DataFrame, lang: str) -> list[str]:
    overall = frame[frame["pillar"] == 0].sort_values(["year", "quarter"])
    if overall.empty:
        return []
    latest = overall.iloc[-1]
    numbers = [t("exports.key.trend_latest", lang, period=latest["period"], rate=fmt_pct(latest["rate"], lang))]
    if len(overall) > 1:
        before = overall.iloc[-2]
        change = (latest["rate"] - before["rate"]) * 100
        numbers.append(
            t(
                "exports.key.trend_change",
                lang,
                period=before["period"],
                delta=("+" if change >= 0 else "") + fmt_num(change, lang),
            )
        )
    best = overall.loc[overall["rate"].idxmax()]
    numbers.append(t("exports.key.trend_best", lang, period=best["period"], rate=fmt_pct(best["rate"], lang)))
    return numbers


def _lowest_agencies(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [
        t("dash.col.agency", lang),
        t("dash.col.agency_name", lang),
        t("dash.col.planned", lang),
        t("dash.col.committed", lang),
        t("dash.col.rate", lang),
    ]
    lowest = frame.sort_values(["rate", "planned", "short_name"], ascending=[True, False, True]).head(LOWEST_AGENCIES)
    rows = [
        [
            str(row.short_name),
            str(row.display_name),
            fmt_int(row.planned, lang),
            fmt_int(row.committed, lang),
            fmt_pct(row.rate, lang),
        ]
        for row in lowest.itertuples()
    ]
    return header, rows


def obstacle_summary(store: Store, filters: Filters) -> pd.DataFrame:
    """The obstacles reported in the counted rows, grouped by text: plans, K/L, most common follow-up; most first."""
    rows = store.query("measures/actions", max_rows=MAX_COUNTED_ROWS, **filters.params())
    text = rows["obstacles"].astype("string").str.strip()
    found = rows[text.notna() & (text != "")].assign(obstacle=text)
    if found.empty:
        return pd.DataFrame(columns=["obstacle", "plans", "agencies", "follow_up"])
    found = found.assign(agency=found["agency_short_name"].fillna(found["agency_code"]))
    grouped = found.groupby("obstacle", sort=False)
    summary_frame = pd.DataFrame(
        {
            "plans": grouped.size(),
            "agencies": grouped["agency"].agg(lambda names: ", ".join(sorted(set(names), key=str.lower))),
            "follow_up": grouped["follow_up"].agg(
                lambda values: values.dropna().mode().iloc[0] if values.notna().any() else ""
            ),
        }
    ).reset_index()
    return summary_frame.sort_values(["plans", "obstacle"], ascending=[False, True])


def _shorten(text: object, limit: int = OBSTACLE_CHARS) -> str:
    value = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def build_content(
    store: Store, filters: Filters, lang: str, marking: str | None = None, progress: Progress | None = None
) -> PackContent:
    """Read the figures and draw the charts for the filters (images by the warm renderer)."""
    say = progress or (lambda _fraction, _text: None)
    say(0.02, t("exports.pack.step_data", lang))
    figures = summary(store, filters)
    filters_text = dashboard.describe_filters(store, filters, lang)
    as_of = dashboard.as_of(store, filters)
    source = dashboard.source_text(store, lang)
    by_pillar = dashboard.by_pillar(store, filters, lang)
    by_agency = dashboard.by_agency(store, filters, lang)
    regions = dashboard.by_province(store, filters, lang)
    trend = dashboard.trend(store, filters, lang)
    trend_text = dashboard.describe_trend_filters(store, filters, lang)
    footer_source = charts.as_of_text(as_of, source, lang).replace("<br>", " · ")
    planned = [
        (
            "by_pillar",
            lambda: charts.fig_commitment_by_pillar(by_pillar, lang, filters_text, as_of, source),
            lambda: _pillar_numbers(by_pillar, lang),
            footer_source,
        ),
        (
            "map",
            lambda: charts.fig_province_map(regions["provinces"], lang, filters_text, as_of, source),
            lambda: _map_numbers(regions, lang),
            f"{footer_source} · {charts.map_attribution(lang)}",
        ),
        (
            "by_agency",
            lambda: charts.fig_commitment_by_agency(by_agency, lang, filters_text, as_of, source),
            lambda: _agency_numbers(by_agency, figures, lang),
            footer_source,
        ),
        (
            "trend",
            lambda: charts.fig_trend(trend, lang, trend_text, as_of, source),
            lambda: _trend_numbers(trend, lang),
            footer_source,
        ),
    ]
    slides = []
    for index, (name, make_figure, make_numbers, slide_source) in enumerate(planned):
        figure = make_figure()
        title = figure.layout.title.text.split("<br>")[0].replace("<b>", "").replace("</b>", "")
        say(0.1 + 0.8 * index / len(planned), t("exports.pack.step_chart", lang, chart=title))
        slides.append(ChartSlide(name, title, images.render(figure, "png"), make_numbers(), slide_source))
    header, rows = _lowest_agencies(by_agency, lang)
    reported = obstacle_summary(store, filters)
    return PackContent(
        lang=lang,
        marking=(marking or "").strip() or None,
        title=t("exports.pack.title", lang),
        subtitle=t("exports.pack.subtitle", lang),
        period=t("exports.pack.period", lang, period=_period_text(filters, lang)),
        filters_text=t("exports.pack.filters", lang, filters=filters_text),
        as_of=t("exports.pack.as_of", lang, date=fmt_date(as_of, lang) if as_of else "–"),
        made=t("exports.pack.made", lang, date=fmt_date(datetime.now(), lang, with_time=True)),
        source=footer_source,
        kpis=kpi_rows(figures, lang),
        charts=slides,
        lowest_header=header,
        lowest_rows=rows,
        obstacles=[
            (
                t("exports.pack.obstacle_where", lang, plans=fmt_int(row.plans, lang), agencies=row.agencies),
                _shorten(row.obstacle),
                _shorten(row.follow_up),
            )
            for row in reported.head(OBSTACLES_SHOWN).itertuples()
        ],
        obstacles_total=int(reported["plans"].sum()) if len(reported) else 0,
        summary=figures,
    )


# -- slide deck --------------------------------------------------------------------------------------


def _text_box(slide, left, top, width, height, lines, *, size=18, bold=False, colour=TEXT_COLOUR, align=None):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate([lines] if isinstance(lines, str) else lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        paragraph.font.color.rgb = RGBColor(*colour)
        if align is not None:
            paragraph.alignment = align
    return box


def _pptx_furniture(slide, content: PackContent, page: int, pages: int) -> None:
    if content.marking:
        for top in (0.08, SLIDE_HEIGHT_IN - 0.45):
            _text_box(
                slide,
                0.5,
                top,
                SLIDE_WIDTH_IN - 1,
                0.35,
                content.marking,
                size=14,
                bold=True,
                colour=MARKING_COLOUR,
                align=PP_ALIGN.CENTER,
            )
    _text_box(
        slide,
        SLIDE_WIDTH_IN - 3.2,
        SLIDE_HEIGHT_IN - 0.45,
        2.8,
        0.35,
        t("exports.pack.page", content.lang, page=page, pages=pages),
        size=10,
        colour=MUTED_COLOUR,
        align=PP_ALIGN.RIGHT,
    )


def _slide_title(slide, text: str) -> None:
    _text_box(slide, 0.5, 0.45, SLIDE_WIDTH_IN - 1, 0.7, text, size=28, bold=True, colour=ACCENT_COLOUR)


def write_pptx(content: PackContent) -> bytes:
    """The pack as a 16:9 slide deck: every number, table and line is real text."""
    deck = Presentation()
    deck.slide_width = Emu(Inches(SLIDE_WIDTH_IN))
    deck.slide_height = Emu(Inches(SLIDE_HEIGHT_IN))
    blank = deck.slide_layouts[6]
    pages = 4 + len(content.charts)
    lang = content.lang

    slide = deck.slides.add_slide(blank)
    _text_box(slide, 0.8, 1.8, 11.7, 1.0, content.title, size=40, bold=True, colour=ACCENT_COLOUR)
    _text_box(slide, 0.8, 2.8, 11.7, 0.6, content.subtitle, size=22)
    _text_box(slide, 0.8, 3.8, 11.7, 2.2, [content.period, content.filters_text, content.as_of, content.made], size=18)
    _text_box(slide, 0.8, 6.3, 9.5, 0.5, content.source, size=11, colour=MUTED_COLOUR)
    _pptx_furniture(slide, content, 1, pages)

    slide = deck.slides.add_slide(blank)
    _slide_title(slide, t("exports.pack.kpi_title", lang))
    _text_box(slide, 0.5, 1.1, 12.3, 0.4, content.period, size=14, colour=MUTED_COLOUR)
    card_width = (SLIDE_WIDTH_IN - 1 - 0.3 * 3) / 4
    for index, (label, value, detail) in enumerate(content.kpis):
        left = 0.5 + index * (card_width + 0.3)
        _text_box(slide, left, 2.0, card_width, 0.6, label, size=16, bold=True)
        _text_box(slide, left, 2.7, card_width, 1.0, value, size=40, bold=True, colour=ACCENT_COLOUR)
        _text_box(slide, left, 3.9, card_width, 1.0, detail, size=14, colour=MUTED_COLOUR)
    _text_box(slide, 0.5, 6.3, 9.5, 0.5, content.source, size=11, colour=MUTED_COLOUR)
    _pptx_furniture(slide, content, 2, pages)

    for index, chart in enumerate(content.charts):
        slide = deck.slides.add_slide(blank)
        _slide_title(slide, chart.title)
        image_width = 9.0
        slide.shapes.add_picture(io.BytesIO(chart.image_png), Inches(0.4), Inches(1.25), width=Inches(image_width))
        _text_box(slide, 9.7, 1.4, 3.2, 0.5, t("exports.pack.key_numbers", lang), size=16, bold=True)
        _text_box(slide, 9.7, 1.95, 3.2, 4.2, chart.key_numbers, size=14)
        _text_box(slide, 0.5, 6.45, 9.5, 0.5, chart.source, size=10, colour=MUTED_COLOUR)
        _pptx_furniture(slide, content, 3 + index, pages)

    slide = deck.slides.add_slide(blank)
    _slide_title(slide, t("exports.pack.lowest_title", lang))
    if content.lowest_rows:
        shape = slide.shapes.add_table(
            len(content.lowest_rows) + 1,
            len(content.lowest_header),
            Inches(0.5),
            Inches(1.3),
            Inches(SLIDE_WIDTH_IN - 1),
            Inches(0.4 * (len(content.lowest_rows) + 1)),
        )
        grid = shape.table
        for column, width in enumerate((1.6, 5.5, 1.9, 1.9, 1.43)):
            grid.columns[column].width = Inches(width)
        for row_number, row in enumerate([content.lowest_header, *content.lowest_rows]):
            for column, value in enumerate(row):
                cell = grid.cell(row_number, column)
                cell.text = value
                paragraph = cell.text_frame.paragraphs[0]
                paragraph.font.size = Pt(13)
                paragraph.font.bold = row_number == 0
                if column >= 2:
                    paragraph.alignment = PP_ALIGN.RIGHT
    else:
        _text_box(slide, 0.5, 1.4, 12, 0.5, t("exports.pack.lowest_none", lang), size=16)
    _text_box(slide, 0.5, 6.45, 9.5, 0.5, content.source, size=10, colour=MUTED_COLOUR)
    _pptx_furniture(slide, content, pages - 1, pages)

    slide = deck.slides.add_slide(blank)
    _slide_title(slide, t("exports.pack.obstacles_title", lang))
    _text_box(slide, 0.5, 1.2, 12.3, 0.8, _obstacles_line(content), size=14, colour=MUTED_COLOUR)
    lines = [_obstacle_text(item, lang) for item in content.obstacles]
    if lines:
        _text_box(slide, 0.5, 1.7, 12.3, 4.6, lines, size=12)
    _text_box(slide, 0.5, 6.45, 9.5, 0.5, content.source, size=10, colour=MUTED_COLOUR)
    _pptx_furniture(slide, content, pages, pages)

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _obstacles_line(content: PackContent) -> str:
    if not content.obstacles_total:
        return t("exports.pack.obstacles_none", content.lang)
    return t(
        "exports.pack.obstacles_count",
        content.lang,
        count=fmt_int(content.obstacles_total, content.lang),
        shown=fmt_int(len(content.obstacles), content.lang),
    )


def _obstacle_text(item: tuple[str, str, str], lang: str) -> str:
    where, obstacle, follow_up = item
    text = f"{obstacle} ({where})"
    return f"{text} → {t('exports.pack.follow_up', lang)}: {follow_up}" if follow_up else text


# -- PDF ---------------------------------------------------------------------------------------------

_font_lock = threading.Lock()


def _fonts() -> tuple[str, str]:
    """DejaVu Sans when installed (any Unicode in K/L names and obstacles), else Helvetica."""
    with _font_lock:
        if "PackSans" in pdfmetrics.getRegisteredFontNames():
            return "PackSans", "PackSans-Bold"
        regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("PackSans", str(regular)))
            pdfmetrics.registerFont(TTFont("PackSans-Bold", str(bold)))
            return "PackSans", "PackSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _rgb(colour: tuple[int, int, int]) -> colors.Color:
    return colors.Color(*(c / 255 for c in colour))


class _PdfWriter:
    """Draws the pack's pages on a reportlab canvas, top-left coordinates in inches."""

    def __init__(self, content: PackContent) -> None:
        self.content = content
        self.buffer = io.BytesIO()
        self.width, self.height = SLIDE_WIDTH_IN * 72, SLIDE_HEIGHT_IN * 72
        self.canvas = pdf_canvas.Canvas(self.buffer, pagesize=(self.width, self.height))
        self.canvas.setTitle(content.title)
        self.regular, self.bold = _fonts()
        self.page = 0
        self.pages = 4 + len(content.charts)

    def text(self, left, top, lines, *, size=18, bold=False, colour=TEXT_COLOUR, width=None, align="left"):
        """Lines of text from (left, top) in inches, wrapped to width inches when given."""
        font = self.bold if bold else self.regular
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(_rgb(colour))
        y = self.height - top * 72 - size
        for line in [lines] if isinstance(lines, str) else lines:
            for part in self._wrap(line, font, size, width * 72 if width else None):
                if align == "center":
                    self.canvas.drawCentredString(self.width / 2, y, part)
                elif align == "right":
                    self.canvas.drawRightString(left * 72, y, part)
                else:
                    self.canvas.drawString(left * 72, y, part)
                y -= size * 1.3
        return (self.height - y) / 72

    def _wrap(self, line: str, font: str, size: float, width: float | None) -> list[str]:
        if width is None:
            return [line]
        parts, current = [], ""
        for word in line.split(" "):
            candidate = f"{current} {word}".strip()
            if current and pdfmetrics.stringWidth(candidate, font, size) > width:
                parts.append(current)
                current = word
            else:
                current = candidate
        return [*parts, current]

    def new_page(self, title: str | None) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        lang = self.content.lang
        if self.content.marking:
            for top in (0.12, SLIDE_HEIGHT_IN - 0.4):
                self.text(0, top, self.content.marking, size=14, bold=True, colour=MARKING_COLOUR, align="center")
        page_text = t("exports.pack.page", lang, page=self.page, pages=self.pages)
        self.text(SLIDE_WIDTH_IN - 0.4, SLIDE_HEIGHT_IN - 0.4, page_text, size=10, colour=MUTED_COLOUR, align="right")
        if title:
            self.text(0.5, 0.5, title, size=28, bold=True, colour=ACCENT_COLOUR)

    def source(self, text: str) -> None:
        self.text(0.5, SLIDE_HEIGHT_IN - 0.95, text, size=10, colour=MUTED_COLOUR, width=9.5)

    def write(self) -> bytes:
        content, lang = self.content, self.content.lang
        self.new_page(None)
        self.text(0.8, 1.9, content.title, size=40, bold=True, colour=ACCENT_COLOUR)
        self.text(0.8, 2.9, content.subtitle, size=22)
        self.text(0.8, 3.9, [content.period, content.filters_text, content.as_of, content.made], size=18, width=11.7)
        self.source(content.source)

        self.new_page(t("exports.pack.kpi_title", lang))
        self.text(0.5, 1.15, content.period, size=14, colour=MUTED_COLOUR)
        card_width = (SLIDE_WIDTH_IN - 1 - 0.3 * 3) / 4
        for index, (label, value, detail) in enumerate(content.kpis):
            left = 0.5 + index * (card_width + 0.3)
            self.text(left, 2.0, label, size=16, bold=True, width=card_width)
            self.text(left, 2.7, value, size=40, bold=True, colour=ACCENT_COLOUR)
            self.text(left, 3.9, detail, size=14, colour=MUTED_COLOUR, width=card_width)
        self.source(content.source)

        for chart in content.charts:
            self.new_page(chart.title)
            image = ImageReader(io.BytesIO(chart.image_png))
            image_width = 9.0 * 72
            image_height = image_width * images.PRESENTATION_HEIGHT_PX / images.PRESENTATION_WIDTH_PX
            self.canvas.drawImage(image, 0.4 * 72, self.height - 1.25 * 72 - image_height, image_width, image_height)
            self.text(9.7, 1.4, t("exports.pack.key_numbers", lang), size=16, bold=True)
            top = 1.95
            for number in chart.key_numbers:
                top = self.text(9.7, top, number, size=14, width=3.2) + 0.1
            self.source(chart.source)

        self.new_page(t("exports.pack.lowest_title", lang))
        if content.lowest_rows:
            name_style = ParagraphStyle("name", fontName=self.regular, fontSize=12, leading=14)
            rows = [[row[0], Paragraph(escape(row[1]), name_style), *row[2:]] for row in content.lowest_rows]
            grid = Table(
                [content.lowest_header, *rows],
                colWidths=[w * 72 for w in (1.6, 5.5, 1.9, 1.9, 1.43)],
                minRowHeights=[0.38 * 72] * (len(rows) + 1),
            )
            grid.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), self.regular, 12),
                        ("FONT", (0, 0), (-1, 0), self.bold, 12),
                        ("BACKGROUND", (0, 0), (-1, 0), _rgb(ACCENT_COLOUR)),
                        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ]
                )
            )
            _width, height = grid.wrapOn(self.canvas, self.width, self.height)
            grid.drawOn(self.canvas, 0.5 * 72, self.height - 1.3 * 72 - height)
        else:
            self.text(0.5, 1.4, t("exports.pack.lowest_none", lang), size=16)
        self.source(content.source)

        self.new_page(t("exports.pack.obstacles_title", lang))
        top = self.text(0.5, 1.2, _obstacles_line(content), size=14, colour=MUTED_COLOUR, width=12.3) + 0.1
        for item in content.obstacles:
            if top > SLIDE_HEIGHT_IN - 1.6:
                break
            top = self.text(0.5, top, _obstacle_text(item, lang), size=12, width=12.3) + 0.12
        self.source(content.source)
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def write_pdf(content: PackContent) -> bytes:
    """The same pack as a PDF, drawn directly (no office suite needed): same pages, texts, images, table."""
    return _PdfWriter(content).write()


# -- building with a cache ---------------------------------------------------------------------------

_cache_lock = threading.Lock()
_content_cache: OrderedDict[tuple, PackContent] = OrderedDict()
_pack_cache: OrderedDict[tuple, bytes] = OrderedDict()


def _remember(cache: OrderedDict, key: tuple, value) -> None:
    with _cache_lock:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > CACHED_PACKS:
            cache.popitem(last=False)


def _recall(cache: OrderedDict, key: tuple):
    with _cache_lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    return None


def clear_cache() -> None:
    """Forget every cached pack (tests, the benchmark's cold run)."""
    with _cache_lock:
        _content_cache.clear()
        _pack_cache.clear()


def pack_file_name(filters: Filters, lang: str, file_format: str, marking: str | None = None) -> str:
    """bahan-paparan_2023-TW3_id.pptx (with the marking, when given, in front of the language)."""
    name = images.file_name("pack", filters, lang, file_format)
    if marking and marking.strip():
        stem, _, rest = name.rpartition(f"_{lang}.")
        name = f"{stem}_{images._slug(marking.strip()).upper()}_{lang}.{rest}"
    return name


def build_pack(
    store: Store,
    filters: Filters,
    lang: str,
    file_format: str,
    marking: str | None = None,
    progress: Progress | None = None,
) -> Pack:
    """The pack for the filters as .pptx or .pdf; unchanged data, filters, language and marking come from cache."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown pack format: {file_format}")
    say = progress or (lambda _fraction, _text: None)
    marking = (marking or "").strip() or None
    content_key = (str(store.path), store.data_version(), filters, lang, marking)
    name = pack_file_name(filters, lang, file_format, marking)
    written = _recall(_pack_cache, (*content_key, file_format))
    if written is not None:
        say(1.0, t("exports.pack.cached", lang))
        return Pack(written, name, FORMATS[file_format], True)
    content = _recall(_content_cache, content_key)
    if content is None:
        content = build_content(store, filters, lang, marking, say)
        _remember(_content_cache, content_key, content)
    say(0.92, t("exports.pack.step_file", lang, kind=file_format.upper()))
    written = write_pptx(content) if file_format == "pptx" else write_pdf(content)
    _remember(_pack_cache, (*content_key, file_format), written)
    say(1.0, t("exports.pack.ready", lang))
    return Pack(written, name, FORMATS[file_format], False)
