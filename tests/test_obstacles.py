"""Obstacles (DOMAIN.md, "Obstacles"): texts coded into themes by stemmed Indonesian and literal English words,
counted as the measures count rows, open without follow-up; the CLI; the dictionary's audited, previewed edits."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ranpe import config
from ranpe.access import audit
from ranpe.access.roles import SYSTEM, Actor, Forbidden
from ranpe.cli import main as cli_main
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures import obstacles
from ranpe.measures.filters import Filters
from ranpe.measures.obstacles import OTHER, Coder, Theme
from ranpe.store.connection import Store
from ranpe.workspace import obstacle_themes
from ranpe.workspace.common import WorkspaceError
from tests.conftest import ANALYST, csv_bytes
from tests.fixtures_demo import copy_demo_store

ADMIN = Actor("admin", "admin")
HEADER = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Provinsi", "Komitmen", "Hambatan", "Tindak Lanjut"]
# (year, quarter, agency, pillar, action, province, obstacle, follow-up): BNPT and KEMENAG each report twice;
# the measures count each (K/L, pillar)'s latest quarter, TW II.
ROWS = [
    (2024, 1, "BNPT", 1, "1.1.1", "Jawa Barat", "Dana terlambat cair", ""),
    (2024, 2, "BNPT", 1, "1.1.1", "Jawa Barat", "Penganggaran belum selesai", "Diajukan ulang pada APBN-P"),
    (2024, 2, "BNPT", 1, "1.1.2", "Nasional", "Belum ada payung hukum", "-"),
    (2024, 2, "BNPT", 1, "1.1.3", "Nasional", "", ""),
    (2024, 1, "KEMENAG", 2, "2.1.1", "Jawa Timur", "Jadwal bentrok dengan pemilu", ""),
    (2024, 2, "KEMENAG", 2, "2.1.1", "Jawa Timur", "Koordinasi dan dana terbatas", ""),
    (2024, 2, "KEMENAG", 2, "2.1.2", "Nasional", "Penolakan sebagian masyarakat", "Dialog dengan tokoh agama"),
]


def shipped() -> tuple[Theme, ...]:
    """The dictionary as shipped in data/reference/obstacle_themes.csv, read without the store."""
    with open(config.REFERENCE_DIR / "obstacle_themes.csv", encoding="utf-8", newline="") as handle:
        return tuple(
            Theme(
                row["theme"],
                row["name"],
                row["name_en"],
                obstacles.split_words(row["words"]),
                obstacles.split_words(row["words_en"]),
            )
            for row in csv.DictReader(handle)
        )


@pytest.fixture
def reported(store: Store) -> Store:
    """A store holding ROWS, uploaded as one CSV per K/L and quarter."""
    for agency, quarter in {(r[2], r[1]) for r in ROWS}:
        rows = [HEADER, *([*r[:6], "Ya", *r[6:]] for r in ROWS if r[2] == agency and r[1] == quarter)]
        result = ingest_bytes(store, csv_bytes(rows), f"{agency}_{quarter}.csv", actor=SYSTEM)
        assert result.status == "stored", result.message("en")
    return store


# -- coding ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "themes", "matched"),
    [
        # Indonesian words are matched on their root: "penganggaran" and "dianggarkan" are "anggaran".
        ("Penganggaran belum memadai", ("anggaran",), ("Penganggaran",)),
        ("Kegiatan tidak dianggarkan tahun ini", ("anggaran",), ("dianggarkan",)),
        ("Laporan dilaporkan terlambat", ("data_pelaporan", "waktu"), ("Laporan", "dilaporkan", "terlambat")),
        # A multi-word entry is a phrase: its words in order, any spacing between them.
        ("Belum ada payung hukum", ("regulasi",), ("payung hukum",)),
        ("Belum ada payung\n  hukum", ("regulasi",), ("payung hukum",)),
        ("Hukum adat dan payung", (OTHER,), ()),
        # Several themes, in the dictionary's order whatever the text's order.
        ("Dana dan koordinasi terbatas", ("anggaran", "koordinasi"), ("Dana", "koordinasi")),
        # A hyphenated compound matches as written and joined; a longer match holds the shorter one.
        ("Koordinasi antar-instansi lemah", ("koordinasi",), ("Koordinasi", "antar-instansi")),
        ("Kegiatan tertunda karena COVID-19", ("pandemi",), ("COVID-19",)),
        ("Keterbatasan sumber daya manusia", ("sdm",), ("sumber daya manusia",)),
        # None of the words: "lainnya / other", and no deciding word.
        ("Penolakan sebagian masyarakat", (OTHER,), ()),
        # English words as written: whole words, any case, no stemming.
        ("The BUDGET was cut", ("anggaran",), ("BUDGET",)),
        ("Budgetary rules changed", (OTHER,), ()),
        ("Meetings were delayed by the election", ("waktu",), ("delayed", "election")),
    ],
)
def test_texts_are_coded_by_the_shipped_dictionary(text: str, themes: tuple, matched: tuple) -> None:
    coding = Coder(shipped()).code(text)
    assert coding.themes == themes
    assert coding.matched == matched
    for word in coding.matched:
        assert word.lower() in " ".join(text.split()).lower()


def test_an_english_word_counts_only_when_the_dictionary_lists_it() -> None:
    without_budget = tuple(
        Theme(theme.code, theme.name, theme.name_en, theme.words, tuple(w for w in theme.words_en if w != "budget"))
        for theme in shipped()
    )
    assert Coder(shipped()).code("No budget").themes == ("anggaran",)
    assert Coder(without_budget).code("No budget").themes == (OTHER,)
    # An Indonesian word is not matched as English: "dana" is Indonesian only.
    english_only = (Theme("funds", "Dana", "Funds", (), ("funds",)),)
    assert Coder(english_only).code("Dana terbatas").themes == (OTHER,)


def test_highlight_spans_cover_the_deciding_words_once() -> None:
    text = "Dana dan anggaran belum cair karena COVID-19"
    coding = Coder(shipped()).code(text)
    ranges = obstacles.spans(text, coding)
    assert [text[start:end] for start, end in ranges] == ["Dana", "anggaran", "COVID-19"]


def test_the_store_is_seeded_with_the_shipped_dictionary(store: Store) -> None:
    assert obstacles.load_themes(store) == shipped()
    codes = [theme.code for theme in shipped()]
    assert codes == [
        "anggaran",
        "koordinasi",
        "sdm",
        "regulasi",
        "pandemi",
        "data_pelaporan",
        "akses_keamanan",
        "waktu",
    ]


def test_a_store_from_before_the_dictionary_gets_it_when_upgraded(tmp_path: Path, monkeypatch) -> None:
    from ranpe.store import sql

    every = sql.migrations()
    seeded = next(version for version, text in every if "create table obstacle_themes" in text)
    monkeypatch.setattr(sql, "migrations", lambda: [m for m in every if m[0] < seeded])
    Store(tmp_path / "old.duckdb").close()
    monkeypatch.setattr(sql, "migrations", lambda: every)
    with Store(tmp_path / "old.duckdb") as reopened:
        assert obstacles.load_themes(reopened) == shipped()


# -- a view's obstacles ----------------------------------------------------------------------------


def test_obstacles_are_counted_as_the_measures_count_rows(reported: Store) -> None:
    result = obstacles.report(reported, Filters(2024), "id")
    texts = {row["text"]: row for row in result["texts"]}
    # TW II is each K/L's latest quarter; a blank obstacle is no obstacle.
    assert set(texts) == {
        "Penganggaran belum selesai",
        "Belum ada payung hukum",
        "Koordinasi dan dana terbatas",
        "Penolakan sebagian masyarakat",
    }
    themes = {row["theme"]: (row["texts"], row["open"]) for row in result["themes"]}
    assert themes["anggaran"] == (2, 1)
    assert themes["koordinasi"] == (1, 1)
    assert themes["regulasi"] == (1, 1)
    assert themes[OTHER] == (1, 0)
    assert themes["waktu"] == (0, 0)
    assert [row["theme"] for row in result["themes"]][-1] == OTHER
    # Open = no follow-up with a letter or digit ("-" is none).
    assert texts["Belum ada payung hukum"]["open"] is True
    assert texts["Belum ada payung hukum"]["follow_up"] is None
    assert texts["Penganggaran belum selesai"]["open"] is False
    assert texts["Koordinasi dan dana terbatas"]["themes"] == ["anggaran", "koordinasi"]
    assert texts["Koordinasi dan dana terbatas"]["matched"] == ["Koordinasi", "dana"]
    assert texts["Penganggaran belum selesai"] | {"themes": None, "matched": None} == {
        "agency_code": "BNPT",
        "action_code": "1.1.1",
        "pillar": 1,
        "year": 2024,
        "quarter": 2,
        "province_code": "32",
        "text": "Penganggaran belum selesai",
        "follow_up": "Diajukan ulang pada APBN-P",
        "themes": None,
        "matched": None,
        "open": False,
    }


def test_a_chosen_quarter_and_filters_choose_the_rows(reported: Store) -> None:
    first = obstacles.report(reported, Filters(2024, quarter=1), "id")
    assert {row["text"] for row in first["texts"]} == {"Dana terlambat cair", "Jadwal bentrok dengan pemilu"}
    assert {row["theme"]: row["texts"] for row in first["themes"]}["waktu"] == 2
    pillar_two = obstacles.report(reported, Filters(2024, pillar=2), "id")
    assert {row["agency_code"] for row in pillar_two["texts"]} == {"KEMENAG"}
    national = obstacles.report(reported, Filters(2024, province="national"), "id")
    assert {row["province_code"] for row in national["texts"]} == {None}


def test_themes_over_quarters_count_each_quarter_as_when_it_is_chosen(reported: Store) -> None:
    grid = obstacles.themes_by_quarter(reported, Filters(2024, quarter=2), "id")
    cells = {(int(r.quarter), r.theme): int(r.texts) for r in grid.itertuples()}
    assert cells[(1, "waktu")] == 2 and cells[(2, "waktu")] == 0
    assert cells[(2, "anggaran")] == 2 and cells[(1, "anggaran")] == 1
    assert {quarter for quarter, _ in cells} == {1, 2}


def test_texts_are_chosen_by_theme_state_and_search(reported: Store) -> None:
    coded = obstacles.coded_rows(reported, Filters(2024))
    assert set(obstacles.select_texts(coded, theme="anggaran")["obstacles"]) == {
        "Penganggaran belum selesai",
        "Koordinasi dan dana terbatas",
    }
    assert set(obstacles.select_texts(coded, state="resolved")["obstacles"]) == {
        "Penganggaran belum selesai",
        "Penolakan sebagian masyarakat",
    }
    # The search reads the obstacle and its follow-up, ignoring case and spacing.
    assert set(obstacles.select_texts(coded, search="  TOKOH   agama ")["obstacles"]) == {
        "Penolakan sebagian masyarakat"
    }
    assert obstacles.select_texts(coded, theme="anggaran", state="open", search="payung").empty


# -- command line ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_copy(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo_store(demo_store_path, tmp_path_factory.mktemp("obstacles_demo"))


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> str:
    assert cli_main(list(argv)) == 0
    return capsys.readouterr().out


def test_cli_json_on_the_demo_store(demo_copy: Path, capsys: pytest.CaptureFixture) -> None:
    result = json.loads(run_cli(capsys, "obstacles", "--db", str(demo_copy), "--year", "2023", "--json"))
    assert set(result) == {"themes", "texts"}
    with Store(demo_copy) as store:
        counted = store.query("measures/actions", max_rows=1_000_000, **Filters(2023).params())
    reported_rows = counted[counted["obstacles"].fillna("").str.strip() != ""]
    assert len(result["texts"]) == len(reported_rows) > 0
    for row in result["texts"]:
        assert set(row) >= {
            "agency_code",
            "action_code",
            "year",
            "quarter",
            "province_code",
            "text",
            "follow_up",
            "themes",
            "matched",
            "open",
        }
        assert row["year"] == 2023
        assert row["open"] is (row["follow_up"] is None)
        assert row["themes"], row
        assert (row["themes"] == [OTHER]) is (row["matched"] == [])
        assert all(word.lower() in row["text"].lower() for word in row["matched"])
    # Each theme's counts are its texts' (a text with several themes counts in each).
    for theme in result["themes"]:
        mine = [row for row in result["texts"] if theme["theme"] in row["themes"]]
        assert theme["texts"] == len(mine)
        assert theme["open"] == sum(row["open"] for row in mine)
    assert {theme["name"] for theme in result["themes"]} >= {"Anggaran", "Lainnya"}
    # The demo has both: obstacles followed up, and obstacles still open.
    assert 0 < sum(row["open"] for row in result["texts"]) < len(result["texts"])


def test_cli_filters_and_plain_text_in_english(demo_copy: Path, capsys: pytest.CaptureFixture) -> None:
    argv = ["obstacles", "--db", str(demo_copy), "--year", "2023", "--pillar", "1", "--agency", "bnpt"]
    result = json.loads(run_cli(capsys, *argv, "--json"))
    assert result["texts"] and {row["agency_code"] for row in result["texts"]} == {"BNPT"}
    assert {row["pillar"] for row in result["texts"]} == {1}
    text = run_cli(capsys, *argv, "--lang", "en")
    assert text.startswith("Obstacles — Year 2023 · each K/L's latest quarter · Pillar 1 · BNPT")
    assert "Budget — obstacle texts: " in text and "Other — obstacle texts: " in text
    assert f"Obstacle texts (action plans): {len(result['texts'])}\n" in text
    indonesian = run_cli(capsys, *argv)
    assert indonesian.startswith("Hambatan — Tahun 2023") and "Lainnya — teks hambatan: " in indonesian


# -- the dictionary, edited by an admin ------------------------------------------------------------


def test_preview_shows_how_the_stored_texts_would_be_coded(reported: Store) -> None:
    themes = obstacles.load_themes(reported)
    after = obstacle_themes.edited(
        themes, "sosial", name="Sosial", name_en="Social", words="penolakan\nmasyarakat", words_en="community"
    )
    preview = obstacle_themes.preview(reported, after, "id")
    # Every stored obstacle text of the active versions, all quarters: six action plans.
    assert preview["texts"] == 6
    counts = preview["counts"].set_index("Tema")
    assert counts.loc["Sosial", "Sebelum"] == 0 and counts.loc["Sosial", "Sesudah"] == 1
    assert counts.loc["Lainnya", "Perubahan"] == -1
    assert counts.loc["Anggaran", "Perubahan"] == 0
    assert preview["changed"] == 1
    sample = preview["sample"].iloc[0]
    assert sample["Teks hambatan"] == "Penolakan sebagian masyarakat"
    assert (sample["Sebelum"], sample["Sesudah"]) == ("Lainnya", "Sosial")
    assert sample["Kata penentu"] == "Penolakan; masyarakat"
    # A preview changes nothing.
    assert obstacles.load_themes(reported) == themes


def test_saving_the_dictionary_recodes_and_is_audited(reported: Store) -> None:
    themes = obstacles.load_themes(reported)
    after = obstacle_themes.edited(themes, "waktu", name="Waktu", name_en="Time", words="waktu\njadwal\nbentrok")
    with pytest.raises(Forbidden):
        obstacle_themes.save(reported, after, actor=ANALYST)
    changes = obstacle_themes.save(reported, after, actor=ADMIN)
    assert changes == 2  # the Indonesian words, and the English words emptied
    assert [theme.code for theme in obstacles.load_themes(reported)] == [theme.code for theme in themes]
    first = obstacles.report(reported, Filters(2024, quarter=1), "id")
    assert next(r for r in first["texts"] if r["text"].startswith("Jadwal"))["matched"] == ["Jadwal", "bentrok"]
    history = [c for c in reported.query_rows("workspace/reference_changes") if c["entity"] == "obstacle_theme"]
    assert {(c["code"], c["field"]) for c in history} == {("waktu", "words"), ("waktu", "words_en")}
    assert history[0]["changed_by"] == "admin"
    entry = audit.entries(reported, ADMIN, action="reference_change")[0]
    assert entry["details"]["entity"] == "obstacle_theme" and entry["details"]["code"] == "waktu"

    removed = obstacle_themes.edited(obstacles.load_themes(reported), "pandemi", remove=True)
    obstacle_themes.save(reported, removed, actor=ADMIN)
    assert "pandemi" not in [theme.code for theme in obstacles.load_themes(reported)]
    gone = [c for c in reported.query_rows("workspace/reference_changes") if c["code"] == "pandemi"]
    assert {c["field"] for c in gone} == {"name", "name_en", "words", "words_en"}
    assert all(c["new_value"] is None for c in gone)


@pytest.mark.parametrize(
    ("code", "fields", "reason"),
    [
        ("lainnya", {"name": "Lainnya", "words": "lain"}, "obs.ref.reserved"),
        ("all", {"name": "Semua", "words": "semua"}, "obs.ref.reserved"),
        ("Anggaran Baru", {"name": "Baru", "words": "baru"}, "obs.ref.bad_code"),
        ("baru", {"name": "", "words": "baru"}, "obs.ref.name_required"),
        ("baru", {"name": "Baru", "words": " ; - "}, "obs.ref.no_words"),
    ],
)
def test_a_dictionary_that_cannot_code_is_refused(code: str, fields: dict, reason: str) -> None:
    with pytest.raises(WorkspaceError) as refused:
        obstacle_themes.edited(shipped(), code, **fields)
    assert refused.value.key == reason
    assert refused.value.message("en") and refused.value.message("id")


def test_the_last_theme_cannot_be_removed() -> None:
    one = (Theme("anggaran", "Anggaran", "Budget", ("dana",)),)
    with pytest.raises(WorkspaceError) as refused:
        obstacle_themes.edited(one, "anggaran", remove=True)
    assert refused.value.key == "obs.ref.empty"


# -- the briefing pack -----------------------------------------------------------------------------


def test_the_pack_slide_names_its_unit_and_key_numbers(reported: Store) -> None:
    from ranpe.exports import pack

    slide = pack.obstacle_theme_slide(reported, Filters(2024), "en", "Year 2024", None, "Source: test", "footer")
    assert slide.title == "Obstacle themes by pillar/theme (obstacle texts)"
    assert slide.key_numbers == [
        "Obstacle texts: 4, open (no follow-up): 2",
        "Budget — obstacle texts: 2, open: 1",
        "Coordination — obstacle texts: 1, open: 1",
        "Regulation — obstacle texts: 1, open: 1",
    ]
    assert slide.image_png.startswith(b"\x89PNG")
    empty = pack.obstacle_theme_slide(reported, Filters(2023), "id", "Tahun 2023", None, "Sumber", "footer")
    assert empty.key_numbers == ["Tidak ada hambatan dilaporkan"]


def test_the_texts_and_theme_counts_export_as_data_files(reported: Store, tmp_path: Path) -> None:
    out = tmp_path / "texts.csv"
    assert (
        cli_main(
            [
                "export",
                "data",
                "--db",
                str(reported.path),
                "--year",
                "2024",
                "--table",
                "obstacle_texts",
                "--lang",
                "en",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_bytes().decode("utf-8-sig")
    assert "Deciding words" in text.splitlines()[0]
    assert "Koordinasi dan dana terbatas" in text
    assert len([line for line in text.splitlines()[1:] if line]) == 4
    from ranpe.exports import tables

    counts = tables.table(reported, "obstacle_themes", Filters(2024), "id")
    assert dict(zip(counts["Tema"], counts["Teks hambatan"], strict=True))["Anggaran"] == 2
