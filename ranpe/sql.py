"""Loads the SQL files in queries/ by name; an unknown name fails loudly."""

from __future__ import annotations

from functools import cache

from ranpe.config import QUERIES_DIR


class UnknownQuery(KeyError):
    """No file in queries/ has this name."""


@cache
def load(name: str) -> str:
    """The text of queries/<name>.sql."""
    path = QUERIES_DIR / f"{name}.sql"
    if not name.replace("_", "").replace("/", "").isalnum() or not path.is_file():
        raise UnknownQuery(name)
    return path.read_text(encoding="utf-8")


def names() -> list[str]:
    """Every query file's name (migrations excluded)."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def migrations() -> list[tuple[int, str]]:
    """(version, SQL text) of every migration, in order."""
    found = []
    for path in sorted((QUERIES_DIR / "migrations").glob("*.sql")):
        version = int(path.name.split("_", 1)[0])
        found.append((version, path.read_text(encoding="utf-8")))
    return found
