"""The number and date formats of ranpe.i18n, as pages, exports, the pack and the CLI print them.

A characterisation table: each row is a value and its exact text in Indonesian and in English. Rounding is half-even
on the value as stored (a float's binary value, a Decimal's digits), as Python's own formatting rounds: 2.675 is
2.67499999… as a float, so 2,67, while Decimal("2.675") is 2,68.
"""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from ranpe.i18n import AsOf, fmt_date, fmt_int, fmt_num, fmt_pct

nan = float("nan")

INTS = [
    (None, "–", "–"),
    (nan, "–", "–"),
    (np.nan, "–", "–"),
    (0, "0", "0"),
    (0.0, "0", "0"),
    (-0.4, "0", "0"),
    (0.5, "0", "0"),
    (1.5, "2", "2"),
    (2.5, "2", "2"),
    (-2.5, "-2", "-2"),
    (7, "7", "7"),
    (-7, "-7", "-7"),
    (999, "999", "999"),
    (1000, "1.000", "1,000"),
    (1250, "1.250", "1,250"),
    (-1250, "-1.250", "-1,250"),
    (1234567, "1.234.567", "1,234,567"),
    (-1234567.5, "-1.234.568", "-1,234,568"),
    (1e15, "1.000.000.000.000.000", "1,000,000,000,000,000"),
    (123456789012, "123.456.789.012", "123,456,789,012"),
    (12345678901234567, "12.345.678.901.234.567", "12,345,678,901,234,567"),  # beyond a float's 53 bits
    (np.int64(1250), "1.250", "1,250"),
    (np.float64(2.5), "2", "2"),
    (np.float64(-0.4), "0", "0"),
    (Decimal("1250.5"), "1.250", "1,250"),
    (Decimal("-3"), "-3", "-3"),
]
NUMS = [
    (None, 1, "–", "–"),
    (nan, 1, "–", "–"),
    (0, 1, "0,0", "0.0"),
    (0.0, 0, "0", "0"),
    (0.0, 1, "0,0", "0.0"),
    (-0.0, 1, "-0,0", "-0.0"),
    (-0.04, 1, "-0,0", "-0.0"),
    (0.05, 1, "0,1", "0.1"),
    (0.15, 1, "0,1", "0.1"),
    (0.25, 1, "0,2", "0.2"),
    (0.125, 2, "0,12", "0.12"),
    (0.125, 1, "0,1", "0.1"),
    (2.675, 2, "2,67", "2.67"),
    (2.675, 1, "2,7", "2.7"),
    (2.5, 0, "2", "2"),
    (3.5, 0, "4", "4"),
    (81.05, 1, "81,0", "81.0"),
    (81.05, 2, "81,05", "81.05"),
    (81.0, 1, "81,0", "81.0"),
    (1.005, 2, "1,00", "1.00"),
    (-1.25, 1, "-1,2", "-1.2"),
    (1234.5, 1, "1.234,5", "1,234.5"),
    (1234.5, 0, "1.234", "1,234"),
    (-1234.56, 1, "-1.234,6", "-1,234.6"),
    (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
    (1234567.891, 4, "1.234.567,8910", "1,234,567.8910"),
    (1e15, 1, "1.000.000.000.000.000,0", "1,000,000,000,000,000.0"),
    (0.1 + 0.2, 1, "0,3", "0.3"),
    (0.1 + 0.2, 4, "0,3000", "0.3000"),
    (1250, 1, "1.250,0", "1,250.0"),
    (-7, 2, "-7,00", "-7.00"),
    (12.5, 2, "12,50", "12.50"),
    (0.0001, 4, "0,0001", "0.0001"),
    (0.00005, 4, "0,0001", "0.0001"),
    (0.00015, 4, "0,0001", "0.0001"),
    (np.float64(81.05), 1, "81,0", "81.0"),
    (np.int64(1234), 1, "1.234,0", "1,234.0"),
    (Decimal("2.675"), 2, "2,68", "2.68"),
    (Decimal("0.125"), 2, "0,12", "0.12"),
    (Decimal("-1234.55"), 1, "-1.234,6", "-1,234.6"),
    (float("inf"), 1, "inf", "inf"),
    (float("-inf"), 1, "-inf", "-inf"),
]
PCTS = [
    (None, 1, "–", "–"),
    (nan, 1, "–", "–"),
    (0, 1, "0,0%", "0.0%"),
    (0.0, 0, "0%", "0%"),
    (1, 1, "100,0%", "100.0%"),
    (1.0, 0, "100%", "100%"),
    (0.81, 1, "81,0%", "81.0%"),
    (64 / 79, 1, "81,0%", "81.0%"),
    (68 / 79, 1, "86,1%", "86.1%"),
    (0.8105, 1, "81,0%", "81.0%"),
    (0.8105, 2, "81,05%", "81.05%"),
    (0.00125, 2, "0,12%", "0.12%"),
    (0.5, 0, "50%", "50%"),
    (0.125, 0, "12%", "12%"),
    (0.125, 1, "12,5%", "12.5%"),
    (0.02675, 2, "2,67%", "2.67%"),
    (0.045, 0, "4%", "4%"),
    (0.055, 0, "6%", "6%"),
    (-0.05, 1, "-5,0%", "-5.0%"),
    (12.345, 1, "1.234,5%", "1,234.5%"),
    (2 / 3, 1, "66,7%", "66.7%"),
    (2 / 3, 0, "67%", "67%"),
    (1 / 3, 2, "33,33%", "33.33%"),
    (0.999, 1, "99,9%", "99.9%"),
    (0.9995, 1, "100,0%", "100.0%"),
    (0.995, 0, "100%", "100%"),
    # fraction × 100 as a float, then rounded: 0.005 × 100 is 0.5 exactly (even: 0), while the exact binary value of
    # 0.005 is a little above 0.005 (a percent format scaling it exactly would print 1%)
    (0.005, 0, "0%", "0%"),
    (0.015, 0, "2%", "2%"),
    (0.075, 0, "8%", "8%"),
    (np.float64(0.8105), 1, "81,0%", "81.0%"),
    (Decimal("0.8105"), 1, "81,0%", "81.0%"),
]
DATES = [
    (None, False, "–", "–"),
    (None, True, "–", "–"),
    (date(2023, 10, 9), False, "9 Oktober 2023", "9 October 2023"),
    (date(2023, 10, 9), True, "9 Oktober 2023", "9 October 2023"),
    (date(2024, 1, 1), False, "1 Januari 2024", "1 January 2024"),
    (date(2024, 1, 1), True, "1 Januari 2024", "1 January 2024"),
    (date(2023, 2, 28), False, "28 Februari 2023", "28 February 2023"),
    (date(2023, 2, 28), True, "28 Februari 2023", "28 February 2023"),
    (date(2025, 3, 5), False, "5 Maret 2025", "5 March 2025"),
    (date(2025, 3, 5), True, "5 Maret 2025", "5 March 2025"),
    (date(2023, 4, 30), False, "30 April 2023", "30 April 2023"),
    (date(2023, 4, 30), True, "30 April 2023", "30 April 2023"),
    (date(2023, 5, 1), False, "1 Mei 2023", "1 May 2023"),
    (date(2023, 5, 1), True, "1 Mei 2023", "1 May 2023"),
    (date(2023, 6, 15), False, "15 Juni 2023", "15 June 2023"),
    (date(2023, 6, 15), True, "15 Juni 2023", "15 June 2023"),
    (date(2023, 7, 4), False, "4 Juli 2023", "4 July 2023"),
    (date(2023, 7, 4), True, "4 Juli 2023", "4 July 2023"),
    (date(2023, 8, 17), False, "17 Agustus 2023", "17 August 2023"),
    (date(2023, 8, 17), True, "17 Agustus 2023", "17 August 2023"),
    (date(2023, 9, 30), False, "30 September 2023", "30 September 2023"),
    (date(2023, 9, 30), True, "30 September 2023", "30 September 2023"),
    (date(2023, 11, 11), False, "11 November 2023", "11 November 2023"),
    (date(2023, 11, 11), True, "11 November 2023", "11 November 2023"),
    (date(2023, 12, 31), False, "31 Desember 2023", "31 December 2023"),
    (date(2023, 12, 31), True, "31 Desember 2023", "31 December 2023"),
    (date(999, 1, 2), False, "2 Januari 999", "2 January 999"),
    (date(999, 1, 2), True, "2 Januari 999", "2 January 999"),
    (datetime(2023, 10, 2, 9, 0), False, "2 Oktober 2023", "2 October 2023"),
    (datetime(2023, 10, 2, 9, 0), True, "2 Oktober 2023 09:00", "2 October 2023 09:00"),
    (datetime(2023, 10, 2, 0, 0), False, "2 Oktober 2023", "2 October 2023"),
    (datetime(2023, 10, 2, 0, 0), True, "2 Oktober 2023 00:00", "2 October 2023 00:00"),
    (datetime(2023, 10, 18, 14, 5, 59), False, "18 Oktober 2023", "18 October 2023"),
    (datetime(2023, 10, 18, 14, 5, 59), True, "18 Oktober 2023 14:05", "18 October 2023 14:05"),
    (datetime(2023, 10, 18, 23, 59, 59, 999999), False, "18 Oktober 2023", "18 October 2023"),
    (datetime(2023, 10, 18, 23, 59, 59, 999999), True, "18 Oktober 2023 23:59", "18 October 2023 23:59"),
    (datetime(2023, 10, 18, 7, 30, tzinfo=timezone(timedelta(hours=7))), False, "18 Oktober 2023", "18 October 2023"),
    (
        datetime(2023, 10, 18, 7, 30, tzinfo=timezone(timedelta(hours=7))),
        True,
        "18 Oktober 2023 07:30",
        "18 October 2023 07:30",
    ),
    (pd.Timestamp("2023-10-18 14:05:30"), False, "18 Oktober 2023", "18 October 2023"),
    (pd.Timestamp("2023-10-18 14:05:30"), True, "18 Oktober 2023 14:05", "18 October 2023 14:05"),
    (AsOf(2023, 10, 10, 23, 59, 59, 999999), False, "10 Oktober 2023", "10 October 2023"),
    (AsOf(2023, 10, 10, 23, 59, 59, 999999), True, "10 Oktober 2023", "10 October 2023"),
    (AsOf(2023, 10, 10, 12, 0, 5), False, "10 Oktober 2023 12:00:05", "10 October 2023 12:00:05"),
    (AsOf(2023, 10, 10, 12, 0, 5), True, "10 Oktober 2023 12:00:05", "10 October 2023 12:00:05"),
    (AsOf(2023, 10, 10, 0, 0), False, "10 Oktober 2023 00:00:00", "10 October 2023 00:00:00"),
    (AsOf(2023, 10, 10, 0, 0), True, "10 Oktober 2023 00:00:00", "10 October 2023 00:00:00"),
]


@pytest.mark.parametrize(("value", "id_text", "en_text"), INTS)
def test_fmt_int(value, id_text, en_text):
    assert (fmt_int(value, "id"), fmt_int(value, "en")) == (id_text, en_text)


@pytest.mark.parametrize(("value", "decimals", "id_text", "en_text"), NUMS)
def test_fmt_num(value, decimals, id_text, en_text):
    assert (fmt_num(value, "id", decimals), fmt_num(value, "en", decimals)) == (id_text, en_text)


@pytest.mark.parametrize(("value", "decimals", "id_text", "en_text"), PCTS)
def test_fmt_pct(value, decimals, id_text, en_text):
    assert (fmt_pct(value, "id", decimals), fmt_pct(value, "en", decimals)) == (id_text, en_text)


@pytest.mark.parametrize(("value", "with_time", "id_text", "en_text"), DATES)
def test_fmt_date(value, with_time, id_text, en_text):
    assert (fmt_date(value, "id", with_time), fmt_date(value, "en", with_time)) == (id_text, en_text)


def test_defaults_and_other_languages_are_indonesian():
    """The default language is Indonesian, and so is any language other than English."""
    assert (fmt_int(1250), fmt_num(1234.5), fmt_pct(64 / 79), fmt_date(date(2023, 10, 9))) == (
        "1.250",
        "1.234,5",
        "81,0%",
        "9 Oktober 2023",
    )
    assert (fmt_int(1250, "fr"), fmt_num(1234.5, "fr"), fmt_pct(0.5, "fr"), fmt_date(date(2023, 8, 17), "fr")) == (
        "1.250",
        "1.234,5",
        "50,0%",
        "17 Agustus 2023",
    )
