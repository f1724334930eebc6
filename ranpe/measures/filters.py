"""The view every measure is computed for: a year and optional quarter, pillar, K/L and province."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

NATIONAL = "national"


@dataclass(frozen=True)
class Filters:
    """The view: a year, and optionally a quarter, pillar, agency code and province (BPS code or 'national')."""

    year: int
    quarter: int | None = None
    pillar: int | None = None
    agency: str | None = None
    province: str | None = None

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
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
