"""The briefing pack as a slide deck (.pptx): the cover, the key figures, a slide per chart, the lowest K/L, the
obstacles; the places of things on a slide, which the PDF pages share."""

from __future__ import annotations

import io
from functools import partial

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ranpe.exports.pack_content import (
    ACCENT_COLOUR,
    DEMO_COLOUR,
    LOWEST_COLUMN_WIDTHS_IN,
    MARKING_COLOUR,
    MUTED_COLOUR,
    SLIDE_HEIGHT_IN,
    SLIDE_WIDTH_IN,
    TEXT_COLOUR,
    ChartSlide,
    PackContent,
)
from ranpe.i18n import fmt_int, t

# -- slide deck --------------------------------------------------------------------------------------
# Where things sit, in inches from a slide's top-left corner; the PDF pages use the same places.
TITLE_TOP_IN = 0.45
SUBTITLE_TOP_IN = 1.08
BODY_TOP_IN = 1.55
IMAGE_WIDTH_IN = 8.6
SIDE_LEFT_IN = 9.3
SIDE_WIDTH_IN = 3.6
NOTE_TOP_IN = 5.2
SOURCE_TOP_IN = 6.5
# The KPI slide's second row (the measures that need the catalogue), between the first row and the source line.
PLAN_KPI_TOP_IN = 4.85
FOOTER_TOP_IN = SLIDE_HEIGHT_IN - 0.45
# The DEMO badge at the top right of every slide; on the cover, a band across the slide.
BADGE_LEFT_IN = 8.3
BADGE_TOP_IN = 0.08
BADGE_HEIGHT_IN = 0.34
COVER_BAND_TOP_IN = 0.75
COVER_BAND_HEIGHT_IN = 0.7


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


def _pptx_band(slide, left, top, width, height, text: str, size: int) -> None:
    """White bold text on a filled band: the DEMO mark, seen before any figure is read."""
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(width), Inches(height))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor(*DEMO_COLOUR)
    band.line.fill.background()
    band.shadow.inherit = False
    frame = band.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for side in ("margin_top", "margin_bottom"):
        setattr(frame, side, Inches(0.02))
    paragraph = frame.paragraphs[0]
    paragraph.text = text
    paragraph.alignment = PP_ALIGN.CENTER
    paragraph.font.size = Pt(size)
    paragraph.font.bold = True
    paragraph.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _pptx_furniture(slide, content: PackContent, page: int, pages: int) -> None:
    if content.marking:
        for top in (0.08, FOOTER_TOP_IN):
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
    if content.demo_band and page > 1:
        width = SLIDE_WIDTH_IN - 0.4 - BADGE_LEFT_IN
        _pptx_band(slide, BADGE_LEFT_IN, BADGE_TOP_IN, width, BADGE_HEIGHT_IN, content.demo_band, 13)
    _text_box(
        slide,
        SLIDE_WIDTH_IN - 3.2,
        FOOTER_TOP_IN,
        2.8,
        0.35,
        t("exports.pack.page", content.lang, page=page, pages=pages),
        size=10,
        colour=MUTED_COLOUR,
        align=PP_ALIGN.RIGHT,
    )


def _slide_heading(slide, title: str, subtitle: str) -> None:
    _text_box(slide, 0.5, TITLE_TOP_IN, SLIDE_WIDTH_IN - 1, 0.6, title, size=28, bold=True, colour=ACCENT_COLOUR)
    _text_box(slide, 0.5, SUBTITLE_TOP_IN, SLIDE_WIDTH_IN - 1, 0.4, subtitle, size=14, colour=MUTED_COLOUR)


def _slide_source(slide, text: str) -> None:
    _text_box(slide, 0.5, SOURCE_TOP_IN, 9.5, 0.5, text, size=10, colour=MUTED_COLOUR)


def write_pptx(content: PackContent) -> bytes:
    """The pack as a 16:9 slide deck: every number, table and line is real text."""
    deck = Presentation()
    deck.slide_width = Emu(Inches(SLIDE_WIDTH_IN))
    deck.slide_height = Emu(Inches(SLIDE_HEIGHT_IN))
    blank = deck.slide_layouts[6]
    kinds = [
        _cover_slide,
        _key_figures_slide,
        *(partial(_chart_slide, chart) for chart in content.charts),
        _lowest_slide,
        _obstacles_slide,
    ]
    for page, draw in enumerate(kinds, start=1):
        slide = deck.slides.add_slide(blank)
        draw(slide, content)
        _pptx_furniture(slide, content, page, len(kinds))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _cover_slide(slide, content: PackContent) -> None:
    """The first slide: the pack's title, its period, filters, data date and when it was made."""
    if content.demo_band:
        _pptx_band(slide, 0, COVER_BAND_TOP_IN, SLIDE_WIDTH_IN, COVER_BAND_HEIGHT_IN, content.demo_band, 24)
    _text_box(slide, 0.8, 1.8, 11.7, 1.0, content.title, size=40, bold=True, colour=ACCENT_COLOUR)
    _text_box(slide, 0.8, 2.8, 11.7, 0.6, content.subtitle, size=22)
    _text_box(slide, 0.8, 3.8, 11.7, 2.2, [content.period, content.filters_text, content.as_of, content.made], size=18)
    _text_box(slide, 0.8, 6.3, 9.5, 0.5, content.source, size=11, colour=MUTED_COLOUR)


def _key_figures_slide(slide, content: PackContent) -> None:
    """The key figures as cards (and the plan's second row of cards, with an action catalogue)."""
    lang = content.lang
    _slide_heading(slide, t("exports.pack.kpi_title", lang), content.view)
    card_width = (SLIDE_WIDTH_IN - 1 - 0.3 * 3) / 4
    for index, (label, value, detail) in enumerate(content.kpis):
        left = 0.5 + index * (card_width + 0.3)
        _text_box(slide, left, 2.0, card_width, 0.6, label, size=16, bold=True)
        _text_box(slide, left, 2.7, card_width, 1.0, value, size=40, bold=True, colour=ACCENT_COLOUR)
        _text_box(slide, left, 3.9, card_width, 1.0, detail, size=14, colour=MUTED_COLOUR)
    for index, (label, value, detail) in enumerate(content.plan_kpis):
        left = 0.5 + index * (card_width + 0.3)
        _text_box(slide, left, PLAN_KPI_TOP_IN, card_width, 0.4, label, size=13, bold=True)
        _text_box(slide, left, PLAN_KPI_TOP_IN + 0.45, card_width, 0.6, value, size=26, bold=True, colour=ACCENT_COLOUR)
        _text_box(slide, left, PLAN_KPI_TOP_IN + 1.0, card_width, 0.4, detail, size=12, colour=MUTED_COLOUR)
    _slide_source(slide, content.footer_source)


def _chart_slide(chart: ChartSlide, slide, content: PackContent) -> None:
    """A chart's image, its key numbers and note beside it."""
    lang = content.lang
    _slide_heading(slide, chart.title, chart.subtitle)
    slide.shapes.add_picture(
        io.BytesIO(chart.image_png), Inches(0.4), Inches(BODY_TOP_IN), width=Inches(IMAGE_WIDTH_IN)
    )
    _text_box(
        slide,
        SIDE_LEFT_IN,
        BODY_TOP_IN,
        SIDE_WIDTH_IN,
        0.5,
        t("exports.pack.key_numbers", lang),
        size=16,
        bold=True,
    )
    _text_box(slide, SIDE_LEFT_IN, BODY_TOP_IN + 0.55, SIDE_WIDTH_IN, 3.0, chart.key_numbers, size=14)
    if chart.note:
        _text_box(slide, SIDE_LEFT_IN, NOTE_TOP_IN, SIDE_WIDTH_IN, 1.2, chart.note, size=12, colour=MUTED_COLOUR)
    _slide_source(slide, chart.source)


def _lowest_slide(slide, content: PackContent) -> None:
    """The K/L with the lowest commitment rate, as a table."""
    lang = content.lang
    _slide_heading(slide, t("exports.pack.lowest_title", lang), content.lowest_subtitle)
    if content.lowest_rows:
        shape = slide.shapes.add_table(
            len(content.lowest_rows) + 1,
            len(content.lowest_header),
            Inches(0.5),
            Inches(BODY_TOP_IN),
            Inches(SLIDE_WIDTH_IN - 1),
            Inches(0.38 * (len(content.lowest_rows) + 1)),
        )
        grid = shape.table
        for column, width in enumerate(LOWEST_COLUMN_WIDTHS_IN):
            grid.columns[column].width = Inches(width)
        for row_number, row in enumerate([content.lowest_header, *content.lowest_rows]):
            for column, value in enumerate(row):
                cell = grid.cell(row_number, column)
                cell.text = value
                paragraph = cell.text_frame.paragraphs[0]
                paragraph.font.size = Pt(12)
                paragraph.font.bold = row_number == 0
                if column >= 2:
                    paragraph.alignment = PP_ALIGN.RIGHT
        _text_box(slide, 0.5, 6.05, SLIDE_WIDTH_IN - 1, 0.4, content.lowest_note, size=12, colour=MUTED_COLOUR)
    else:
        _text_box(slide, 0.5, BODY_TOP_IN, 12, 0.5, t("exports.pack.lowest_none", lang), size=16)
    _slide_source(slide, content.footer_source)


def _obstacles_slide(slide, content: PackContent) -> None:
    """How many obstacle texts the view has, and those shown with their follow-up."""
    lang = content.lang
    _slide_heading(slide, t("exports.pack.obstacles_title", lang), content.obstacles_subtitle)
    _text_box(slide, 0.5, BODY_TOP_IN, 12.3, 0.5, _obstacles_line(content), size=14, colour=MUTED_COLOUR)
    lines = [_obstacle_text(item, lang) for item in content.obstacles]
    if lines:
        _text_box(slide, 0.5, BODY_TOP_IN + 0.5, 12.3, 4.4, lines, size=12)
    _slide_source(slide, content.footer_source)


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
