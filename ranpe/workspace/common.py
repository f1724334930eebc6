"""What the workspace modules share: the refusal they raise with a translatable reason, the quarters, and the
names shown for codes (K/L short names, province and pillar names) with their case-insensitive order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ranpe.i18n import t
from ranpe.measures.dashboard import pillar_label
from ranpe.plan.periods import Groups, group_names, groups, list_periods
from ranpe.store.connection import Store

QUARTERS = (1, 2, 3, 4)


class WorkspaceError(ValueError):
    """A request the workspace refuses, with a translatable reason."""

    def __init__(self, key: str, **params: Any):
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params

    def message(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.params)


def name_order(text: object) -> str:
    """The sort key of a name in every workspace table and list: case-insensitive ("BNPT" beside "Basarnas")."""
    return str(text or "").casefold()


@dataclass(frozen=True)
class Names:
    """How the workspace shows codes in one language: a K/L by its short name, a province by its name (or
    national), a pillar by its number and short name."""

    lang: str
    agencies: dict[str, str]
    provinces: dict[str, str]
    periods: tuple[Groups, ...] = field(default=())

    def agency(self, code: str | None) -> str:
        return "" if code is None else self.agencies.get(code, code)

    def province(self, code: str | None) -> str:
        return t("national", self.lang) if code is None else self.provinces.get(code, code)

    def pillar(self, pillar: int | None, year: int | None = None) -> str:
        """A group by its period's word, number and short name ("Tema 4 · …"); the first period's without a year."""
        if pillar is None:
            return ""
        named = next(
            (g for g in self.periods if year is not None and g.period.covers(int(year))),
            self.periods[0] if self.periods else None,
        )
        return pillar_label(int(pillar), self.lang, named)

    def group_header(self, years: object) -> str:
        """The group column's header for rows of these years: their period's word ("Tema" / "Theme") when they are
        all of one period, else the generic "Pilar/Tema" / "Pillar/Theme" (several periods, a year in none, no rows)."""
        found = {
            next((g.period for g in self.periods if g.period is not None and g.period.covers(int(year))), None)
            for year in years
        }
        [period] = found if len(found) == 1 else [None]
        return period.word(self.lang) if period is not None else t("field.group", self.lang)

    def agency_codes(self) -> list[str]:
        """Every K/L code, ordered by short name case-insensitively (for lists to choose from)."""
        return sorted(self.agencies, key=lambda code: (name_order(self.agencies[code]), code))


def names(store: Store, lang: str) -> Names:
    """The names of the store's reference data in lang."""
    agencies = {row["code"]: row["short_name"] or row["code"] for row in store.query_rows("reference/agencies")}
    provinces = {
        row["code"]: (row["name_en"] if lang == "en" else row["name"]) or row["code"]
        for row in store.query_rows("reference/provinces")
    }
    periods = tuple(
        Groups(p, group_names(groups(store, p.code)), (p.group_word, p.group_word_en)) for p in list_periods(store)
    )
    return Names(lang, agencies, provinces, periods)
