"""What the workspace modules share: the refusal they raise with a translatable reason, the quarters."""

from __future__ import annotations

from typing import Any

from ranpe.i18n import t

QUARTERS = (1, 2, 3, 4)


class WorkspaceError(ValueError):
    """A request the workspace refuses, with a translatable reason."""

    def __init__(self, key: str, **params: Any):
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params

    def message(self, lang: str = "id") -> str:
        return t(self.key, lang, **self.params)
