"""Loads SQL files by their name relative to a folder (queries/measures/totals.sql is "measures/totals");
an unknown name fails loudly."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ranpe.config import QUERIES_DIR

# A query's name: lowercase words joined by "_", in folders joined by "/" (no "..", no absolute path).
_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
MIGRATIONS_FOLDER = "migrations"


class UnknownQuery(KeyError):
    """No query file has this name."""


class QueryFolder:
    """One folder of query files, one query per file, named by its path relative to the folder."""

    def __init__(self, root: Path, *, exclude: tuple[str, ...] = ()):
        self.root = root
        self.exclude = exclude

    def path(self, name: str) -> Path:
        """The file of a query name; UnknownQuery when the name is malformed, excluded or has no file."""
        path = self.root / f"{name}.sql"
        if not _NAME.match(name) or name.split("/", 1)[0] in self.exclude or not path.is_file():
            raise UnknownQuery(name)
        return path

    def load(self, name: str) -> str:
        """The text of <root>/<name>.sql."""
        return _read(self.path(name))

    def names(self) -> list[str]:
        """Every query's name in the folder and its sub-folders (excluded folders left out)."""
        found = (p.relative_to(self.root).with_suffix("").as_posix() for p in self.root.rglob("*.sql"))
        return sorted(name for name in found if name.split("/", 1)[0] not in self.exclude)


@cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


QUERIES = QueryFolder(QUERIES_DIR, exclude=(MIGRATIONS_FOLDER,))


def load(name: str) -> str:
    """The text of queries/<name>.sql (e.g. "measures/commitment_by_pillar")."""
    return QUERIES.load(name)


def names() -> list[str]:
    """Every query file's name in queries/ (migrations excluded)."""
    return QUERIES.names()


def migrations() -> list[tuple[int, str]]:
    """(version, SQL text) of every migration, in order."""
    found = []
    for path in sorted((QUERIES_DIR / MIGRATIONS_FOLDER).glob("*.sql")):
        version = int(path.name.split("_", 1)[0])
        found.append((version, path.read_text(encoding="utf-8")))
    return found
