"""A problem found in an uploaded file, told in the user's language with its place in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ranpe.i18n import t

# Parameters whose values are themselves translation keys or field names.
_KEY_PARAMS = ("expected", "found")
_FIELD_PARAMS = ("field",)


@dataclass
class Problem:
    """One problem: which file, sheet, Excel row, column (as the file names it) and value."""

    key: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"

    def message(self, lang: str = "id") -> str:
        # A parameter given in both languages is an (id, en) pair.
        values = {
            name: (value[1] if lang == "en" else value[0]) if isinstance(value, tuple) else value
            for name, value in self.params.items()
        }
        values.setdefault("value", self.value or "")
        for name in _KEY_PARAMS:
            if name in values:
                values[name] = t(values[name], lang, **values)
        for name in _FIELD_PARAMS:
            if name in values:
                values[name] = t(f"field.{values[name]}", lang)
        text = t(self.key, lang, **values)
        if values.get("suggestion"):
            text += ". " + t("problem.did_you_mean", lang, suggestion=values["suggestion"])
        return text

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(lang),
            "severity": self.severity,
        }


class Refused(Exception):
    """A file refused before its rows were read; carries the problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.key for p in problems))
        self.problems = problems
