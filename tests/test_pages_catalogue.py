"""AppTest of the plan's parts of the pages: the overview's catalogue cards, the K/L page's lead vs supporting
table, the unreported actions (on the pillars page), the actions' crosswalk column, the trend across periods,
and the upload page's catalogue section."""

from __future__ import annotations

from pathlib import Path

import pytest

from ranpe.ingest.pipeline import ingest_bytes
from ranpe.plan import catalogue, crosswalk
from ranpe.store.connection import Store
from tests.conftest import ANALYST, csv_bytes, xlsx_bytes
from tests.test_catalogue import HEADER as CATALOGUE_HEADER
from tests.test_catalogue import add_second_period
from tests.test_pages import app_env, run_app  # noqa: F401 (app_env is a fixture)
from tests.test_pages_workspace import no_exception, page, table, texts

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_HEADER = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Aksi", "Komitmen"]


def fill(path: Path, with_catalogue: bool = True) -> None:
    """2023 TW IV reports of three actions; a catalogue of four (3.1.1, led by Kemenag, unreported)."""
    with Store(path) as store:
        rows = [
            [2023, 4, "BNPT", 1, "1.1.1", "Sosialisasi", "Ya"],
            [2023, 4, "Kemenag", 1, "1.1.1", "Sosialisasi", "Ya"],
            [2023, 4, "Polri", 1, "1.1.2", "Pelatihan", "Tidak"],
            [2023, 4, "Kemenlu", 2, "2.1.1", "Kerja sama", "Ya"],
        ]
        assert ingest_bytes(store, csv_bytes([REPORT_HEADER, *rows]), "r.csv", actor=ANALYST).status == "stored"
        if not with_catalogue:
            return
        actions = [
            ["1.1.1", "Sosialisasi", 1, "BNPT", "Kemenag", None],
            ["1.1.2", "Pelatihan", 1, "Polri", "BNPT", None],
            ["2.1.1", "Kerja sama", 2, "Kemenlu", None, None],
            ["3.1.1", "Forum internasional", 3, "Kemenag", "Kemenlu", "2023-2024"],
        ]
        data = xlsx_bytes({"Matriks": [CATALOGUE_HEADER, *actions]})
        assert catalogue.import_bytes(store, data, "m.xlsx", period="RANPE-2020", actor=ANALYST).status == "stored"
        add_second_period(store)
        header = ["Kode Aksi", "Aksi", "Tema", "Penanggung Jawab"]
        data = xlsx_bytes({"M": [header, ["T1.1", "a", 1, "BNPT"]]})
        assert catalogue.import_bytes(store, data, "m26.xlsx", period="RANPE-2026", actor=ANALYST).status == "stored"
        cross = [
            ["from_period", "from_code", "to_period", "to_code", "relation"],
            ["RANPE-2020", "1.1.1", "RANPE-2026", "T1.1", "same"],
        ]
        assert crosswalk.import_bytes(store, csv_bytes(cross), "cw.csv", actor=ANALYST).status == "stored"
        later = csv_bytes([REPORT_HEADER, [2026, 1, "BNPT", 1, "T1.1", "a", "Ya"]])
        assert ingest_bytes(store, later, "r26.csv", actor=ANALYST).status == "stored"


@pytest.fixture
def planned_db(tmp_path: Path) -> Path:
    path = tmp_path / "ranpe.duckdb"
    fill(path)
    return path


@pytest.mark.usefixtures("app_env")
def test_overview_shows_coverage_lead_commitment_and_cumulative_cards(planned_db, monkeypatch):
    at = run_app(planned_db, monkeypatch, "overview", lang="en", year="2023")
    metrics = {m.label: m.value for m in at.metric}
    # 2023's catalogue: 4 actions, 3 reported; planned 3, committed by their lead: 1.1.1 (BNPT), 2.1.1 (Kemenlu).
    assert metrics["Report coverage"] == "75.0%"
    assert metrics["Lead commitment"] == "66.7%"
    assert metrics["Cumulative implementation"] == "50.0%"
    captions = [c.value for c in at.caption]
    assert (
        "3 of 4 actions" in captions
        and "2 of 3 actions" in captions
        and "2 of 4 actions of RAN PE 2020–2024" in captions
    )


@pytest.mark.usefixtures("app_env")
def test_overview_without_a_catalogue_has_no_plan_cards(tmp_path, monkeypatch):
    path = tmp_path / "ranpe.duckdb"
    fill(path, with_catalogue=False)
    at = run_app(path, monkeypatch, "overview", lang="en", year="2023")
    assert "Report coverage" not in {m.label for m in at.metric}


@pytest.mark.usefixtures("app_env")
def test_agencies_page_shows_actions_led_and_supported(planned_db, monkeypatch):
    at = run_app(planned_db, monkeypatch, "agencies", lang="en", year="2023")
    shown = next(f.value for f in at.dataframe if "Led, committed" in f.value.columns)
    rows = {
        r["K/L"]: (r["Led"], r["Led, committed"], r["Supported"], r["Supported, committed"])
        for _, r in shown.iterrows()
    }
    assert rows == {
        "BNPT": (1, 1, 1, 0),
        "Polri": (1, 0, 0, 0),
        "Kemenlu": (1, 1, 1, 0),
        "Kemenag": (1, 0, 1, 1),
    }


@pytest.mark.usefixtures("app_env")
def test_unreported_actions_are_listed_with_their_lead_follow_the_filters_and_export(planned_db, monkeypatch):
    at = run_app(planned_db, monkeypatch, "pillars", lang="en", year="2023")
    assert "Unreported actions" in [h.value for h in at.subheader]
    shown = next(f.value for f in at.dataframe if "Lead agency" in f.value.columns)
    assert shown["Action code"].tolist() == ["3.1.1"]
    assert shown["Lead agency"].tolist() == ["Kemenag"]
    assert shown["Across periods"].tolist() == ["no counterpart in the other period"]
    exports = [b for b in at.get("download_button") if "unreported_actions" in b.proto.id]
    assert len(exports) == 2  # .xlsx and .csv
    at = run_app(planned_db, monkeypatch, "pillars", lang="en", year="2023", pillar="1")
    assert "Every catalogue action has been reported" in at.success[0].value


@pytest.mark.usefixtures("app_env")
def test_unreported_actions_without_a_catalogue_say_so(tmp_path, monkeypatch):
    path = tmp_path / "ranpe.duckdb"
    fill(path, with_catalogue=False)
    at = run_app(path, monkeypatch, "pillars", lang="en", year="2023")
    assert "There is no action catalogue for period RANPE-2020 yet" in [c.value for c in at.caption]


@pytest.mark.usefixtures("app_env")
def test_the_actions_table_shows_the_crosswalk_beside_an_action(planned_db, monkeypatch):
    at = run_app(planned_db, monkeypatch, "pillars", lang="en", year="2023")
    shown = next(f.value for f in at.dataframe if "Across periods" in f.value.columns)
    links = dict(zip(shown["Action code"], shown["Across periods"], strict=True))
    assert links["1.1.1"] == "→ RANPE-2026 T1.1 (same)"
    assert links["1.1.2"] == "no counterpart in the other period"


@pytest.mark.usefixtures("app_env")
def test_the_trends_page_follows_the_crosswalk_across_periods(planned_db, monkeypatch):
    at = run_app(planned_db, monkeypatch, "trends", lang="en", year="2023")
    shown = next(f.value for f in at.dataframe if "Across periods" in f.value.columns)
    rows = {r["Action code"]: (r["Across periods"], r["2023"], r["2026"]) for _, r in shown.iterrows()}
    # 1.1.1 continues as T1.1 in RANPE-2026, committed by BNPT in 2026; the others have no counterpart.
    assert rows == {
        "1.1.1": ("→ RANPE-2026 T1.1 (same)", "✓", "✓"),
        "1.1.2": ("no counterpart in the other period", "○", "–"),
        "2.1.1": ("no counterpart in the other period", "✓", "–"),
        "3.1.1": ("no counterpart in the other period", "–", "–"),
    }


# -- the upload page's catalogue section --------------------------------------------------------------------


def catalogue_xlsx(rows: list[list[object]]) -> bytes:
    return xlsx_bytes({"Matriks": [["Periode", *CATALOGUE_HEADER], *rows]})


def test_upload_page_previews_a_catalogue_then_stores_it_and_lists_its_versions(tmp_path, monkeypatch):
    monkeypatch.setenv("RANPE_DB", str(tmp_path / "ranpe.duckdb"))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    Store(tmp_path / "ranpe.duckdb").close()
    at = no_exception(page("upload"))
    data = catalogue_xlsx([["RANPE-2020", "1.1.1", "Sosialisasi", 1, "BNPT", "Kemenag; Polri", "2021-2024"]])
    at.file_uploader(key="catalogue_file").set_value([("matriks.xlsx", data, XLSX)])
    at = no_exception(at.run())
    assert "Checked: 1 actions for RANPE-2020, ready to store" in texts(at)
    preview = table(at, "Lead agency")
    assert preview.iloc[0].tolist() == ["1.1.1", "Sosialisasi", 1, "BNPT", "KEMENAG; POLRI", "2021, 2022, 2023, 2024"]
    at = no_exception(at.button(key="catalogue_store").click().run())
    assert "Stored: 1 actions, catalogue RANPE-2020 version 1 (now active)" in texts(at)
    with Store(tmp_path / "ranpe.duckdb") as store:
        assert [a["action_code"] for a in catalogue.actions(store, "RANPE-2020")] == ["1.1.1"]
    versions = table(at, "Version")
    assert (versions["Version"].tolist(), versions["Active"].tolist(), versions["Actions"].tolist()) == (
        [1],
        ["Yes"],
        [1],
    )


def test_upload_page_shows_every_problem_of_a_refused_catalogue(tmp_path, monkeypatch):
    monkeypatch.setenv("RANPE_DB", str(tmp_path / "ranpe.duckdb"))
    monkeypatch.setenv("RANPE_AUTO_DEMO", "0")
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    Store(tmp_path / "ranpe.duckdb").close()
    at = no_exception(page("upload"))
    data = catalogue_xlsx([["RANPE-2020", "1.1.1", None, 5, "Kementerian Entah", None, "1999"]])
    at.file_uploader(key="catalogue_file").set_value([("matriks.xlsx", data, XLSX)])
    at = no_exception(at.run())
    assert "Refused" in texts(at) or "refused" in texts(at)
    problems = table(at, "Row")
    assert problems["Column"].tolist() == ["Aksi", "Pilar", "Penanggung Jawab", "Tahun Pelaksanaan"]
    assert "Download the error report (.xlsx)" in [b.label for b in at.get("download_button")]
    with Store(tmp_path / "ranpe.duckdb") as store:
        assert catalogue.versions(store) == []
