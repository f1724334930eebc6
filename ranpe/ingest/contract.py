"""The submission contract of DOMAIN.md: fields, accepted headers, and the parsers of their values.

A parser takes one cell's value as the reader gives it (str, float, int, bool, date, datetime or None)
and returns the normalised value, or raises ``Invalid`` with a translation key for what was expected.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz, process

from ranpe.i18n import fmt_int

FIELDS = (
    "year",
    "quarter",
    "agency",
    "pillar",
    "action_code",
    "action",
    "province",
    "committed",
    "status",
    "target",
    "realization",
    "output",
    "obstacles",
    "follow_up",
    "notes",
)
REQUIRED = ("year", "quarter", "agency", "pillar", "action_code", "committed")
GIVEN_AT_UPLOAD = ("year", "quarter", "agency")
TEXT_FIELDS = ("action", "output", "obstacles", "follow_up", "notes")
NUMBER_FIELDS = ("target", "realization")

HEADERS = {
    "year": ("Tahun", "Year"),
    "quarter": ("Triwulan", "TW", "Periode", "Quarter", "Period"),
    "agency": ("Kementerian/Lembaga", "K/L", "Instansi", "Agency", "Ministry/Agency"),
    "pillar": ("Pilar", "Tema", "Pillar", "Theme"),
    "action_code": ("Kode Aksi", "Kode", "Action code", "Code"),
    "action": ("Aksi", "Rencana Aksi", "Nama Aksi", "Action", "Action plan"),
    "province": ("Provinsi", "Lokasi", "Wilayah", "Province", "Region", "Location"),
    "committed": ("Komitmen", "Dikomitmenkan", "Status Komitmen", "Committed", "Commitment"),
    "status": ("Status", "Status Pelaksanaan", "Implementation status"),
    "target": ("Target",),
    "realization": ("Realisasi", "Capaian", "Realization", "Achievement"),
    "output": ("Keluaran", "Produk Pengetahuan", "Output", "Knowledge product"),
    "obstacles": ("Hambatan", "Kendala", "Obstacles", "Constraints"),
    "follow_up": ("Tindak Lanjut", "Penyelesaian Masalah", "Follow-up", "Resolution"),
    "notes": ("Keterangan", "Catatan", "Notes", "Remarks"),
}
# A running-number column ("No") is neither a field nor an extra column.
ROW_NUMBER_HEADERS = ("No", "No.", "Nomor", "Number", "#")
# A closing total row begins with one of these words (and has no action code).
TOTAL_WORDS = ("jumlah", "total", "sub total", "subtotal", "grand total", "jumlah total")

STATUSES = {
    "not_started": ("Belum dimulai", "Not started"),
    "in_progress": ("Dalam proses", "In progress"),
    "completed": ("Selesai", "Completed"),
    "not_implemented": ("Tidak terlaksana", "Not implemented"),
}
YEAR_MIN, YEAR_MAX = 2020, 2030
# Excel's day 0 (serials count days from here, with the 1900 leap-year bug folded in).
EXCEL_EPOCH = datetime(1899, 12, 30)


class Invalid(ValueError):
    """A value that does not meet the contract; .key names what was expected."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


def header_key(text: object) -> str:
    """A header as compared: no case, spaces, line breaks, punctuation, trailing * or :, or (hint)."""
    value = unicodedata.normalize("NFKC", str(text)).casefold()
    value = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", value)
    return re.sub(r"[\W_]+", "", value)


HEADER_FIELDS = {header_key(h): field for field, names in HEADERS.items() for h in names}
ROW_NUMBER_KEYS = {header_key(h) for h in ROW_NUMBER_HEADERS} - {""}


def value_key(text: str) -> str:
    """A reference value as compared: no case, single spaces, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def is_blank(value: object) -> bool:
    """An empty cell: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: object) -> str:
    """A cell as trimmed text; whole numbers without a trailing .0."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != datetime.min.time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _serial_to_date(serial: float) -> datetime:
    return EXCEL_EPOCH + timedelta(days=float(serial))


_SERIAL_MIN = (datetime(YEAR_MIN, 1, 1) - EXCEL_EPOCH).days
_SERIAL_MAX = (datetime(YEAR_MAX, 12, 31) - EXCEL_EPOCH).days


def parse_year(value: object) -> int:
    """2020–2030 as a number, text, a date, or an Excel date serial of such a year."""
    if isinstance(value, bool):
        raise Invalid("expect.year")
    if isinstance(value, datetime | date):
        year = value.year
    elif isinstance(value, int | float):
        if not math.isfinite(value) or value != int(value):
            raise Invalid("expect.year")
        year = int(value)
        if _SERIAL_MIN <= year <= _SERIAL_MAX:
            year = _serial_to_date(year).year
    else:
        text = str(value).strip()
        if re.fullmatch(r"\d{4}(\.0+)?", text):
            year = int(float(text))
        else:
            raise Invalid("expect.year")
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise Invalid("expect.year")
    return year


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def parse_quarter(value: object) -> int:
    """1–4, I–IV, "TW III", "Triwulan III", "Q3", "TW 3"; a date gives its quarter."""
    if isinstance(value, bool):
        raise Invalid("expect.quarter")
    if isinstance(value, datetime | date):
        return (value.month - 1) // 3 + 1
    if isinstance(value, int | float):
        if math.isfinite(value) and value == int(value) and 1 <= value <= 4:
            return int(value)
        raise Invalid("expect.quarter")
    text = unicodedata.normalize("NFKC", str(value)).upper()
    text = re.sub(r"[\s.\-_:/]+", "", text)
    text = re.sub(r"^(TRIWULAN|QUARTER|TW|Q)(KE)?", "", text)
    if text in _ROMAN:
        return _ROMAN[text]
    if re.fullmatch(r"[1-4](\.0+)?", text):
        return int(float(text))
    raise Invalid("expect.quarter")


_YES = {"ya", "y", "yes", "1", "✓", "✔", "true", "benar"}
_NO = {"tidak", "t", "no", "0", "false", "salah"}


def parse_committed(value: object) -> bool:
    """Ya/Tidak, Y/T, Yes/No, 1/0, ✓, in any case."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value == 1:
            return True
        if value == 0:
            return False
        raise Invalid("expect.committed")
    text = value_key(str(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise Invalid("expect.committed")


_STATUS_KEYS = {value_key(name): code for code, names in STATUSES.items() for name in names}


def parse_status(value: object) -> str:
    """One of the four implementation statuses, Indonesian or English."""
    code = _STATUS_KEYS.get(value_key(as_text(value)))
    if code is None:
        raise Invalid("expect.status")
    return code


def parse_action_code(value: object) -> str:
    """Text such as 1.2.3."""
    text = as_text(value)
    if not text or len(text) > 40:
        raise Invalid("expect.action_code")
    return text


# Number styles: "1.234,5" is Indonesian, "1,234.5" is English; "1.234" is either.
_GROUPED = {".": re.compile(r"\d{1,3}(\.\d{3})+"), ",": re.compile(r"\d{1,3}(,\d{3})+")}
_STYLE_OF_DECIMAL = {",": "id", ".": "en"}
_NUMBER_CHARS = re.compile(r"[\d.,]+")


def number_style(text: str) -> str | None:
    """'id', 'en', 'either' (ambiguous), 'plain', or None when the text is no number."""
    body = _number_body(text)
    if not body or not _NUMBER_CHARS.fullmatch(body) or not body[0].isdigit() or not body[-1].isdigit():
        return None
    if body.isdigit():
        return "plain"
    if "." in body and "," in body:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        whole = body[: body.rfind(decimal)]
        group = "." if decimal == "," else ","
        if body.count(decimal) == 1 and _GROUPED[group].fullmatch(whole):
            return _STYLE_OF_DECIMAL[decimal]
        return None
    sep = "." if "." in body else ","
    if body.count(sep) > 1:
        return ("id" if sep == "." else "en") if _GROUPED[sep].fullmatch(body) else None
    whole, fraction = body.split(sep)
    if len(fraction) == 3 and len(whole) <= 3 and not whole.startswith("0"):
        return "either"
    return _STYLE_OF_DECIMAL[sep]


def ambiguous_readings(text: str) -> dict[str, object]:
    """The two readings of an ambiguous number such as "1.234" and a spelling of each that no style can misread.

    Each is an (Indonesian, English) pair written in the interface's own style, so that it reads one way only to
    its reader; "1234" spells the thousands in any file, and a fourth decimal place ("1,2340" / "1.2340") the
    decimal (a file's style is then decided by that cell).
    """
    body = _number_body(text)
    suffix = "%" if unicodedata.normalize("NFKC", text).strip().endswith("%") else ""
    whole, fraction = body.split("." if "." in body else ",")
    thousands = int(whole + fraction)
    return {
        "thousands": (fmt_int(thousands, "id") + suffix, fmt_int(thousands, "en") + suffix),
        "decimal": (f"{whole},{fraction}{suffix}", f"{whole}.{fraction}{suffix}"),
        "thousands_spelling": f"{thousands}{suffix}",
        "decimal_spelling": (f"{whole},{fraction}0{suffix}", f"{whole}.{fraction}0{suffix}"),
    }


def _number_body(text: str) -> str:
    body = unicodedata.normalize("NFKC", text).strip().replace("\u00a0", "").replace(" ", "")
    return body[:-1] if body.endswith("%") else body


def parse_number(value: object, style: str | None) -> float:
    """A number ≥ 0: an Excel number, or text in the file's style; ambiguous text without a style is refused."""
    if isinstance(value, bool) or isinstance(value, datetime | date):
        raise Invalid("expect.number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value)
        kind = number_style(text)
        body = _number_body(text)
        if kind is None:
            raise Invalid("expect.number")
        if kind == "either":
            if style not in ("id", "en"):
                raise Invalid("expect.number_ambiguous", **ambiguous_readings(text))
            kind = style
        if kind == "id":
            body = body.replace(".", "").replace(",", ".")
        elif kind == "en":
            body = body.replace(",", "")
        number = float(body)
    if not math.isfinite(number) or number < 0:
        raise Invalid("expect.number")
    return number


# A near-miss is suggested when fuzz.ratio (0–100, 2 × matching characters ÷ both lengths, after value_key) is at
# least this: "Jawa Barta" → "Jawa Barat" scores 90, "Kementrian Agama RI" → "Kementerian Agama" 89, while
# "Pilar 4" → "Pilar 1" (86) and "Kementerian Entah" → "Kementerian Pertahanan" (82) stay without one.
SUGGESTION_MIN_SCORE = 88
# Candidates of other entries within this many points of the best are offered too ("Kemenagri" is as close to
# Kemenag as to Kemendagri), up to SUGGESTION_MAX of them.
SUGGESTION_TIE_POINTS = 3
SUGGESTION_MAX = 3


@dataclass(frozen=True)
class Suggestion:
    """A spelling the reference data accepts, close to a value it refused, and the entry's label (id, en)."""

    spelling: str
    code: str | int
    label: tuple[str, str]

    def text(self, lang: str) -> str:
        label = self.label[1] if lang == "en" else self.label[0]
        named = f" ({label})" if value_key(label) != value_key(self.spelling) else ""
        return f'"{self.spelling}"{named}'


@dataclass(frozen=True)
class PeriodSpan:
    """A plan period as the contract needs it: its years, the word for its groups and their numbers."""

    code: str
    name: str
    name_en: str
    first_year: int
    last_year: int
    word: str
    word_en: str
    numbers: tuple[int, ...]

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@dataclass(frozen=True)
class Reference:
    """Lookups from any accepted spelling to the code of an agency, pillar or province.

    A pillar is a group of the period its row's year belongs to: ``periods`` are the plan periods and
    ``period_pillars`` each one's lookup (period code → spelling → group number).
    ``spellings`` keeps, per kind, every accepted spelling as written in the reference data (key → (spelling,
    code)) and ``labels`` each entry's name (code → (id, en)): what a refused near-miss is offered instead; a
    period's groups are the kind "pillar:<period code>".
    """

    agencies: dict[str, str]
    pillars: dict[str, int]
    provinces: dict[str, str]
    spellings: dict[str, dict[str, tuple[str, object]]] = field(default_factory=dict)
    labels: dict[str, dict[object, tuple[str, str]]] = field(default_factory=dict)
    periods: tuple[PeriodSpan, ...] = ()
    period_pillars: dict[str, dict[str, int]] = field(default_factory=dict)

    def agency(self, value: object) -> str:
        code = self.agencies.get(value_key(as_text(value)))
        if code is None:
            raise self._unknown("agency", value)
        return code

    def period_of(self, year: int | None) -> PeriodSpan | None:
        """The period of a year (the first period when no year is known); None for a year in no period."""
        if year is None:
            return self.periods[0] if self.periods else None
        return next((period for period in self.periods if period.covers(int(year))), None)

    def periods_text(self) -> tuple[str, str]:
        """The periods that exist, in words (id, en): 'RAN PE 2020–2024 (2020–2024)'."""
        spans = [f"{p.code} ({p.first_year}–{p.last_year})" for p in self.periods]
        return (", ".join(spans) or "–", ", ".join(spans) or "–")

    def year(self, value: object) -> int:
        """A year of the contract that is also in a plan period."""
        year = parse_year(value)
        if self.periods and self.period_of(year) is None:
            raise Invalid("expect.year_in_period", periods=self.periods_text())
        return year

    def pillar(self, value: object, year: int | None = None) -> int:
        """A group of the year's period: its number, roman numeral, name or alias."""
        period = self.period_of(year)
        if period is None:
            raise Invalid("expect.year_in_period", periods=self.periods_text())
        index = self.period_pillars.get(period.code, self.pillars)
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value in period.numbers:
                return int(value)
            raise self._expected_pillar(period)
        number = index.get(value_key(as_text(value)))
        if number is None:
            raise self._unknown(f"pillar:{period.code}", value, self._pillar_params(period))
        return number

    @staticmethod
    def _pillar_params(period: PeriodSpan) -> dict[str, object]:
        last = max(period.numbers, default=1)
        return {
            "word": (period.word.lower(), period.word_en.lower()),
            "Word": (period.word, period.word_en),
            "last": last,
            "roman": roman(last),
            "period": (period.name, period.name_en),
        }

    def _expected_pillar(self, period: PeriodSpan) -> Invalid:
        return Invalid("expect.pillar", **self._pillar_params(period))

    def province(self, value: object) -> str | None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = as_text(value)
        key = value_key(as_text(value))
        if key in ("", "-", "–", "—", "nasional", "national", "pusat"):
            return None
        code = self.provinces.get(key)
        if code is None:
            raise self._unknown("province", value)
        return code

    def suggestions(self, kind: str, value: object) -> list[Suggestion]:
        """The accepted spellings closest to a refused value (none when nothing is close enough)."""
        choices = self.spellings.get(kind) or {}
        key = value_key(as_text(value))
        if not key or not choices:
            return []
        found = process.extract(
            key, list(choices), scorer=fuzz.ratio, score_cutoff=SUGGESTION_MIN_SCORE, limit=len(choices)
        )
        offered: list[Suggestion] = []
        seen: set[object] = set()
        for match, score, _ in found:
            spelling, code = choices[match]
            if code in seen or score < found[0][1] - SUGGESTION_TIE_POINTS:
                continue
            seen.add(code)
            offered.append(Suggestion(spelling, code, self.labels[kind][code]))
            if len(offered) == SUGGESTION_MAX:
                break
        return offered

    def _unknown(self, kind: str, value: object, params: dict[str, object] | None = None) -> Invalid:
        """The refusal of an unknown value, carrying the near-misses as (id, en) text when there are any."""
        offered = self.suggestions(kind, value)
        expected = f"expect.{kind.split(':', maxsplit=1)[0]}"
        if not offered:
            return Invalid(expected, **(params or {}))
        return Invalid(
            expected,
            **(params or {}),
            suggestion=tuple(
                (" atau " if lang == "id" else " or ").join(s.text(lang) for s in offered) for lang in ("id", "en")
            ),
        )


_ROMAN_NUMERALS = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """1 → I, 9 → IX, 12 → XII."""
    text = ""
    for value, letters in _ROMAN_NUMERALS:
        while number >= value:
            text += letters
            number -= value
    return text


def build_reference(
    agencies: list[dict],
    pillars: list[dict],
    provinces: list[dict],
    periods: list[dict] | None = None,
    period_groups: dict[str, list[dict]] | None = None,
) -> Reference:
    """Lookup tables from the reference rows; a spelling claimed by two entries is left out.

    ``pillars`` are the groups of the first period; ``periods`` (rows of plan/periods) and ``period_groups``
    (period code → its group rows, with ``number``) give every period its own lookup."""

    def index(rows: list[dict], code_field: str, fields: tuple[str, ...]) -> tuple[dict, dict]:
        table: dict[str, object] = {}
        written: dict[str, tuple[str, object]] = {}
        clashes: set[str] = set()
        for row in rows:
            # The code comes last: a suggestion then shows a name ("Kemendagri") rather than the code it equals.
            spellings = [str(row.get(f) or "") for f in fields] + str(row.get("aliases") or "").split(";")
            for spelling in [*spellings, str(row[code_field])]:
                key = value_key(spelling)
                if not key:
                    continue
                if key in table and table[key] != row[code_field]:
                    clashes.add(key)
                table[key] = row[code_field]
                written.setdefault(key, (" ".join(spelling.split()), row[code_field]))
        for key in clashes:
            table.pop(key, None)
            written.pop(key, None)
        return table, written

    def group_index(rows: list[dict], word: str, word_en: str) -> tuple[dict, dict]:
        rows = [{**row, "pillar": int(row.get("pillar", row.get("number")))} for row in rows]
        table, written = index(rows, "pillar", ("name", "name_en", "short_name", "short_name_en"))
        for row in rows:
            number = row["pillar"]
            for spelling in (
                str(number),
                roman(number),
                f"{word} {number}",
                f"{word_en} {number}",
                f"{word} {roman(number)}",
                f"{word_en} {roman(number)}",
            ):
                key = value_key(spelling)
                if table.get(key, number) == number:
                    table[key] = number
                    written.setdefault(key, (spelling, number))
        return table, written

    if periods is None:
        periods = [
            {
                "code": "RANPE-2020",
                "name": "RAN PE 2020–2024",
                "name_en": "RAN PE 2020–2024",
                "first_year": YEAR_MIN,
                "last_year": YEAR_MAX,
                "group_word": "Pilar",
                "group_word_en": "Pillar",
            }
        ]
    period_groups = dict(period_groups or {})
    if periods:
        period_groups.setdefault(periods[0]["code"], pillars)
    spans = []
    period_pillars: dict[str, dict[str, int]] = {}
    spellings: dict[str, dict] = {}
    labels: dict[str, dict] = {}
    for period in periods:
        rows = period_groups.get(period["code"], [])
        word, word_en = period["group_word"], period["group_word_en"]
        table, written = group_index(rows, word, word_en)
        numbers = tuple(sorted(int(row.get("pillar", row.get("number"))) for row in rows))
        spans.append(
            PeriodSpan(
                period["code"],
                period["name"],
                period["name_en"],
                int(period["first_year"]),
                int(period["last_year"]),
                word,
                word_en,
                numbers,
            )
        )
        period_pillars[period["code"]] = table
        spellings[f"pillar:{period['code']}"] = written
        labels[f"pillar:{period['code']}"] = {n: (f"{word} {n}", f"{word_en} {n}") for n in numbers}
    first = spans[0].code if spans else ""
    agency_index, agency_spellings = index(agencies, "code", ("name", "short_name", "name_en"))
    province_index, province_spellings = index(provinces, "code", ("name", "name_en", "iso"))
    labels |= {
        "agency": {row["code"]: (row["short_name"], row["short_name"]) for row in agencies},
        "province": {row["code"]: (row["name"], row["name_en"]) for row in provinces},
    }
    spellings |= {"agency": agency_spellings, "province": province_spellings}
    if first:
        spellings["pillar"] = spellings[f"pillar:{first}"]
        labels["pillar"] = labels[f"pillar:{first}"]
    return Reference(
        agency_index,
        period_pillars.get(first, {}),
        province_index,
        spellings,
        labels,
        tuple(spans),
        period_pillars,
    )
