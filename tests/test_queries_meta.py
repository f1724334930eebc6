"""Every query file is loaded by the code; tests/conftest.py fails a full run if one was never executed."""

from __future__ import annotations

import re

import pytest

from ranpe import sql
from tests.conftest import REPO

CODE_TEXT = "\n".join(
    p.read_text(encoding="utf-8") for folder in ("ranpe", "pages") for p in (REPO / folder).rglob("*.py")
)


@pytest.mark.parametrize("name", sql.names())
def test_query_file_is_loaded_by_the_code(name):
    assert re.search(rf"[\"']{re.escape(name)}[\"']", CODE_TEXT), f"queries/{name}.sql is loaded nowhere"


def test_unknown_query_name_fails_loudly():
    with pytest.raises(sql.UnknownQuery):
        sql.load("no_such_query")
    with pytest.raises(sql.UnknownQuery):
        sql.load("../pyproject")


def test_every_migration_is_numbered_in_order():
    versions = [version for version, _ in sql.migrations()]
    assert versions == sorted(set(versions))
    assert versions[0] == 1
