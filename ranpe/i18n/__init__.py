"""Owns the translation table (Indonesian first, English second) and number formats. Imports: nothing of ranpe.

Texts live in the modules of this package, one per area, each a dict ``TEXTS = {key: (id, en)}``;
they are merged here into one table, and a key defined twice fails at import.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time

from ranpe.i18n import (
    as_of,
    catalogue,
    catalogue_history,
    checks,
    common,
    dashboard,
    exports,
    ingest,
    obstacles,
    periods,
    reliability,
    serve,
    store,
    template,
    users,
    workspace,
)

LANGS = ("id", "en")
DEFAULT_LANG = "id"

_MODULES = [
    common,
    ingest,
    dashboard,
    template,
    reliability,
    workspace,
    exports,
    checks,
    obstacles,
    as_of,
    periods,
    store,
    catalogue,
    serve,
    users,
    catalogue_history,
]


def _merge() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for module in _MODULES:
        for key, pair in module.TEXTS.items():
            if key in table:
                raise ValueError(f"translation key defined twice: {key}")
            table[key] = pair
    return table


TEXTS = _merge()


def register(module) -> None:
    """Add the texts of another module of this package (called by that area's code at import)."""
    for key, pair in module.TEXTS.items():
        if key in TEXTS and TEXTS[key] != pair:
            raise ValueError(f"translation key defined twice: {key}")
        TEXTS[key] = pair


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for key in lang, with {placeholders} filled in."""
    pair = TEXTS[key]
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def fmt_int(value: float | int | None, lang: str = DEFAULT_LANG) -> str:
    """1.250 in Indonesian, 1,250 in English; an em dash for nothing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round(value):,}"
    return text.replace(",", ".") if lang != "en" else text


def fmt_num(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """1.234,5 in Indonesian, 1,234.5 in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_pct(fraction: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """A fraction 0–1 as 81,0% (Indonesian) or 81.0% (English)."""
    if fraction is None or (isinstance(fraction, float) and math.isnan(fraction)):
        return "–"
    return fmt_num(fraction * 100, lang, decimals) + "%"


_MONTHS = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


class AsOf(datetime):
    """A moment chosen to read the store as it was then (figures as of a date), told apart from the date of an
    upload wherever a data date is printed; the end of a day (a date given alone) prints as that date."""

    @classmethod
    def of(cls, moment: datetime) -> AsOf:
        return cls.combine(moment.date(), moment.time())

    @property
    def whole_day(self) -> bool:
        return self.time() == time.max


def fmt_date(value: date | datetime | None, lang: str = DEFAULT_LANG, with_time: bool = False) -> str:
    """9 Oktober 2023 / 9 October 2023 (with HH:MM when asked); an as-of moment with its time unless it is the
    end of a day."""
    if value is None:
        return "–"
    text = f"{value.day} {_MONTHS['en' if lang == 'en' else 'id'][value.month - 1]} {value.year}"
    if isinstance(value, AsOf):
        return text if value.whole_day else f"{text} {value:%H:%M:%S}"
    if with_time and isinstance(value, datetime):
        text += f" {value:%H:%M}"
    return text


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def fmt_quarter(quarter: int | None, lang: str = DEFAULT_LANG) -> str:
    """TW III (Indonesian) or Q3 (English)."""
    if quarter is None:
        return "–"
    return f"Q{quarter}" if lang == "en" else f"TW {_ROMAN[int(quarter)]}"
