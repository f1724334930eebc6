"""Shared fixtures: a fresh store on disk, and writers of real .xlsx and .csv files."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from ranpe.access import Actor
from ranpe.store import Store

ANALYST = Actor("analis", "analyst")
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store in a DuckDB file of its own."""
    opened = Store(tmp_path / "ranpe.duckdb")
    yield opened
    opened.close()


def xlsx_bytes(sheets: dict[str, list[list[object]]], hidden: tuple[str, ...] = ()) -> bytes:
    """An .xlsx workbook with the given sheets (name → rows of cells), written by openpyxl."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    """A CSV file of the rows, in the given separator and encoding ('utf-8-sig' adds a BOM)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture
def make_xlsx() -> Callable[..., bytes]:
    return xlsx_bytes


@pytest.fixture
def make_csv() -> Callable[..., bytes]:
    return csv_bytes


# The demo data set, loaded once per test session (see tests/fixtures_demo.py).
from tests.fixtures_demo import demo_store_path  # noqa: E402, F401
