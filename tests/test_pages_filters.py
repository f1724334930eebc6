"""AppTest for the shared filters: on dashboard pages only and kept elsewhere, values with data first, each
cleared on its own; the sign-in notice below them; the words they and the template use."""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ranpe.access.roles import SYSTEM
from ranpe.i18n import TEXTS, t
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.ingest.reference import load_reference
from ranpe.ingest.template import choices
from ranpe.store.connection import Store
from ranpe.web.frame import FILTER_NAMES
from tests import test_pages
from tests.conftest import csv_bytes
from tests.test_pages import HEADER, REPO, run_app

# The app on a store of its own, as tests/test_pages.py runs it.
app_env = test_pages.app_env
populated_db = test_pages.populated_db

WORKSPACE_PAGES = ("upload", "history", "completeness", "reference")
# Rows per year: (K/L, province as written, or "" for a national row). POLRI reports in 2024 only.
REPORTS = {
    2023: [("BNPT", "Jawa Barat"), ("BNPT", ""), ("KEMENAG", "Jawa Timur")],
    2024: [("BNPT", ""), ("POLRI", "Sulawesi Tengah")],
}


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of a few K/L and provinces: REPORTS, each K/L's rows one upload."""
    path = tmp_path_factory.mktemp("filters") / "ranpe.duckdb"
    with Store(path) as store:
        for year, rows in REPORTS.items():
            for agency in sorted({agency for agency, _ in rows}):
                lines = [HEADER] + [
                    [year, 1, agency, 1, f"1.1.{n}", "Aksi", province, "Ya", "Selesai", 10, 5, "", ""]
                    for n, (who, province) in enumerate(rows, start=1)
                    if who == agency
                ]
                result = ingest_bytes(
                    store, csv_bytes(lines), f"{agency}_{year}.csv", actor=SYSTEM, uploaded_at=datetime(year, 4, 1)
                )
                assert result.status == "stored", result.message("en")
    return path


def reference_names(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """K/L short names and Indonesian province names by code, as the reference data holds them."""
    with Store(db) as store:
        agencies = {row["code"]: row["short_name"] for row in store.query_rows("reference/agencies")}
        provinces = {row["code"]: row["name"] for row in store.query_rows("reference/provinces")}
    return agencies, provinces


def filter_widgets(at: AppTest) -> list:
    return [widget for widget in at.sidebar if str(getattr(widget, "key", "")).startswith("filter_")]


def shown(at: AppTest) -> dict[str, object]:
    """Each filter's value (as a code) on the page."""
    return {name: at.selectbox(key=f"filter_{name}").value for name in FILTER_NAMES}


# -- values with data first ------------------------------------------------------------------------


def test_the_lists_offer_the_values_with_data_in_the_year_first(
    small_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    agencies, provinces = reference_names(small_db)
    at = run_app(small_db, monkeypatch, None, year="2023")
    assert at.selectbox(key="filter_agency").options == ["Semua K/L", *sorted([agencies["BNPT"], agencies["KEMENAG"]])]
    # National rows count as data; provinces in the reference's order (BPS code).
    assert at.selectbox(key="filter_province").options == [
        "Semua provinsi",
        "Nasional (tanpa lokasi)",
        provinces["32"],
        provinces["35"],
    ]

    at.toggle(key="filter_show_all").set_value(True).run()
    assert not at.exception
    listed = at.selectbox(key="filter_agency").options
    assert len(listed) == 1 + len(agencies)
    assert listed[1:3] == sorted([agencies["BNPT"], agencies["KEMENAG"]])
    assert all(label.endswith("(tanpa data 2023)") for label in listed[3:])
    assert f"{agencies['POLRI']} (tanpa data 2023)" in listed[3:]
    assert len(at.selectbox(key="filter_province").options) == 2 + len(provinces)

    # The year decides what has data; the toggle is kept.
    at.selectbox(key="filter_year").set_value(2024).run()
    listed = at.selectbox(key="filter_agency").options
    assert listed[1:3] == sorted([agencies["BNPT"], agencies["POLRI"]])
    assert f"{agencies['KEMENAG']} (tanpa data 2024)" in listed[3:]


def test_a_chosen_value_without_data_stays_in_its_list(
    small_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    agencies, provinces = reference_names(small_db)
    at = run_app(small_db, monkeypatch, None, year="2023", agency="POLRI", province="72")
    assert at.selectbox(key="filter_agency").value == "POLRI"
    assert at.selectbox(key="filter_province").value == "72"
    assert at.selectbox(key="filter_agency").options[-1] == f"{agencies['POLRI']} (tanpa data 2023)"
    assert at.selectbox(key="filter_province").options[-1] == f"{provinces['72']} (tanpa data 2023)"
    assert at.query_params["agency"] == "POLRI" and at.query_params["province"] == "72"
    assert len(at.selectbox(key="filter_agency").options) == 4


# -- each filter cleared on its own ----------------------------------------------------------------


def test_each_filter_clears_on_its_own(populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None) -> None:
    params = {"year": "2023", "quarter": "2", "pillar": "2", "agency": "BNPT", "province": "32"}
    at = run_app(populated_db, monkeypatch, "pillars", **params)
    chips = {button.key: button.label for button in at.sidebar.button if str(button.key).startswith("filter_clear_")}
    assert chips == {
        "filter_clear_year": "2023",
        "filter_clear_quarter": "TW II",
        "filter_clear_pillar": "Pilar 2 · Penegakan hukum",
        "filter_clear_agency": "BNPT",
        "filter_clear_province": "Jawa Barat",
    }

    at.button(key="filter_clear_pillar").click().run()
    assert not at.exception
    assert shown(at) == {"year": 2023, "quarter": 2, "pillar": "all", "agency": "BNPT", "province": "32"}
    assert dict(at.query_params) == {name: value for name, value in params.items() if name != "pillar"}
    assert "filter_clear_pillar" not in [button.key for button in at.sidebar.button]
    assert at.caption[0].value == "Tahun 2023 · TW II · BNPT · Jawa Barat"

    # The year's chip goes back to the latest year, which the URL leaves out.
    at.button(key="filter_clear_year").click().run()
    assert shown(at)["year"] == 2024
    assert "year" not in at.query_params and at.query_params["quarter"] == "2"


def test_no_chip_while_no_filter_is_set(populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None) -> None:
    at = run_app(populated_db, monkeypatch)
    assert [button.key for button in at.sidebar.button if str(button.key).startswith("filter_clear_")] == []


# -- on dashboard pages only -----------------------------------------------------------------------


def test_the_filters_show_on_dashboard_pages_only_and_are_kept_meanwhile(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    params = {"year": "2023", "quarter": "2", "pillar": "2", "province": "32", "lang": "en"}
    at = run_app(populated_db, monkeypatch, "regions", **params)
    kept = shown(at)
    for name in WORKSPACE_PAGES:
        at.switch_page(str(REPO / "pages" / f"{name}.py")).run()
        assert not at.exception, name
        assert filter_widgets(at) == [], name
        assert "Filters" not in [subheader.value for subheader in at.sidebar.subheader], name
        assert dict(at.query_params) == {"lang": "en"}, name
    at.switch_page(str(REPO / "pages" / "trends.py")).run()
    assert shown(at) == kept
    assert dict(at.query_params) == params


def test_a_link_to_a_workspace_page_keeps_its_filters_for_the_dashboard(
    populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None
) -> None:
    monkeypatch.setenv("RANPE_DB", str(populated_db))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    for name, value in {"year": "2023", "pillar": "3"}.items():
        at.query_params[name] = value
    at.switch_page(str(REPO / "pages" / "history.py")).run()
    assert not at.exception
    assert filter_widgets(at) == []
    at.switch_page(str(REPO / "pages" / "overview.py")).run()
    assert shown(at)["year"] == 2023 and shown(at)["pillar"] == 3
    assert at.query_params["pillar"] == "3"


# -- the sign-in notice ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["overview", "upload"])
def test_the_sign_in_notice_is_short_and_below_the_filters(
    page: str, populated_db: Path, monkeypatch: pytest.MonkeyPatch, app_env: None, tmp_path: Path
) -> None:
    monkeypatch.setenv("RANPE_USERS_FILE", str(tmp_path / "users.toml"))
    at = run_app(populated_db, monkeypatch, page)
    sidebar = list(at.sidebar)
    notice = next(i for i, element in enumerate(sidebar) if type(element).__name__ == "Info")
    assert "Masuk (sign-in) tidak aktif" in sidebar[notice].value
    assert notice == len(sidebar) - 1, "the notice is the sidebar's last element"
    text = " ".join(str(getattr(element, "value", "")) for element in sidebar)
    assert "python -m ranpe" not in text and "secrets" not in text
    assert len(sidebar[notice].value) <= 100


# -- words -----------------------------------------------------------------------------------------


def test_the_dashboard_and_the_template_name_each_pillar_as_the_reference_does() -> None:
    with (REPO / "data" / "reference" / "pillars.csv").open(encoding="utf-8") as file:
        pillars = list(csv.DictReader(file))
    for pillar in pillars:
        number = pillar["pillar"]
        for lang, full_name in (("id", pillar["name"]), ("en", pillar["name_en"])):
            short = t(f"dash.pillar.{number}", lang)
            assert full_name.lower().startswith(short.lower()), (lang, short, full_name)


def test_the_english_template_offers_the_dashboards_pillar_names(store: Store) -> None:
    reference = load_reference(store)
    offered = choices(store, "en")["pillar"]
    assert offered == [t(f"dash.pillar.{number}", "en") for number in (1, 2, 3)]
    assert [reference.pillar(name) for name in offered] == [1, 2, 3]


# Keys whose English text may spell out "agency": the contracts' English headers (submissions: Agency; the action
# catalogue: Lead agency, Supporting agencies — DOMAIN.md), and file-name slugs.
AGENCY_WORD_ALLOWED = re.compile(r"^(field\.(agency|lead_agency|supporting_agencies)|exports\.slug\..*)$")


def test_english_texts_say_k_l_for_the_ministries_and_agencies() -> None:
    spelled = {
        key: english
        for key, (_, english) in TEXTS.items()
        if re.search(r"\bagenc(y|ies)\b", re.sub(r"\{\w+\}", "", english), re.IGNORECASE)
        and not AGENCY_WORD_ALLOWED.match(key)
    }
    # "ministry/agency" may explain K/L once, beside it: "K/L (ministry/agency)".
    unexplained = {key: english for key, english in spelled.items() if "K/L" not in english}
    assert unexplained == {}
