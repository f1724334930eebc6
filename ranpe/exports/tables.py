"""The filtered tables behind the charts and pages as .xlsx (no formulas) and .csv (UTF-8 with BOM, ";" and ","
decimals in Indonesian, "," and "." in English), every number rounded by one rule (NUMBER_RULE)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pandas as pd
import xlsxwriter

from ranpe.exports.files import csv_style, neutralise
from ranpe.i18n import fmt_date, t
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store

# Every counted row in a data file (the page shows at most dashboard.MAX_ACTION_ROWS).
MAX_EXPORT_ROWS = 1_000_000
# The one rounding rule of every table written (said on the About sheet and in the README): a computed figure (a
# rate) is a percentage with RATE_DECIMALS decimals, as the pages show it and as Excel users type it; counts are
# whole numbers; what a K/L reported (target, realization) is written as reported, never rounded.
RATE_DECIMALS = 1
REPORTED_FIELDS = ("target", "realization")
RATE_FORMAT = "0.0"


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell and header neutralised."""
    cleaned = frame.copy()
    cleaned.columns = [neutralise(str(c)) for c in cleaned.columns]
    for column in cleaned.columns:
        if cleaned[column].dtype == object or pd.api.types.is_string_dtype(cleaned[column]):
            cleaned[column] = cleaned[column].map(neutralise)
    return cleaned


def _reported_columns(lang: str) -> set[str]:
    return {t(f"field.{name}", lang) for name in REPORTED_FIELDS}


def computed_columns(frame: pd.DataFrame, lang: str) -> list[str]:
    """The columns holding computed decimals (rates in percent): every decimal column but the reported values."""
    reported = _reported_columns(lang)
    return [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c]) and str(c) not in reported]


def round_for_export(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame by the one rule: computed decimals rounded to RATE_DECIMALS, reported values as they are."""
    return frame.round({column: RATE_DECIMALS for column in computed_columns(frame, lang)})


def _percent(values: pd.Series) -> pd.Series:
    return values.astype(float) * 100


def _by_pillar(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    frame = dashboard.by_pillar(store, filters, lang)
    return pd.DataFrame(
        {
            dashboard.groups(store, filters.year).word(lang): frame["pillar"].astype(int),
            t("exports.col.pillar_name", lang): frame["label"],
            t("dash.col.planned", lang): frame["planned"].astype(int),
            t("dash.col.committed", lang): frame["committed"].astype(int),
            t("exports.col.rate_pct", lang): _percent(frame["rate"]),
        }
    )


def _by_agency(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    frame = dashboard.agency_table(store, filters, lang)
    return frame.rename(columns={t("dash.col.rate", lang): t("exports.col.rate_pct", lang)})


def _by_province(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    frame = dashboard.province_pillar_table(store, filters, lang)
    counts = {t("dash.col.province", lang), t("dash.col.action_plans", lang)}
    return frame.rename(
        columns={c: t("exports.col.in_pct", lang, name=c) for c in frame.columns if str(c) not in counts}
    )


def _trend(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    frame = dashboard.trend(store, filters, lang)
    return pd.DataFrame(
        {
            t("exports.col.period", lang): frame["period"],
            t("exports.col.series", lang): frame["series"],
            t("dash.col.planned", lang): frame["planned"].astype(int),
            t("dash.col.committed", lang): frame["committed"].astype(int),
            t("exports.col.rate_pct", lang): _percent(frame["rate"]),
        }
    )


def _actions(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    table, _total = dashboard.actions(store, filters, lang, max_rows=MAX_EXPORT_ROWS)
    return table


def _obstacle_texts(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    return dashboard.obstacle_texts(store, filters, lang, None, None, None)


# name → (title key, builder); the name is the file's stem key (exports.slug.<name>).
TABLES: dict[str, tuple[str, Callable[[Store, Filters, str], pd.DataFrame]]] = {
    "by_pillar": ("dash.chart.by_pillar", _by_pillar),
    "by_agency": ("dash.chart.by_agency", _by_agency),
    "by_province": ("dash.chart.map", _by_province),
    "trend": ("dash.chart.trend", _trend),
    "actions": ("exports.title.actions", _actions),
    "obstacle_texts": ("obs.table.texts", _obstacle_texts),
    "obstacle_themes": ("obs.table.themes", dashboard.obstacle_theme_table),
    "unreported_actions": ("unreported.title", dashboard.unreported_table),
    "lead_supporting": ("lead.title", dashboard.lead_supporting_table),
    "catalogue": ("catalogue.table.title", dashboard.catalogue_table),
}


def table(store: Store, name: str, filters: Filters, lang: str) -> pd.DataFrame:
    """One named table for the filters, with headers in the language, rounded by the one rule."""
    if name not in TABLES:
        raise KeyError(f"unknown table: {name} (known: {', '.join(TABLES)})")
    return round_for_export(TABLES[name][1](store, filters, lang), lang)


def table_title(name: str, lang: str) -> str:
    """What the named table is, in the language."""
    return t(TABLES[name][0], lang)


def about_rows(
    title: str, filters_text: str, as_of: datetime | None, source: str, rows: int, lang: str
) -> list[tuple[str, Any]]:
    """The 'About' sheet: title, filters, data date, source, when exported, row count."""
    return [
        (t("exports.about.title", lang), title),
        (t("exports.about.filters", lang), filters_text),
        (
            t("exports.about.as_of", lang),
            fmt_date(as_of, lang, with_time=True) if as_of else t("dash.as_of_none", lang),
        ),
        (t("exports.about.source", lang), source),
        (t("exports.about.numbers", lang), t("exports.about.numbers_rule", lang)),
        (t("exports.about.exported", lang), fmt_date(datetime.now(), lang, with_time=True)),
        (t("exports.about.rows", lang), rows),
    ]


def _cell(value: Any) -> Any:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def write_xlsx(frame: pd.DataFrame, about: list[tuple[str, Any]], lang: str) -> bytes:
    """An .xlsx with the data (numbers as numbers, rates shown with one decimal, no formulas) and a sheet about
    filters, date, source and the rounding rule."""
    rounded = round_for_export(frame, lang)
    rates = {index for index, column in enumerate(rounded.columns) if column in computed_columns(rounded, lang)}
    cleaned = neutralise_frame(rounded)
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as workbook:
        bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        rate = workbook.add_format({"num_format": RATE_FORMAT})
        sheet = workbook.add_worksheet(t("exports.sheet.data", lang))
        for column, header in enumerate(cleaned.columns):
            sheet.write_string(0, column, str(header), bold)
            width = max([len(str(header)), *(len(str(v)) for v in cleaned.iloc[:200, column])], default=8)
            sheet.set_column(column, column, min(max(width + 2, 8), 60))
        for row_number, row in enumerate(cleaned.itertuples(index=False), start=1):
            for column, value in enumerate(row):
                cell = _cell(value)
                if cell is None:
                    continue
                if isinstance(cell, bool):
                    sheet.write_boolean(row_number, column, cell)
                elif isinstance(cell, int | float):
                    sheet.write_number(row_number, column, cell, rate if column in rates else None)
                else:
                    sheet.write_string(row_number, column, str(cell))
        sheet.freeze_panes(1, 0)
        if len(cleaned.columns):
            sheet.autofilter(0, 0, max(len(cleaned), 1), len(cleaned.columns) - 1)
        info = workbook.add_worksheet(t("exports.sheet.about", lang))
        info.set_column(0, 0, 18)
        info.set_column(1, 1, 90)
        for row_number, (label, value) in enumerate(about):
            info.write_string(row_number, 0, label, bold)
            if isinstance(value, int | float):
                info.write_number(row_number, 1, value)
            else:
                info.write_string(row_number, 1, str(neutralise(value)))
    return buffer.getvalue()


def write_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """A .csv in UTF-8 with BOM (Excel reads the accents right) in the language's style (";" and "," decimals in
    Indonesian, "," and "." in English), rounded by the one rule, text cells neutralised."""
    separator, decimal = csv_style(lang)
    cleaned = neutralise_frame(round_for_export(frame, lang))
    # CRLF line ends: a CR or LF inside a cell is then quoted, and Excel reads the rows right.
    return cleaned.to_csv(index=False, sep=separator, decimal=decimal, lineterminator="\r\n").encode("utf-8-sig")


def export_table(store: Store, name: str, filters: Filters, lang: str, file_format: str) -> tuple[bytes, pd.DataFrame]:
    """A named table for the filters as .xlsx or .csv bytes, and the frame written."""
    frame = table(store, name, filters, lang)
    return write_frame(store, frame, table_title(name, lang), filters, lang, file_format), frame


def write_frame(
    store: Store, frame: pd.DataFrame, title: str, filters: Filters | None, lang: str, file_format: str
) -> bytes:
    """Any frame (a page's table) as .xlsx (with its About sheet) or .csv bytes, rounded by the one rule."""
    if file_format == "csv":
        return write_csv(frame, lang)
    if file_format != "xlsx":
        raise ValueError(f"unknown table format: {file_format}")
    filters_text = dashboard.describe_filters(store, filters, lang) if filters is not None else ""
    about = about_rows(
        title, filters_text, dashboard.as_of(store, filters), dashboard.source_text(store, lang), len(frame), lang
    )
    return write_xlsx(frame, about, lang)
