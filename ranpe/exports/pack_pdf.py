"""The briefing pack as a PDF, drawn directly with reportlab: the same pages, texts, images and table as the
slide deck."""

from __future__ import annotations

import io
import threading
from html import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from ranpe.exports import images
from ranpe.exports.pack_content import (
    ACCENT_COLOUR,
    DEMO_COLOUR,
    FONT_DIR,
    LOWEST_COLUMN_WIDTHS_IN,
    MARKING_COLOUR,
    MUTED_COLOUR,
    SLIDE_HEIGHT_IN,
    SLIDE_WIDTH_IN,
    TEXT_COLOUR,
    PackContent,
)
from ranpe.exports.pack_pptx import (
    BADGE_HEIGHT_IN,
    BADGE_LEFT_IN,
    BADGE_TOP_IN,
    BODY_TOP_IN,
    COVER_BAND_HEIGHT_IN,
    COVER_BAND_TOP_IN,
    IMAGE_WIDTH_IN,
    NOTE_TOP_IN,
    PLAN_KPI_TOP_IN,
    SIDE_LEFT_IN,
    SIDE_WIDTH_IN,
    SOURCE_TOP_IN,
    SUBTITLE_TOP_IN,
    TITLE_TOP_IN,
    _obstacle_text,
    _obstacles_line,
)
from ranpe.i18n import t

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
        """Lines of text from (left, top) in inches, wrapped to width inches when given; returns the bottom."""
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

    def band(self, left, top, width, height, text: str, size: float) -> None:
        """White bold text centred on a filled band (the DEMO mark)."""
        self.canvas.setFillColor(_rgb(DEMO_COLOUR))
        self.canvas.rect(left * 72, self.height - (top + height) * 72, width * 72, height * 72, stroke=0, fill=1)
        self.canvas.setFont(self.bold, size)
        self.canvas.setFillColor(colors.white)
        baseline = self.height - (top + height / 2) * 72 - size * 0.35
        self.canvas.drawCentredString((left + width / 2) * 72, baseline, text)

    def new_page(self, title: str | None, subtitle: str = "") -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        lang = self.content.lang
        if self.content.marking:
            for top in (0.12, SLIDE_HEIGHT_IN - 0.4):
                self.text(0, top, self.content.marking, size=14, bold=True, colour=MARKING_COLOUR, align="center")
        if self.content.demo_band and title:
            width = SLIDE_WIDTH_IN - 0.4 - BADGE_LEFT_IN
            self.band(BADGE_LEFT_IN, BADGE_TOP_IN, width, BADGE_HEIGHT_IN, self.content.demo_band, 13)
        page_text = t("exports.pack.page", lang, page=self.page, pages=self.pages)
        self.text(SLIDE_WIDTH_IN - 0.4, SLIDE_HEIGHT_IN - 0.4, page_text, size=10, colour=MUTED_COLOUR, align="right")
        if title:
            self.text(0.5, TITLE_TOP_IN + 0.05, title, size=28, bold=True, colour=ACCENT_COLOUR)
            self.text(0.5, SUBTITLE_TOP_IN + 0.05, subtitle, size=14, colour=MUTED_COLOUR, width=SLIDE_WIDTH_IN - 1)

    def source(self, text: str) -> None:
        self.text(0.5, SOURCE_TOP_IN + 0.05, text, size=10, colour=MUTED_COLOUR, width=9.5)

    def write(self) -> bytes:
        content, lang = self.content, self.content.lang
        self.new_page(None)
        if content.demo_band:
            self.band(0, COVER_BAND_TOP_IN, SLIDE_WIDTH_IN, COVER_BAND_HEIGHT_IN, content.demo_band, 24)
        self.text(0.8, 1.9, content.title, size=40, bold=True, colour=ACCENT_COLOUR)
        self.text(0.8, 2.9, content.subtitle, size=22)
        self.text(0.8, 3.9, [content.period, content.filters_text, content.as_of, content.made], size=18, width=11.7)
        self.text(0.8, 6.35, content.source, size=11, colour=MUTED_COLOUR, width=9.5)

        self.new_page(t("exports.pack.kpi_title", lang), content.view)
        card_width = (SLIDE_WIDTH_IN - 1 - 0.3 * 3) / 4
        for index, (label, value, detail) in enumerate(content.kpis):
            left = 0.5 + index * (card_width + 0.3)
            self.text(left, 2.0, label, size=16, bold=True, width=card_width)
            self.text(left, 2.7, value, size=40, bold=True, colour=ACCENT_COLOUR)
            self.text(left, 3.9, detail, size=14, colour=MUTED_COLOUR, width=card_width)
        for index, (label, value, detail) in enumerate(content.plan_kpis):
            left = 0.5 + index * (card_width + 0.3)
            self.text(left, PLAN_KPI_TOP_IN, label, size=13, bold=True, width=card_width)
            self.text(left, PLAN_KPI_TOP_IN + 0.45, value, size=26, bold=True, colour=ACCENT_COLOUR)
            self.text(left, PLAN_KPI_TOP_IN + 1.0, detail, size=12, colour=MUTED_COLOUR, width=card_width)
        self.source(content.footer_source)

        for chart in content.charts:
            self.new_page(chart.title, chart.subtitle)
            image = ImageReader(io.BytesIO(chart.image_png))
            image_width = IMAGE_WIDTH_IN * 72
            image_height = image_width * images.PRESENTATION_HEIGHT_PX / images.PRESENTATION_WIDTH_PX
            image_top = self.height - BODY_TOP_IN * 72 - image_height
            self.canvas.drawImage(image, 0.4 * 72, image_top, image_width, image_height)
            self.text(SIDE_LEFT_IN, BODY_TOP_IN, t("exports.pack.key_numbers", lang), size=16, bold=True)
            top = BODY_TOP_IN + 0.55
            for number in chart.key_numbers:
                top = self.text(SIDE_LEFT_IN, top, number, size=14, width=SIDE_WIDTH_IN) + 0.1
            if chart.note:
                self.text(
                    SIDE_LEFT_IN, max(top, NOTE_TOP_IN), chart.note, size=12, colour=MUTED_COLOUR, width=SIDE_WIDTH_IN
                )
            self.source(chart.source)

        self.new_page(t("exports.pack.lowest_title", lang), content.lowest_subtitle)
        if content.lowest_rows:
            name_style = ParagraphStyle("name", fontName=self.regular, fontSize=12, leading=14)
            rows = [[row[0], Paragraph(escape(row[1]), name_style), *row[2:]] for row in content.lowest_rows]
            grid = Table(
                [content.lowest_header, *rows],
                colWidths=[w * 72 for w in LOWEST_COLUMN_WIDTHS_IN],
                minRowHeights=[0.36 * 72] * (len(rows) + 1),
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
            grid.drawOn(self.canvas, 0.5 * 72, self.height - BODY_TOP_IN * 72 - height)
            below = BODY_TOP_IN + height / 72 + 0.1
            self.text(0.5, below, content.lowest_note, size=12, colour=MUTED_COLOUR, width=SLIDE_WIDTH_IN - 1)
        else:
            self.text(0.5, BODY_TOP_IN, t("exports.pack.lowest_none", lang), size=16)
        self.source(content.footer_source)

        self.new_page(t("exports.pack.obstacles_title", lang), content.obstacles_subtitle)
        line = _obstacles_line(content)
        top = self.text(0.5, BODY_TOP_IN, line, size=14, colour=MUTED_COLOUR, width=12.3) + 0.1
        for item in content.obstacles:
            if top > SOURCE_TOP_IN - 0.5:
                break
            top = self.text(0.5, top, _obstacle_text(item, lang), size=12, width=12.3) + 0.12
        self.source(content.footer_source)
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def write_pdf(content: PackContent) -> bytes:
    """The same pack as a PDF, drawn directly (no office suite needed): same pages, texts, images, table."""
    return _PdfWriter(content).write()
