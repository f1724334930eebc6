"""The briefing pack: one content (figures, chart images, tables) written as a slide deck (.pptx) or a PDF."""

from __future__ import annotations

import io
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
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
from ranpe.plan.periods import Groups
from ranpe.store.connection import Store

FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
LOWEST_AGENCIES = 10
# Bars that stay readable on one slide (about 16 pt each); with more K/L, the highest and lowest half of this.
AGENCIES_ON_SLIDE = 20
# The chart image on a slide has no title nor data line (the slide's text says them): room for a legend only.
SLIDE_FIGURE_MARGIN_PX = 40
# Text in a slide's chart (before images.PRESENTATION_FONT_SCALE): about 11 pt on the slide.
SLIDE_FONT_PX = 20
PERCENT_TICKS = (0, 0.25, 0.5, 0.75, 1)
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
# Dark orange: white bold text on it reads at about 5:1.
DEMO_COLOUR = (0xB3, 0x47, 0x00)
LOWEST_COLUMN_WIDTHS_IN = (1.6, 5.0, 2.15, 2.15, 1.43)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

Progress = Callable[[float, str], None]


@dataclass
class ChartSlide:
    """One chart of the pack: its title, the line saying what is drawn, image (PNG), key numbers, note and source."""

    name: str
    title: str
    subtitle: str
    image_png: bytes
    key_numbers: list[str]
    source: str
    note: str = ""
    # The categories on the chart's axis when they are periods (the trend): what the subtitle names.
    periods: tuple[str, ...] = ()


@dataclass
class PackContent:
    """Everything a pack says, in one language; written alike to .pptx and .pdf."""

    lang: str
    marking: str | None
    demo_band: str | None
    title: str
    subtitle: str
    period: str
    filters_text: str
    as_of: str
    made: str
    source: str
    footer_source: str
    view: str
    kpis: list[tuple[str, str, str]]
    charts: list[ChartSlide]
    lowest_subtitle: str
    lowest_header: list[str]
    lowest_rows: list[list[str]]
    lowest_note: str
    obstacles_subtitle: str
    obstacles: list[tuple[str, str, str]]
    obstacles_total: int
    summary: dict = field(default_factory=dict)
    # With an action catalogue: report coverage, lead commitment, cumulative implementation (a second row of cards).
    plan_kpis: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Pack:
    """A written pack: its bytes, file name, media type, and whether it came from the cache."""

    data: bytes
    file_name: str
    media_type: str
    from_cache: bool


# -- content -----------------------------------------------------------------------------------------


def period_text(filters: Filters, lang: str) -> str:
    """The pack's period: 'Tahun 2023 · TW II', or 'Tahun 2023 · triwulan terakhir tiap K/L'."""
    quarter = fmt_quarter(filters.quarter, lang) if filters.quarter else t("dash.desc.latest", lang)
    return f"{t('dash.desc.year', lang, year=filters.year)} · {quarter}"


def scope_text(store: Store, filters: Filters, lang: str) -> str:
    """The filters besides the period: 'Pilar 1 · BNPT · Jawa Barat', or 'semua pilar, K/L dan wilayah'."""
    parts = []
    if filters.pillar:
        parts.append(dashboard.pillar_short(store, filters, lang))
    if filters.agency:
        parts.append(dashboard.agency_label(store, filters.agency, lang))
    if filters.province:
        parts.append(dashboard.province_label(store, filters.province, lang))
    return " · ".join(parts) if parts else dashboard.every_in_view(store, filters, lang)


def _subtitle(period: str, scope: str, unit_key: str | None, lang: str) -> str:
    """What a slide shows: its periods, its filters and, for a figure, the unit counted."""
    parts = [period, scope]
    if unit_key:
        parts.append(t("exports.unit.line", lang, unit=t(unit_key, lang)))
    return " · ".join(parts)


def pack_trend(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """The trend up to the pack's quarter (or the end of its year): never a period after the one chosen.

    With a pillar chosen, only that pillar's line: the all-pillars line would be the same line again."""
    frame = dashboard.trend(store, filters, lang)
    last = (filters.year, filters.quarter or 4)
    shown = [(int(year), int(quarter)) <= last for year, quarter in zip(frame["year"], frame["quarter"], strict=True)]
    frame = frame[shown]
    if filters.pillar:
        frame = frame[frame["pillar"] == filters.pillar]
    return frame.sort_values(["year", "quarter", "pillar"]).reset_index(drop=True)


def trend_periods(frame: pd.DataFrame) -> tuple[str, ...]:
    """The periods on the trend's axis, oldest first."""
    return tuple(dict.fromkeys(frame.sort_values(["year", "quarter"])["period"]))


def agencies_on_slide(frame: pd.DataFrame) -> pd.DataFrame:
    """The K/L a slide can show readably: all of them, or the highest and the lowest AGENCIES_ON_SLIDE // 2."""
    if len(frame) <= AGENCIES_ON_SLIDE:
        return frame
    half = AGENCIES_ON_SLIDE // 2
    return pd.concat([frame.iloc[:half], frame.iloc[-half:]])


def kpi_rows(figures: dict, lang: str) -> list[tuple[str, str, str]]:
    """The KPI slide's (label, value, detail naming the unit), from summary()."""
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
        (
            t("dash.kpi.target", lang),
            fmt_pct(figures["target_achievement"], lang),
            t("exports.key.target_unit", lang) if figures["target_achievement"] is not None else "",
        ),
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


# The key numbers beside the group chart: every group up to this many; beyond, the highest and lowest rates.
KEY_GROUPS = 4


def plan_kpi_rows(figures: dict, lang: str) -> list[tuple[str, str, str]]:
    """The measures that need the catalogue as KPI cards (label, value, detail), none without a catalogue. The
    cumulative card names the year it runs through, not the period (no slide names a year after the pack's)."""
    if figures.get("coverage") is None:
        return []
    coverage, lead, cumulative = figures["coverage"], figures["lead_commitment"], figures["cumulative"]

    def of(part: int, whole: int) -> str:
        return t("measure.of", lang, part=fmt_int(part, lang), whole=fmt_int(whole, lang))

    return [
        (t("measure.coverage", lang), fmt_pct(coverage["rate"], lang), of(coverage["reported"], coverage["catalogue"])),
        (
            t("measure.lead_commitment", lang),
            fmt_pct(lead["rate"], lang),
            of(lead["committed_by_lead"], lead["planned"]),
        ),
        (
            t("measure.cumulative_through", lang, year=cumulative["through_year"]),
            fmt_pct(cumulative["rate"], lang),
            of(cumulative["committed"], cumulative["catalogue"]),
        ),
    ]


def _pillar_numbers(frame: pd.DataFrame, lang: str, named: Groups) -> list[str]:
    rows = frame.sort_values("pillar")
    if len(rows) > KEY_GROUPS:
        ranked = rows.sort_values(["rate", "pillar"], ascending=[False, True])
        rows = pd.concat([ranked.head(KEY_GROUPS // 2), ranked.tail(KEY_GROUPS - KEY_GROUPS // 2)])
    return [
        t(
            "period.key.group",
            lang,
            group=named.short(int(row.pillar), lang),
            rate=fmt_pct(row.rate, lang),
            committed=fmt_int(row.committed, lang),
            planned=fmt_int(row.planned, lang),
        )
        for row in rows.itertuples()
    ]


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
    focus = provinces[provinces["is_focus"] & provinces["rate"].notna()].sort_values(["rate", "label"])
    if len(focus):
        for key, row in (("exports.key.focus_high", focus.iloc[-1]), ("exports.key.focus_low", focus.iloc[0])):
            numbers.append(
                t(
                    key,
                    lang,
                    name=row["label"],
                    rate=fmt_pct(row["rate"], lang),
                    committed=fmt_int(row["committed"], lang),
                    planned=fmt_int(row["planned"], lang),
                )
            )
    return numbers


def _points(change: float, lang: str) -> str:
    """A change in percentage points with its sign; no sign when it rounds to nothing."""
    shown = fmt_num(abs(change), lang)
    if shown == fmt_num(0, lang):
        return shown
    return ("+" if change > 0 else "−") + shown


def _trend_numbers(frame: pd.DataFrame, filters: Filters, lang: str) -> list[str]:
    line = frame[frame["pillar"] == (filters.pillar or 0)].sort_values(["year", "quarter"])
    if line.empty:
        return []
    latest = line.iloc[-1]
    numbers = [
        t(
            "exports.key.trend_latest",
            lang,
            period=latest["period"],
            rate=fmt_pct(latest["rate"], lang),
            committed=fmt_int(latest["committed"], lang),
            planned=fmt_int(latest["planned"], lang),
            series=latest["series"].lower() if latest["pillar"] == 0 else latest["series"],
        )
    ]
    if len(line) > 1:
        before = line.iloc[-2]
        change = (latest["rate"] - before["rate"]) * 100
        numbers.append(t("exports.key.trend_change", lang, period=before["period"], delta=_points(change, lang)))
    best = line[line["rate"] == line["rate"].max()].iloc[-1]
    numbers.append(
        t(
            "exports.key.trend_best",
            lang,
            period=best["period"],
            rate=fmt_pct(best["rate"], lang),
            committed=fmt_int(best["committed"], lang),
            planned=fmt_int(best["planned"], lang),
        )
    )
    return numbers


def _lowest_agencies(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [
        t("dash.col.agency", lang),
        t("dash.col.agency_name", lang),
        t("exports.col.actions_planned", lang),
        t("exports.col.actions_committed", lang),
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


def obstacle_theme_slide(
    store: Store,
    filters: Filters,
    lang: str,
    filters_text: str,
    as_of: datetime | None,
    source: str,
    footer_source: str,
) -> ChartSlide:
    """The slide of obstacle themes per pillar (DOMAIN.md, "Obstacles"): the page's grid, the texts and open ones,
    and the three themes named most."""
    figure = charts.fig_obstacle_themes_by_pillar(
        dashboard.obstacle_themes_by_pillar(store, filters, lang), lang, filters_text, as_of, source
    )
    totals = dashboard.obstacle_totals(store, filters)
    numbers = [t("obs.pack.key_none", lang)]
    if totals["texts"]:
        counts = dashboard.obstacle_theme_counts(store, filters, lang)
        named = counts[counts["texts"] > 0].sort_values(["texts", "position"], ascending=[False, True]).head(3)
        numbers = [
            t("obs.pack.key_texts", lang, texts=fmt_int(totals["texts"], lang), open=fmt_int(totals["open"], lang)),
            *(
                t(
                    "obs.pack.key_theme",
                    lang,
                    name=row.name,
                    texts=fmt_int(row.texts, lang),
                    open=fmt_int(row.open, lang),
                )
                for row in named.itertuples()
            ),
        ]
    return ChartSlide(
        name="obstacle_themes",
        title=charts.obstacle_title("obs.chart.by_pillar", lang),
        subtitle=filters_text,
        image_png=images.render(slide_figure(figure, source, lang), "png"),
        key_numbers=numbers,
        source=footer_source,
    )


def _shorten(text: object, limit: int = OBSTACLE_CHARS) -> str:
    value = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _squash(text: str | None) -> str:
    return re.sub(r"<br>|\s", "", text or "")


def slide_figure(figure: go.Figure, source: str, lang: str) -> go.Figure:
    """The page's figure for a slide: without its title and data line (the slide says them in text, where they are
    found and read), every axis given room for its labels, percent ticks written in the language."""
    copy = go.Figure(figure)
    copy.update_layout(
        title_text="", margin_t=SLIDE_FIGURE_MARGIN_PX, margin_b=SLIDE_FIGURE_MARGIN_PX, font_size=SLIDE_FONT_PX
    )
    # A colour bar's font is the trace's own, not scaled with the layout's.
    colour_bar_px = round(SLIDE_FONT_PX * images.PRESENTATION_FONT_SCALE)
    copy.update_traces(
        colorbar_tickfont_size=colour_bar_px, colorbar_title_font_size=colour_bar_px, selector={"type": "choroplethmap"}
    )
    # The data line is the annotation holding the source (wrapped into lines: compared without the breaks).
    copy.layout.annotations = [note for note in copy.layout.annotations if _squash(source) not in _squash(note.text)]
    if any(trace.type in ("bar", "scatter") for trace in copy.data):
        copy.update_xaxes(automargin=True)
        copy.update_yaxes(automargin=True)
        for axes in (copy.layout.xaxis, copy.layout.yaxis):
            if (axes.tickformat or "").endswith("%"):
                axes.update(
                    tickmode="array", tickvals=PERCENT_TICKS, ticktext=[fmt_pct(v, lang, 0) for v in PERCENT_TICKS]
                )
    return copy


def build_content(
    store: Store, filters: Filters, lang: str, marking: str | None = None, progress: Progress | None = None
) -> PackContent:
    """Read the figures and draw the charts for the filters (images by the warm renderer)."""
    say = progress or (lambda _fraction, _text: None)
    say(0.02, t("exports.pack.step_data", lang))
    figures = summary(store, filters)
    period = period_text(filters, lang)
    named = dashboard.groups(store, filters.year)
    if named.illustrative:
        period = f"{period} · {t('period.badge', lang)}"
    scope = scope_text(store, filters, lang)
    as_of = dashboard.as_of(store, filters)
    source = dashboard.source_text(store, lang)
    by_pillar = dashboard.by_pillar(store, filters, lang)
    by_agency = dashboard.by_agency(store, filters, lang)
    agencies_shown = agencies_on_slide(by_agency)
    regions = dashboard.by_province(store, filters, lang)
    trend = pack_trend(store, filters, lang)
    periods = trend_periods(trend)
    trend_period = period if not periods else periods[0]
    if len(periods) > 1:
        trend_period = t("exports.pack.periods", lang, first=periods[0], last=periods[-1])
    footer_source = charts.as_of_text(as_of, source, lang).replace("<br>", " · ")
    full_table = images.file_name("by_agency", filters, lang, "xlsx")
    agencies_note = (
        t(
            "exports.pack.agencies_shown",
            lang,
            shown=fmt_int(len(agencies_shown), lang),
            total=fmt_int(len(by_agency), lang),
            half=fmt_int(AGENCIES_ON_SLIDE // 2, lang),
            file=full_table,
        )
        if len(agencies_shown) < len(by_agency)
        else ""
    )

    def subtitle(unit_key: str | None, slide_period: str = period) -> str:
        return _subtitle(slide_period, scope, unit_key, lang)

    planned = [
        (
            "by_pillar",
            subtitle("exports.unit.actions"),
            lambda text: charts.fig_commitment_by_pillar(by_pillar, lang, text, as_of, source),
            lambda: _pillar_numbers(by_pillar, lang, named),
            footer_source,
            "",
            (),
        ),
        (
            "map",
            subtitle("exports.unit.action_plans"),
            lambda text: charts.fig_province_map(regions["provinces"], lang, text, as_of, source),
            lambda: _map_numbers(regions, lang),
            f"{footer_source} · {charts.map_attribution(lang)}",
            "",
            (),
        ),
        (
            "by_agency",
            subtitle("exports.unit.agency_actions"),
            lambda text: charts.fig_commitment_by_agency(agencies_shown, lang, text, as_of, source),
            lambda: _agency_numbers(by_agency, figures, lang),
            footer_source,
            agencies_note,
            (),
        ),
        (
            "trend",
            subtitle("exports.unit.actions", trend_period),
            lambda text: charts.fig_trend(trend, lang, text, as_of, source),
            lambda: _trend_numbers(trend, filters, lang),
            footer_source,
            "",
            periods,
        ),
    ]
    slides = []
    for index, (name, slide_subtitle, make_figure, make_numbers, slide_source, note, axis_periods) in enumerate(
        planned
    ):
        figure = make_figure(slide_subtitle)
        title = charts.figure_title(figure)
        say(0.1 + 0.8 * index / len(planned), t("exports.pack.step_chart", lang, chart=title))
        image = images.render(slide_figure(figure, source, lang), "png")
        slides.append(ChartSlide(name, title, slide_subtitle, image, make_numbers(), slide_source, note, axis_periods))
    slides.append(
        obstacle_theme_slide(
            store, filters, lang, subtitle("exports.unit.obstacle_texts"), as_of, source, footer_source
        )
    )
    header, rows = _lowest_agencies(by_agency, lang)
    reported = dashboard.obstacles(store, filters, max_rows=MAX_COUNTED_ROWS)
    return PackContent(
        lang=lang,
        marking=(marking or "").strip() or None,
        demo_band=t("exports.pack.demo_band", lang) if dashboard.demo_active(store) else None,
        title=t("exports.pack.title", lang),
        subtitle=t("exports.pack.subtitle", lang),
        period=t("exports.pack.period", lang, period=period),
        filters_text=t("exports.pack.filters", lang, filters=scope[:1].upper() + scope[1:]),
        as_of=t("exports.pack.as_of", lang, date=fmt_date(as_of, lang) if as_of else "–"),
        made=t("exports.pack.made", lang, date=fmt_date(datetime.now(), lang, with_time=True)),
        source=source,
        footer_source=footer_source,
        view=subtitle(None),
        kpis=kpi_rows(figures, lang),
        charts=slides,
        lowest_subtitle=subtitle("exports.unit.agency_actions"),
        lowest_header=header,
        lowest_rows=rows,
        lowest_note=t(
            "exports.pack.lowest_shown",
            lang,
            shown=fmt_int(len(rows), lang),
            total=fmt_int(len(by_agency), lang),
            file=full_table,
        )
        if rows
        else "",
        obstacles_subtitle=subtitle("exports.unit.action_plans"),
        obstacles=[
            (
                t(
                    "exports.pack.obstacle_where",
                    lang,
                    plans=fmt_int(item["plans"], lang),
                    agencies=", ".join(item["agencies"]),
                ),
                _shorten(item["obstacle"]),
                _shorten(item["follow_ups"][0] if item["follow_ups"] else ""),
            )
            for item in reported[:OBSTACLES_SHOWN]
        ],
        obstacles_total=sum(item["plans"] for item in reported),
        summary=figures,
        plan_kpis=plan_kpi_rows(figures, lang),
    )


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
    pages = 4 + len(content.charts)
    lang = content.lang

    slide = deck.slides.add_slide(blank)
    if content.demo_band:
        _pptx_band(slide, 0, COVER_BAND_TOP_IN, SLIDE_WIDTH_IN, COVER_BAND_HEIGHT_IN, content.demo_band, 24)
    _text_box(slide, 0.8, 1.8, 11.7, 1.0, content.title, size=40, bold=True, colour=ACCENT_COLOUR)
    _text_box(slide, 0.8, 2.8, 11.7, 0.6, content.subtitle, size=22)
    _text_box(slide, 0.8, 3.8, 11.7, 2.2, [content.period, content.filters_text, content.as_of, content.made], size=18)
    _text_box(slide, 0.8, 6.3, 9.5, 0.5, content.source, size=11, colour=MUTED_COLOUR)
    _pptx_furniture(slide, content, 1, pages)

    slide = deck.slides.add_slide(blank)
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
    _pptx_furniture(slide, content, 2, pages)

    for index, chart in enumerate(content.charts):
        slide = deck.slides.add_slide(blank)
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
        _pptx_furniture(slide, content, 3 + index, pages)

    slide = deck.slides.add_slide(blank)
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
    _pptx_furniture(slide, content, pages - 1, pages)

    slide = deck.slides.add_slide(blank)
    _slide_heading(slide, t("exports.pack.obstacles_title", lang), content.obstacles_subtitle)
    _text_box(slide, 0.5, BODY_TOP_IN, 12.3, 0.5, _obstacles_line(content), size=14, colour=MUTED_COLOUR)
    lines = [_obstacle_text(item, lang) for item in content.obstacles]
    if lines:
        _text_box(slide, 0.5, BODY_TOP_IN + 0.5, 12.3, 4.4, lines, size=12)
    _slide_source(slide, content.footer_source)
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
