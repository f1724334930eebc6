"""The view every measure is computed for: a year and optional quarter, pillar, K/L, province and moment."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from typing import Any

NATIONAL = "national"


@dataclass(frozen=True)
class Filters:
    """The view: a year, and optionally a quarter, pillar, agency code, province (BPS code or 'national') and a
    moment to read the store as it was then (as_of: uploads, replacements and restores after it are ignored)."""

    year: int
    quarter: int | None = None
    pillar: int | None = None
    agency: str | None = None
    province: str | None = None
    as_of: datetime | None = None

    def params(self) -> dict[str, Any]:
        """Bound parameters for the measure queries."""
        national = self.province == NATIONAL
        return {
            "year": self.year,
            "quarter": self.quarter,
            "pillar": self.pillar,
            "agency": self.agency,
            "province": None if national else self.province,
            "national_only": national,
            "as_of": self.as_of,
        }

    def as_dict(self) -> dict[str, Any]:
        """The filters as plain values (the moment in ISO 8601), for JSON and the audit log."""
        return asdict(self) | {"as_of": self.as_of.isoformat() if self.as_of else None}


def end_of_day(day: date) -> datetime:
    """The last moment of a day (local time): a date alone as an as-of moment means the whole of that day."""
    return datetime.combine(day, time.max)


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date (the end of that day, local time) or date-time (with an offset: turned into local time)
    as a moment; ValueError for anything else."""
    text = text.strip()
    try:
        return end_of_day(date.fromisoformat(text))
    except ValueError:
        moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment
