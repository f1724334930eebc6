"""Plan periods and their groups: which period a year belongs to, and what its groups are called."""

from __future__ import annotations

import csv
import io
import re
import weakref
from dataclasses import asdict, dataclass
from typing import Any

from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.config import MAX_GROUPS
from ranpe.i18n import t
from ranpe.store import sql
from ranpe.store.connection import Store

# The years a submission may name (ranpe.ingest.contract.YEAR_MIN/MAX): a period lies within them.
YEAR_MIN, YEAR_MAX = 2020, 2030


@dataclass(frozen=True)
class Period:
    """A plan period: RAN PE 2020–2024 with its three pillars, or a later one with its own groups."""

    code: str
    name: str
    name_en: str
    legal_basis: str
    first_year: int
    last_year: int
    group_word: str
    group_word_en: str
    illustrative: bool

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def label(self, lang: str) -> str:
        return self.name if lang == "id" else self.name_en

    def word(self, lang: str) -> str:
        """The word for its groups: Pilar / Pillar, Tema / Theme."""
        return self.group_word if lang == "id" else self.group_word_en


# The periods last read from each store, with its data version then: every page run asks for them several times.
_read: weakref.WeakKeyDictionary[Store, tuple[int, tuple[Period, ...]]] = weakref.WeakKeyDictionary()


def list_periods(store: Store) -> list[Period]:
    """Every period of the store, oldest first (read again when the stored data changes)."""
    version = store.data_version()
    kept = _read.get(store)
    if kept is None or kept[0] != version:
        periods = tuple(
            Period(**{**row, "first_year": int(row["first_year"]), "last_year": int(row["last_year"])})
            for row in store.query_rows("plan/periods")
        )
        _read[store] = kept = (version, periods)
    return list(kept[1])


def period_of_year(store: Store, year: int) -> Period | None:
    """The period a year belongs to, or None when it is in none."""
    return next((period for period in list_periods(store) if period.covers(year)), None)


def groups(store: Store, code: str) -> list[dict]:
    """The groups of a period (number, name, name_en, working_group, aliases), by number."""
    return store.query_rows("plan/period_groups", period=code)


@dataclass(frozen=True)
class Groups:
    """The groups of one period as pages, charts and exports name them: "Tema 4 · …" in a period of themes.

    ``period`` is None for a year in no period: its groups are then named by number under the first period's
    word, so that a page never fails on a year the store has rows for."""

    period: Period | None
    names: dict[int, tuple[str, str]]  # number → short name (id, en)
    words: tuple[str, str] = ("Pilar", "Pillar")

    @property
    def numbers(self) -> list[int]:
        return sorted(self.names)

    @property
    def illustrative(self) -> bool:
        return bool(self.period and self.period.illustrative)

    def word(self, lang: str) -> str:
        return self.words[1] if lang == "en" else self.words[0]

    def short(self, number: int, lang: str) -> str:
        """'Pilar 1' / 'Theme 4'."""
        return f"{self.word(lang)} {int(number)}"

    def name(self, number: int, lang: str) -> str:
        names = self.names.get(int(number))
        if names is None:
            return ""
        return names[1] if lang == "en" else names[0]

    def label(self, number: int, lang: str) -> str:
        """'Pilar 1 · Pencegahan' / 'Theme 4 · Digital literacy'."""
        name = self.name(number, lang)
        return f"{self.short(number, lang)} · {name}" if name else self.short(number, lang)

    def every(self, lang: str) -> str:
        """'Semua pilar' / 'All themes'."""
        return f"Semua {self.word('id').lower()}" if lang != "en" else f"All {self.word('en').lower()}s"

    def every_inline(self, lang: str) -> str:
        """every() within a sentence: 'semua tema' / 'all themes'."""
        text = self.every(lang)
        return text[:1].lower() + text[1:]

    def plural(self, lang: str) -> str:
        """The groups as a page title: 'Pilar', 'Tema' / 'Pillars', 'Themes'."""
        return self.word(lang) if lang != "en" else f"{self.word('en')}s"


def groups_title(periods: list[Period], lang: str) -> str | None:
    """The page of groups named for every period at once, as the navigation names it before a year is chosen:
    'Pilar & Tema' / 'Pillars & themes' (each period's word once, in period order); None without periods."""
    words: list[str] = []
    for period in periods:
        word = period.word(lang)
        word = word if lang != "en" else f"{word}s"
        if word.lower() not in [w.lower() for w in words]:
            words.append(word if not words or lang != "en" else word.lower())
    return " & ".join(words) or None


def group_names(rows: list[dict]) -> dict[int, tuple[str, str]]:
    """Number → short name (id, en) of period_groups rows (the name where no short name is kept)."""
    return {
        int(row["number"]): (row["short_name"] or row["name"], row["short_name_en"] or row["name_en"]) for row in rows
    }


def groups_of_year(store: Store, year: int | None) -> Groups:
    """The groups of the period a year belongs to (the first period's when the year is in none or None)."""
    every = list_periods(store)
    period = next((p for p in every if year is not None and p.covers(int(year))), None)
    shown = period or (every[0] if every else None)
    if shown is None:
        return Groups(None, {})
    names = group_names(groups(store, shown.code))
    return Groups(period, names, (shown.group_word, shown.group_word_en))


def every_group(store: Store) -> dict[str, list[dict]]:
    """Period code → its groups (number, names, aliases), by number."""
    found: dict[str, list[dict]] = {}
    for row in store.query_rows("plan/all_period_groups"):
        found.setdefault(row["period_code"], []).append(row)
    return found


# -- adding and editing a period (admins; audited) ------------------------------------------------------------

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
YEARS_PATTERN = re.compile(r"^\s*(\d{4})\s*(?:[-–—]|\.\.|to|s/d|sampai)\s*(\d{4})\s*$|^\s*(\d{4})\s*$")
GROUP_COLUMNS = ("number", "name", "name_en", "aliases")


class PeriodError(ValueError):
    """Every problem of a period refused, each a translation key and its parameters."""

    def __init__(self, problems: list[tuple[str, dict[str, Any]]]):
        super().__init__("; ".join(key for key, _ in problems))
        self.problems = problems

    def messages(self, lang: str) -> list[str]:
        return [t(key, lang, **params) for key, params in self.problems]

    def message(self, lang: str) -> str:
        return "\n".join(self.messages(lang))


def parse_years(text: object) -> tuple[int, int] | None:
    """'2026-2029', '2026–2029' or one year as (first, last); None when unreadable or outside 2020–2030."""
    found = YEARS_PATTERN.match(str(text or ""))
    if not found:
        return None
    first, last = (int(found[1]), int(found[2])) if found[1] else (int(found[3]), int(found[3]))
    if not (YEAR_MIN <= first <= last <= YEAR_MAX):
        return None
    return first, last


def read_groups_csv(text: str, file_name: str) -> tuple[list[dict], list[tuple[str, dict[str, Any]]]]:
    """The groups of a GROUPS.csv (number,name,name_en,aliases) and every problem found in it."""
    problems: list[tuple[str, dict[str, Any]]] = []
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        return [], [("period.error.groups_header", {"file": file_name, "missing": ", ".join(GROUP_COLUMNS[:3])})]
    header = [cell.strip().casefold() for cell in rows[0]]
    missing = [name for name in GROUP_COLUMNS[:3] if name not in header]
    if missing:
        return [], [("period.error.groups_header", {"file": file_name, "missing": ", ".join(missing)})]
    found = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        record = {
            name: (cells[header.index(name)].strip() if header.index(name) < len(cells) else "")
            for name in GROUP_COLUMNS
            if name in header
        }
        found.append({**record, "row": line})
    return found, problems


def check_groups(groups_in: list[dict], file_name: str) -> tuple[list[dict], list[tuple[str, dict[str, Any]]]]:
    """Groups as stored (number, names, aliases) and every problem: numbers 1–12 once each, both names given."""
    problems: list[tuple[str, dict[str, Any]]] = []
    kept: list[dict] = []
    seen: set[int] = set()
    for position, group in enumerate(groups_in, start=1):
        row = group.get("row", position + 1)
        text = str(group.get("number", "")).strip()
        number = int(text) if text.isdigit() else None
        if number is None or not 1 <= number <= MAX_GROUPS:
            problems.append(
                ("period.error.group_number", {"file": file_name, "row": row, "value": text, "max": MAX_GROUPS})
            )
        elif number in seen:
            problems.append(("period.error.group_duplicate", {"file": file_name, "row": row, "value": number}))
        else:
            seen.add(number)
        for column in ("name", "name_en"):
            if not str(group.get(column) or "").strip():
                problems.append(("period.error.group_name", {"file": file_name, "row": row, "column": column}))
        aliases = ";".join(a.strip() for a in str(group.get("aliases") or "").replace("|", ";").split(";") if a.strip())
        kept.append(
            {
                "number": number,
                "name": " ".join(str(group.get("name") or "").split()),
                "name_en": " ".join(str(group.get("name_en") or "").split()),
                "short_name": " ".join(str(group.get("short_name") or "").split()),
                "short_name_en": " ".join(str(group.get("short_name_en") or "").split()),
                "working_group": str(group.get("working_group") or "").strip(),
                "aliases": aliases,
            }
        )
    if not groups_in:
        problems.append(("period.error.no_groups", {}))
    elif len(groups_in) > MAX_GROUPS:
        problems.append(("period.error.too_many_groups", {"max": MAX_GROUPS, "count": len(groups_in)}))
    return sorted(kept, key=lambda g: g["number"] or 0), problems


def save_period(
    store: Store,
    *,
    code: str,
    name: str,
    name_en: str,
    legal_basis: str,
    years: object,
    group_word: str,
    group_word_en: str,
    groups_in: list[dict],
    actor: Actor,
    illustrative: bool = False,
    edit: bool = False,
    groups_file: str = "GROUPS.csv",
) -> Period:
    """Add a period with its groups, or with edit=True replace one (admins only; audited; all or nothing).

    Every problem is reported at once: the code, each required text, the years (readable, within 2020–2030, not
    overlapping another period, still covering every stored year of the period edited), each group (a number
    1–12 once, both names) and, on an edit, no group or year that stored rows use may go."""
    require(actor, "admin", "edit plan periods")
    code = str(code or "").strip()
    problems: list[tuple[str, dict[str, Any]]] = []
    if not CODE_PATTERN.match(code):
        problems.append(("period.error.code", {"value": code}))
    texts = {"name": name, "name_en": name_en, "group_word": group_word, "group_word_en": group_word_en}
    texts = {key: " ".join(str(value or "").split()) for key, value in texts.items()}
    for key, value in texts.items():
        if not value:
            problems.append(("period.error.required", {"field": f"--{key.replace('_', '-')}"}))
    span = parse_years(years)
    if span is None:
        problems.append(("period.error.years", {"value": years}))
    existing = list_periods(store)
    before = next((p for p in existing if p.code == code), None)
    if before is not None and not edit:
        problems.append(("period.error.exists", {"code": code}))
    if before is None and edit:
        problems.append(("period.error.unknown", {"code": code}))
    if span is not None:
        for other in existing:
            if other.code != code and other.first_year <= span[1] and span[0] <= other.last_year:
                problems.append(
                    (
                        "period.error.overlap",
                        {
                            "first": span[0],
                            "last": span[1],
                            "other": other.code,
                            "other_first": other.first_year,
                            "other_last": other.last_year,
                        },
                    )
                )
    kept, group_problems = check_groups(groups_in, groups_file)
    problems.extend(group_problems)
    if before is not None and edit and span is not None:
        used = store.query_rows("plan/groups_in_use")
        own = [u for u in used if before.covers(int(u["year"]))]
        lost_years = sorted({int(u["year"]) for u in own if not span[0] <= int(u["year"]) <= span[1]})
        if lost_years:
            problems.append(("period.error.years_in_use", {"years": ", ".join(map(str, lost_years))}))
        numbers = {g["number"] for g in kept}
        lost = sorted({int(u["pillar"]) for u in own if int(u["pillar"]) not in numbers})
        if lost:
            problems.append(
                (
                    "period.error.groups_in_use",
                    {"numbers": ", ".join(map(str, lost)), "first": before.first_year, "last": before.last_year},
                )
            )
    if problems:
        raise PeriodError(problems)
    period = Period(
        code,
        texts["name"],
        texts["name_en"],
        " ".join(str(legal_basis or "").split()),
        span[0],
        span[1],
        texts["group_word"],
        texts["group_word_en"],
        bool(illustrative),
    )
    groups_before = (
        []
        if before is None
        else [
            {
                key: row[key]
                for key in ("number", "name", "name_en", "short_name", "short_name_en", "working_group", "aliases")
            }
            for row in groups(store, code)
        ]
    )
    with store.transaction() as cur:
        if before is not None:
            cur.execute(sql.load("plan/period_delete"), {"code": code})
            cur.execute(sql.load("plan/period_groups_delete"), {"period": code})
        cur.execute(sql.load("plan/period_insert"), asdict(period))
        for group in kept:
            cur.execute(sql.load("plan/period_group_insert"), {"period": code, **group})
        old = {} if before is None else asdict(before)
        old_groups = [] if before is None else groups_before
        changes = {name: [old.get(name), value] for name, value in asdict(period).items() if old.get(name) != value}
        if old_groups != kept:
            changes["groups"] = [old_groups, kept]
        # A reference edit like any other (the audit page shows its entity, code and changes).
        audit.write(cur, actor, "reference_change", {"entity": "period", "code": code, "changes": changes})
    return period


def period_as_dict(store: Store, period: Period) -> dict[str, Any]:
    """A period and its groups as `period list --json` gives them."""
    return {
        **asdict(period),
        "groups": [
            {key: row[key] for key in ("number", "name", "name_en", "short_name", "short_name_en", "aliases")}
            for row in groups(store, period.code)
        ],
    }


def remove_period(store: Store, code: str, *, actor: Actor) -> None:
    """Delete a period and its groups (admins only; audited); refused while stored rows have a year in it."""
    require(actor, "admin", "edit plan periods")
    period = next((p for p in list_periods(store) if p.code == code), None)
    if period is None:
        raise PeriodError([("period.error.unknown", {"code": code})])
    used = sorted({int(u["year"]) for u in store.query_rows("plan/groups_in_use") if period.covers(int(u["year"]))})
    if used:
        raise PeriodError([("period.error.period_in_use", {"code": code, "years": ", ".join(map(str, used))})])
    with store.transaction() as cur:
        cur.execute(sql.load("plan/period_delete"), {"code": code})
        cur.execute(sql.load("plan/period_groups_delete"), {"period": code})
        audit.write(
            cur,
            actor,
            "reference_change",
            {"entity": "period", "code": code, "changes": {"removed": [asdict(period), None]}},
        )
