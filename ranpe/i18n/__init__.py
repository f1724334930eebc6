"""Owns the translation table (Indonesian first, English second) and number formats. Imports: nothing of ranpe.

Texts live in the modules of this package, one per area, each a dict ``TEXTS = {key: (id, en)}``;
they are merged here into one table, and a key defined twice fails at import.
"""

from __future__ import annotations

import functools
import math
from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext

from babel import Locale
from babel.dates import format_datetime
from babel.numbers import format_decimal
from babel.numbers import parse_pattern as parse_number_pattern

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


# Numbers and dates are written with CLDR's symbols and month names (Babel), in patterns chosen here rather than the
# locales' defaults, which differ from what pages, exports and the pack have always printed: English's long date is
# "October 9, 2023" and its time "9:00 AM", Indonesian's time "09.00", and a default number pattern drops zeros.
# Locales are parsed once (format_decimal would parse the locale on every call), texts cached below.
_LOCALES = {lang: Locale.parse(lang) for lang in LANGS}
_DAY, _MINUTE, _SECOND = "d MMMM y", "d MMMM y HH:mm", "d MMMM y HH:mm:ss"
# Enough digits for any rounded float (Babel computes in the thread's decimal context, 28 digits by default).
_WIDE = Context(prec=400, rounding=ROUND_HALF_EVEN)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number_text(rounded: str, lang: str, decimals: int) -> str:
    """A number rounded by Python, written by CLDR.

    Python rounds half-even on the value as stored (2.675 is 2.67499999… as a float and prints 2,67, a Decimal
    "2.675" prints 2,68), as these functions always have; Babel would read a float as Decimal(str(x)), 2.675, and
    print 2,68. The rounded text also keys a cache: Babel takes some 25 µs a number, a page writes hundreds of them
    (hover texts, tables), and rounded values repeat (a percentage with one decimal has a thousand)."""
    if not rounded[-1].isdigit():
        return rounded  # inf, -inf (nan) as Python prints them, where CLDR writes ∞
    return _written(rounded, "en" if lang == "en" else "id", decimals)


@functools.lru_cache(maxsize=8192)
def _written(rounded: str, lang: str, decimals: int) -> str:
    """1234.5 as 1.234,5 or 1,234.5: CLDR's symbols and grouping, exactly the decimals given."""
    pattern = parse_number_pattern("#,##0." + "0" * decimals if decimals else "#,##0")
    with localcontext(_WIDE):
        return format_decimal(Decimal(rounded), pattern, _LOCALES[lang])


def fmt_int(value: float | int | None, lang: str = DEFAULT_LANG) -> str:
    """1.250 in Indonesian, 1,250 in English; an em dash for nothing."""
    if _is_missing(value):
        return "–"
    return _number_text(str(round(value)), lang, 0)


def fmt_num(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """1.234,5 in Indonesian, 1,234.5 in English."""
    if _is_missing(value):
        return "–"
    return _number_text(f"{value:.{decimals}f}", lang, decimals)


def fmt_pct(fraction: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """A fraction 0–1 as 81,0% (Indonesian) or 81.0% (English).

    Scaled by 100 as a float before rounding, as always: 0.005 prints 0%, where a CLDR percent pattern, scaling the
    exact value (a little above 0.005), would print 1%."""
    if _is_missing(fraction):
        return "–"
    return _number_text(f"{fraction * 100:.{decimals}f}", lang, decimals) + "%"


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
    if isinstance(value, AsOf):
        pattern = _DAY if value.whole_day else _SECOND
    else:
        pattern = _MINUTE if with_time and isinstance(value, datetime) else _DAY
    # The clock as the value reads it (an aware value is not converted); a plain tuple keys the cache, as an AsOf
    # equals the datetime it was made of and two aware values of one instant are equal, but print differently.
    clock = (value.hour, value.minute, value.second) if isinstance(value, datetime) else (0, 0, 0)
    return _dated((value.year, value.month, value.day, *clock), pattern, "en" if lang == "en" else "id")


@functools.lru_cache(maxsize=4096)
def _dated(fields: tuple[int, ...], pattern: str, lang: str) -> str:
    """Babel takes some 10 µs a date; a history table prints hundreds."""
    return format_datetime(datetime(*fields), pattern, locale=_LOCALES[lang])


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def fmt_quarter(quarter: int | None, lang: str = DEFAULT_LANG) -> str:
    """TW III (Indonesian) or Q3 (English)."""
    if quarter is None:
        return "–"
    return f"Q{quarter}" if lang == "en" else f"TW {_ROMAN[int(quarter)]}"
