"""AppTest of the "Data per tanggal / Data as of" filter: the figures, the source line under every chart and the URL
follow the date chosen; cleared, the page shows today's data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ranpe.i18n import fmt_pct, t
from ranpe.store.connection import Store
from tests.test_as_of import REPLACED_P1, UPLOADED_P1, UPLOADED_P2_P3, pokja_file, upload
from tests.test_pages import REPO, app_env, chart_specs, metric_values, run_app  # noqa: F401 (app_env: a fixture)

# No demo auto-load, and app.py run on every AppTest run (tests.test_pages.app_env).
pytestmark = pytest.mark.usefixtures("app_env")

COMMITMENT = "Tingkat komitmen"


@pytest.fixture(scope="module")
def history_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2023 TW III: 64 of 79 actions committed on 10 October 2023, 68 of 79 after pillar 1's file was replaced on
    the 18th (the figures of DOMAIN.md)."""
    path = tmp_path_factory.mktemp("as_of") / "ranpe.duckdb"
    with Store(path) as store:
        upload(store, pokja_file(1, 41), "pilar1.csv", UPLOADED_P1)
        upload(store, pokja_file(2, 12), "pilar2.csv", UPLOADED_P2_P3)
        upload(store, pokja_file(3, 11), "pilar3.csv", UPLOADED_P2_P3)
        upload(store, pokja_file(1, 45), "pilar1 (perbaikan).csv", REPLACED_P1)
    return path


def footers(at) -> list[str]:
    """The source line of every chart on the page."""
    return [
        " ".join(a["text"] for a in spec["layout"].get("annotations", [])).replace("<br>", " ")
        for spec in chart_specs(at)
    ]


def captions(at) -> str:
    return " ".join(caption.value for caption in at.caption)


def test_choosing_a_date_changes_the_figures_the_source_line_and_the_url(
    history_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = run_app(history_db, monkeypatch)
    assert metric_values(at)[COMMITMENT] == fmt_pct(68 / 79)
    assert "68 dari 79 aksi" in captions(at)
    assert "as_of" not in at.query_params
    assert all("Data per 18 Oktober 2023 (unggahan terakhir)" in footer for footer in footers(at))

    at.date_input(key="filter_as_of").set_value(date(2023, 10, 10)).run()
    assert not at.exception
    assert metric_values(at)[COMMITMENT] == fmt_pct(64 / 79)
    assert "64 dari 79 aksi" in captions(at)
    assert at.query_params["as_of"] == "2023-10-10"
    shown = footers(at)
    assert shown and all("Data per 10 Oktober 2023 (seperti tersimpan saat itu)" in footer for footer in shown)
    assert any("10 Oktober 2023" in info.value and "bukan data terkini" in info.value for info in at.info)

    at.switch_page(str(REPO / "pages" / "pillars.py")).run()
    assert not at.exception
    assert at.query_params["as_of"] == "2023-10-10"
    assert at.date_input(key="filter_as_of").value == date(2023, 10, 10)
    shown = footers(at)
    assert shown and all("Data per 10 Oktober 2023" in footer for footer in shown)

    at.date_input(key="filter_as_of").set_value(None).run()
    assert "as_of" not in at.query_params
    assert all("(unggahan terakhir)" in footer for footer in footers(at))


def test_a_copied_link_keeps_the_date(history_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_app(history_db, monkeypatch, None, as_of="2023-10-10", lang="en")
    assert at.date_input(key="filter_as_of").value == date(2023, 10, 10)
    assert metric_values(at)["Commitment rate"] == fmt_pct(64 / 79, "en")
    assert all("Data as of 10 October 2023 (as stored then)" in footer for footer in footers(at))
    assert dict(at.query_params) == {"as_of": "2023-10-10", "lang": "en"}
    at.button_group(key="lang").set_value("id").run()
    assert at.date_input(key="filter_as_of").value == date(2023, 10, 10)
    assert metric_values(at)[COMMITMENT] == fmt_pct(64 / 79)


def test_a_date_before_any_upload_shows_nothing_and_says_why(history_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_app(history_db, monkeypatch, None, as_of="2023-10-01")
    assert at.get("plotly_chart") == []
    assert any(t("as_of.empty_view", "id", date="1 Oktober 2023") == info.value for info in at.info)


def test_reset_and_a_nonsense_date_fall_back_to_today(history_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = run_app(history_db, monkeypatch, None, as_of="10/10/2023")
    assert at.date_input(key="filter_as_of").value is None
    assert metric_values(at)[COMMITMENT] == fmt_pct(68 / 79)
    at.date_input(key="filter_as_of").set_value(date(2023, 10, 10)).run()
    reset = next(button for button in at.sidebar.button if "Atur ulang" in button.label)
    reset.click().run()
    assert at.date_input(key="filter_as_of").value is None
    assert "as_of" not in at.query_params
    assert metric_values(at)[COMMITMENT] == fmt_pct(68 / 79)
