"""The workspace tables head the group column with the word of the rows' period (issue 12): a file of 2026, a year
of the illustrative period of nine themes, says "Tema" / "Theme" in the upload preview, the replace plan, the
version chain, the comparison, undo and restore, on the pages as in the tables; rows of two periods say
"Pilar/Tema" / "Pillar/Theme". Files of 2020–2024 keep "Pilar" / "Pillar" (tests/test_workspace.py)."""

from __future__ import annotations

import pytest

from ranpe.i18n import t
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store.connection import Store
from ranpe.workspace import common, history, upload
from tests.conftest import ANALYST, xlsx_bytes
from tests.test_catalogue import HEADER as CATALOGUE_HEADER
from tests.test_catalogue import add_second_period
from tests.test_pages_workspace import XLSX, db, no_exception, page, table  # noqa: F401 (db is a fixture)

HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Tema", "Kode Aksi", "Provinsi", "Komitmen", "Keterangan"]
WORDS = {"id": ("Tema", "Tema 4"), "en": ("Theme", "Theme 4")}


def themes_report(committed: str, year: int = 2026) -> bytes:
    """BNPT's report of the year's Q1: two actions of theme 4."""
    return xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [year, 1, "BNPT", 4, "T4.1", "", committed, ""],
                [year, 1, "BNPT", 4, "T4.2", "Jawa Barat", committed, ""],
            ]
        }
    )


def stored(store, data: bytes, name: str):
    result = ingest_bytes(store, data, name, actor=ANALYST)
    assert result.status == "stored", result.as_dict("en")
    return result


@pytest.fixture
def themes_store(store):
    add_second_period(store)
    return store


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_preview_and_the_replace_plan_of_a_themes_file_say_theme(themes_store, lang):
    word, label = WORDS[lang]
    first = stored(themes_store, themes_report("Tidak"), "bnpt-2026.xlsx")
    result = upload.preview(themes_store, themes_report("Ya"), "bnpt-2026-revisi.xlsx", actor=ANALYST)
    assert result.status == "checked", result.as_dict("en")
    names = common.names(themes_store, lang)

    rows = upload.preview_rows(result, names)
    assert [row[word] for row in rows] == [
        f"{label} · Tema nomor 4" if lang == "id" else f"{label} · Theme number 4"
    ] * 2
    assert [column for column in rows[0] if "pil" in column.lower()] == []

    [plan] = upload.plan_rows(upload.replace_plan(themes_store, result), names)
    assert plan[word].startswith(label)
    assert [column for column in plan if "pil" in column.lower()] == []
    assert str(first.upload_id) in str(plan.values())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_history_tables_of_a_themes_file_say_theme(themes_store, lang):
    word, label = WORDS[lang]
    old = stored(themes_store, themes_report("Tidak"), "bnpt-2026.xlsx")
    new = stored(themes_store, themes_report("Ya"), "bnpt-2026-revisi.xlsx")
    names = common.names(themes_store, lang)

    chain = history.version_chain(themes_store, agency="BNPT", year=2026, quarter=1)
    tables = {
        "chain": history.chain_rows(chain, names, chosen=old.upload_id),
        "comparison": history.comparison_rows(
            history.compare_versions(themes_store, old.upload_id, new.upload_id), names
        ),
        "undo": history.undo_rows(history.undo_plan(themes_store, new.upload_id), names),
        "restore": history.restore_rows(history.restore_plan(themes_store, old.upload_id), names),
    }
    for table_name, rows in tables.items():
        assert rows, table_name
        assert {row[word].split(" · ")[0] for row in rows} == {label}, table_name
        assert [column for column in rows[0] if "pil" in column.lower()] == [], table_name


@pytest.mark.parametrize(("lang", "generic"), [("id", "Pilar/Tema"), ("en", "Pillar/Theme")])
def test_a_file_of_two_periods_says_the_generic_word(themes_store, lang, generic):
    body = [
        [2023, 4, "BNPT", 1, "1.1.1", "", "Ya", ""],
        [2026, 1, "BNPT", 4, "T4.1", "", "Ya", ""],
    ]
    result = upload.preview(themes_store, xlsx_bytes({"Laporan": [HEADER, *body]}), "dua.xlsx", actor=ANALYST)
    assert result.status == "checked", result.as_dict("en")
    names = common.names(themes_store, lang)
    rows = upload.preview_rows(result, names)
    assert [row[generic].split(" ")[0] for row in rows] == (["Pilar", "Tema"] if lang == "id" else ["Pillar", "Theme"])
    plan = upload.plan_rows(upload.replace_plan(themes_store, result), names)
    assert len(plan) == 2 and all(generic in row for row in plan)


# -- the pages: what a reader sees ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_upload_page_previews_a_themes_file_under_its_word(db, lang):  # noqa: F811 (db is a fixture)
    word, label = WORDS[lang]
    with Store(db) as store:
        add_second_period(store)
        stored(store, themes_report("Tidak"), "bnpt-2026.xlsx")
    at = page("upload", lang=lang)
    at.file_uploader(key="ws_upload_files").set_value([("bnpt-2026-revisi.xlsx", themes_report("Ya"), XLSX)])
    at = no_exception(at.run())
    plan = table(at, t("ws.col.rows_in_file", lang))
    rows = table(at, t("field.action_code", lang))
    assert {value.split(" · ")[0] for value in plan[word]} == {label}
    assert {value.split(" · ")[0] for value in rows[word]} == {label}
    headers = [str(column) for frame in at.dataframe for column in frame.value.columns]
    assert [header for header in headers if "pil" in header.lower()] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_history_page_of_a_themes_file_says_its_word(db, lang):  # noqa: F811 (db is a fixture)
    word, label = WORDS[lang]
    with Store(db) as store:
        add_second_period(store)
        stored(store, themes_report("Tidak"), "bnpt-2026.xlsx")
        stored(store, themes_report("Ya"), "bnpt-2026-revisi.xlsx")
    at = no_exception(page("history", lang=lang))
    chain = table(at, t("ws.col.version", lang))
    differences = table(at, t("ws.col.flipped", lang))
    assert {value.split(" · ")[0] for value in chain[word]} == {label}
    assert {value.split(" · ")[0] for value in differences[word]} == {label}
    headers = [str(column) for frame in at.dataframe for column in frame.value.columns]
    assert [header for header in headers if "pil" in header.lower()] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_catalogue_preview_of_a_themes_period_says_its_word(db, lang):  # noqa: F811 (db is a fixture)
    word, _ = WORDS[lang]
    with Store(db) as store:
        add_second_period(store)
    data = xlsx_bytes({"Matriks": [["Periode", *CATALOGUE_HEADER], ["RANPE-2026", "T4.1", "Literasi", 4, "BNPT"]]})
    at = page("upload", lang=lang)
    at.file_uploader(key="catalogue_file").set_value([("matriks-2026.xlsx", data, XLSX)])
    at = no_exception(at.run())
    preview = table(at, t("field.lead_agency", lang))
    assert preview[word].tolist() == [4]
    assert [column for column in preview.columns if "pil" in str(column).lower()] == []
