"""What a briefing pack says, in one language: its figures, chart images, tables and obstacles (PackContent),
read from the store for the filters; written alike by pack_pptx and pack_pdf."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from ranpe import charts
from ranpe.exports import images
from ranpe.i18n import fmt_date, fmt_int, fmt_num, fmt_pct, fmt_quarter, t
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.plan.periods import Groups
from ranpe.store.connection import Store

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
