"""The submission template of a year speaks of that year's period's groups (issue 12): `python -m ranpe template
OUT.xlsx --year 2026`, a year of the illustrative period of nine themes, says "Tema" / "Theme" in its headers,
instructions, accepted values and lists, never "Pilar" / "Pillar"; the template of 2020–2024 keeps the pillars."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ranpe.i18n import t
from ranpe.ingest import contract
from ranpe.ingest.contract import header_key
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.ingest.template import EXAMPLE_HEADER_ROW
from ranpe.store.connection import Store
from tests.conftest import ANALYST, REPO
from tests.test_catalogue import add_second_period, catalogue_file, imported
from tests.test_template import fill

PILLAR = re.compile(r"pil(l)?ar", re.IGNORECASE)


def cli_template(db: Path, out: Path, lang: str, year: int) -> Path:
    done = subprocess.run(
        [sys.executable, "-m", "ranpe", "template", str(out), "--lang", lang, "--year", str(year), "--db", str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def texts(path: Path) -> dict[str, list[str]]:
    """Every filled cell of every sheet, as text."""
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
        for sheet in book.worksheets
    }


@pytest.fixture
def themes_db(store: Store) -> Path:
    add_second_period(store)
    path = store.path
    store.close()
    return Path(path)


@pytest.mark.parametrize(
    ("lang", "header", "accepted", "rule", "lists"),
    [
        (
            "id",
            "Tema*",
            "1–9, I–IX, Tema 1, atau nama tema",
            "triwulan dan tema yang sama",
            ["Daftar Tema", "Nama Tema"],
        ),
        (
            "en",
            "Theme*",
            "1–9, I–IX, Theme 1, or the theme's name",
            "quarter and theme replaces",
            ["Theme list", "Theme name"],
        ),
    ],
)
def test_the_template_of_a_themes_year_never_says_pillar(
    themes_db: Path, tmp_path: Path, lang, header, accepted, rule, lists
):
    path = cli_template(themes_db, tmp_path / f"template_2026_{lang}.xlsx", lang, 2026)
    shown = texts(path)
    assert {sheet: [text for text in cells if PILLAR.search(text)] for sheet, cells in shown.items()} == {
        sheet: [] for sheet in shown
    }
    book = openpyxl.load_workbook(path)
    assert header in [cell.value for cell in book.worksheets[0][1]]
    instructions = book[t("template.sheet.instructions", lang)]
    rows = {
        row[0]: row for row in instructions.iter_rows(min_row=7, max_row=6 + len(contract.FIELDS), values_only=True)
    }
    assert rows[header][2:5] == ("Tema RAN PE dari aksi.", "RAN PE theme of the action.", accepted)
    assert "tema.fokus.nomor" in rows["Kode Aksi*" if lang == "id" else "Action code*"][2]
    assert "theme.focus area.number" in rows["Kode Aksi*" if lang == "id" else "Action code*"][3]
    assert rule in instructions.cell(row=3, column=1).value
    assert [cell.value for cell in book[t("template.sheet.lists", lang)][1][:2]] == lists


def test_the_template_of_a_pillars_year_keeps_pillar(themes_db: Path, tmp_path: Path):
    path = cli_template(themes_db, tmp_path / "template_2023.xlsx", "id", 2023)
    book = openpyxl.load_workbook(path)
    instructions = book[t("template.sheet.instructions", "id")]
    rows = {
        row[0]: row for row in instructions.iter_rows(min_row=7, max_row=6 + len(contract.FIELDS), values_only=True)
    }
    assert rows["Pilar*"][2:5] == (
        "Pilar RAN PE dari aksi.",
        "RAN PE pillar of the action.",
        "1–3, I–III, Pilar 1, atau nama pilar",
    )
    assert [cell.value for cell in book[t("template.sheet.lists", "id")][1][:2]] == ["Daftar Pilar", "Nama Pilar"]


def test_the_themes_template_filled_from_its_lists_is_stored(themes_db: Path, tmp_path: Path):
    path = cli_template(themes_db, tmp_path / "template_2026.xlsx", "id", 2026)
    data = fill(
        path,
        [
            {
                "year": 2026,
                "quarter": "TW I",
                "agency": "BNPT",
                "pillar": "Tema 9",
                "action_code": "T9.1",
                "committed": "Ya",
            }
        ],
    )
    with Store(themes_db) as store:
        result = ingest_bytes(store, data, "template_2026.xlsx", actor=ANALYST)
        assert result.status == "stored", result.as_dict("en")
        [pillar] = {row[0] for row in store.cursor().execute("select pillar from current_rows").fetchall()}
    assert pillar == 9


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_example_row_names_an_action_of_the_years_catalogue(store: Store, tmp_path: Path, lang: str):
    """With a catalogue for the period, the template's example is one of its actions planned in the year, with its
    group and its lead K/L (BNPT's first when it leads one); without one, the illustrative example stays."""
    add_second_period(store)
    header = ["Kode Aksi", "Aksi", "Tema", "Penanggung Jawab", "Tahun Pelaksanaan"]
    rows = [
        ["T2.1", "Aksi dari tahun lalu", 2, "BNPT", "2026"],
        ["T3.4", "Aksi lembaga lain", 3, "POLRI", "2027"],
        ["T5.2", "Dialog lintas tokoh agama", 5, "BNPT", "2027–2029"],
    ]
    assert imported(store, catalogue_file(rows, header), period="RANPE-2026").status == "stored"
    db = Path(store.path)
    store.close()

    def example(year: int) -> dict[str, object]:
        path = cli_template(db, tmp_path / f"template_{year}_{lang}.xlsx", lang, year)
        sheet = openpyxl.load_workbook(path).worksheets[1]
        headers = [contract.HEADER_FIELDS[header_key(c.value)] for c in sheet[EXAMPLE_HEADER_ROW]]
        return dict(zip(headers, [c.value for c in sheet[EXAMPLE_HEADER_ROW + 1]], strict=True))

    in_2027 = example(2027)
    assert (in_2027["action_code"], in_2027["action"], in_2027["agency"]) == (
        "T5.2",
        "Dialog lintas tokoh agama",
        "BNPT",
    )
    assert in_2027["pillar"] == ("Tema 5" if lang == "id" else "Theme number 5")
    assert example(2026)["action_code"] == "T2.1"
    assert example(2023)["action_code"] == "1.3.2"  # RANPE-2020 has no catalogue in this store
