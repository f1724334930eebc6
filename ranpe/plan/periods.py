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
