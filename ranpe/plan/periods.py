"""Plan periods and their groups: which period a year belongs to, and what its groups are called."""

from __future__ import annotations

from dataclasses import dataclass

from ranpe.store.connection import Store


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


def list_periods(store: Store) -> list[Period]:
    """Every period of the store, oldest first."""
    return [
        Period(**{**row, "first_year": int(row["first_year"]), "last_year": int(row["last_year"])})
        for row in store.query_rows("plan/periods")
    ]


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
