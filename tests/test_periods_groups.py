"""A second plan period with nine themes: the contract reads a group among the groups of its row's year's period,
a year in no period is refused naming the periods, and the nine themes go through ingest → summary → every
dashboard page → pack, the template, the charts and the admin (CLI and Data rujukan)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from ranpe import charts, demo
from ranpe.access import audit
from ranpe.access.roles import SYSTEM, Actor
from ranpe.exports import pack
from ranpe.i18n import t
from ranpe.ingest import template
from ranpe.ingest.pipeline import UsageError, ingest_bytes, resolve_given
from ranpe.measures import dashboard
from ranpe.measures.filters import Filters
from ranpe.measures.summary import summary
from ranpe.plan import periods
from ranpe.store.connection import Store
from ranpe.workspace import reference_admin
from tests.conftest import REPO, csv_bytes
from tests.fixtures_demo import copy_demo_store
from tests.test_pages import PAGES, app_env, chart_specs, run_app  # noqa: F401  (app_env is a fixture)
from tests.test_pages_workspace import db, no_exception, page, table  # noqa: F401  (db is a fixture)

ADMIN = Actor("admin", "admin")
THEMES = [
    {"number": str(n), "name": name, "name_en": name_en, "aliases": aliases}
    for n, name, name_en, aliases in demo.ILLUSTRATIVE_THEMES
]


def add_nine_themes(store: Store) -> periods.Period:
    return periods.save_period(
        store,
        code="RANPE-2026",
        name="RAN PE 2026–2029",
        name_en="RAN PE 2026–2029",
        legal_basis="",
        years="2026-2029",
        group_word="Tema",
        group_word_en="Theme",
        groups_in=THEMES,
        actor=ADMIN,
        illustrative=True,
    )


@pytest.fixture
def nine(store: Store) -> Store:
    add_nine_themes(store)
    return store


def upload(store: Store, header: str, year: int, value: object, name: str = "f.csv"):
    rows = [["Tahun", "Triwulan", "K/L", header, "Kode Aksi", "Komitmen"], [year, 1, "BNPT", value, "4.1.1", "Ya"]]
    return ingest_bytes(store, csv_bytes(rows), name, actor=SYSTEM)


# -- the contract: every accepted spelling of a group, under each period -----------------------------------------


@pytest.mark.parametrize(
    ("header", "year", "value", "number"),
    [
        ("Tema", 2026, "4", 4),
        ("Tema", 2026, 9, 9),
        ("Tema", 2026, "IX", 9),
        ("Tema", 2026, "Tema 4", 4),
        ("Tema", 2026, "tema iv", 4),
        ("Theme", 2026, "Theme 7", 7),
        ("Pilar", 2026, "Literasi digital dan ruang siber", 4),
        ("Pillar", 2026, "Digital literacy and cyberspace", 4),
        ("Tema", 2026, "Siber", 4),  # an alias
        ("Tema", 2029, "  deradikalisasi  ", 3),  # an alias, any case and spaces, the period's last year
        # The first period is unchanged: its pillars by number, roman numeral, name, alias, under either header.
        ("Pilar", 2023, "Pilar 2", 2),
        ("Pilar", 2023, "III", 3),
        ("Tema", 2023, "Pencegahan", 1),
        ("Pillar", 2024, "Law enforcement", 2),
    ],
)
def test_a_group_is_read_in_its_years_period(nine: Store, header: str, year: int, value: object, number: int):
    result = upload(nine, header, year, value)
    assert result.status == "stored", result.message("en") + str([p.message("en") for p in result.problems])
    assert nine.query_rows("measures/years_with_data") == [{"year": year}]
    assert dashboard.by_pillar(nine, Filters(year), "en")["pillar"].tolist() == [number]


@pytest.mark.parametrize(
    ("header", "year", "value", "expected_en"),
    [
        # Ten is no theme of the nine; four is no pillar of 2023; a theme's name means nothing in 2023.
        ("Tema", 2026, "10", "a theme 1–9, I–IX"),
        ("Tema", 2026, "Tema 10", "a theme 1–9, I–IX"),
        ("Pilar", 2023, 4, "a pillar 1–3, I–III"),
        ("Pilar", 2023, "Tema 4", "a pillar 1–3, I–III"),
        ("Pilar", 2024, "Literasi digital dan ruang siber", "a pillar 1–3, I–III"),
        # A year in no period: refused naming the periods that exist.
        ("Pilar", 2025, "1", "a year within a plan period: RANPE-2020 (2020–2024), RANPE-2026 (2026–2029)"),
    ],
)
def test_a_group_outside_its_years_period_is_refused(
    nine: Store, header: str, year: int, value: object, expected_en: str
):
    result = upload(nine, header, year, value)
    assert result.status == "refused"
    (problem,) = result.problems
    assert (problem.file, problem.row) == ("f.csv", 2)
    column = "Tahun" if year == 2025 else header
    assert problem.column == column and problem.value == str(year if year == 2025 else value).strip()
    assert expected_en in problem.message("en")
    if year != 2025:  # the message names the year's period
        assert ("RAN PE 2026–2029" if year >= 2026 else "RAN PE 2020–2024") in problem.message("id")
    else:
        assert "RANPE-2020 (2020–2024), RANPE-2026 (2026–2029)" in problem.message("id")
        assert problem.message("id").startswith("Nilai tidak sah")


def test_a_year_given_at_upload_in_no_period_is_refused_naming_the_periods(nine: Store):
    with pytest.raises(UsageError) as refused:
        resolve_given(nine, year=2025)
    assert "RANPE-2020 (2020–2024), RANPE-2026 (2026–2029)" in str(refused.value)
    assert resolve_given(nine, year=2026).year == 2026


def test_without_a_second_period_2026_is_refused_and_2023_files_stay_valid(store: Store):
    assert upload(store, "Pilar", 2023, "Pilar 1").status == "stored"
    refused = upload(store, "Tema", 2026, "1", "g.csv")
    assert refused.status == "refused"
    assert "RANPE-2020 (2020–2024)" in refused.problems[0].message("en")


def test_with_one_period_a_bad_group_is_told_even_beside_a_bad_year(store: Store):
    result = upload(store, "Pilar", "20x3", "Pilar 9")
    assert result.status == "refused"
    assert [(p.column, p.value) for p in result.problems] == [("Tahun", "20x3"), ("Pilar", "Pilar 9")]


# -- labels, charts, template ---------------------------------------------------------------------------------------


def test_labels_use_the_periods_word(nine: Store):
    assert upload(nine, "Tema", 2026, 4).status == "stored"
    named = dashboard.groups(nine, 2026)
    assert named.numbers == list(range(1, 10))
    assert named.label(4, "id") == "Tema 4 · Literasi digital dan ruang siber"
    assert named.label(4, "en") == "Theme 4 · Digital literacy and cyberspace"
    assert (named.every("id"), named.every("en")) == ("Semua tema", "All themes")
    assert dashboard.describe_filters(nine, Filters(2026, pillar=4), "id").endswith("Tema 4")
    assert dashboard.groups(nine, 2023).label(1, "id") == "Pilar 1 · Pencegahan"
    assert dashboard.illustrative_note(nine, 2026, "en").startswith("Illustrative")
    assert dashboard.illustrative_note(nine, 2023, "en") is None


def test_twelve_group_colours_are_distinct_and_nine_bars_get_nine():
    assert len(set(charts.PILLAR_COLOURS.values())) == 12 == len(charts.PILLAR_COLOURS)
    assert charts.ALL_PILLARS_COLOUR not in charts.PILLAR_COLOURS.values()
    import pandas as pd

    frame = pd.DataFrame(
        {"pillar": range(1, 10), "label": [f"Tema {n}" for n in range(1, 10)], "planned": 4, "committed": 2}
    )
    frame["rate"] = 0.5
    figure = charts.fig_commitment_by_pillar(frame, "id", "", None, "")
    assert len(set(figure.data[0].marker.color)) == 9


def test_template_lists_the_groups_of_the_years_period(nine: Store, tmp_path: Path):
    path = template.write_template(nine, tmp_path / "t.xlsx", "id", year=2026)
    book = load_workbook(path)
    data = book[t("template.sheet.data", "id")]
    headers = [cell.value for cell in data[1]]
    assert "Tema*" in headers and "Pilar*" not in headers
    lists = book[t("template.sheet.lists", "id")]
    column = [cell.value for cell in next(lists.iter_cols(min_col=1, max_col=1))]
    assert column[1:10] == [f"Tema {n}" for n in range(1, 10)]
    # The file filled in from its own lists is accepted.
    first = template.write_template(nine, tmp_path / "u.xlsx", "en")
    assert "Pillar*" in [cell.value for cell in load_workbook(first)[t("template.sheet.data", "en")][1]]
    with pytest.raises(ValueError):
        template.write_template(nine, tmp_path / "v.xlsx", "id", year=2025)


# -- the admin: CLI and Data rujukan --------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ranpe", *args], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
def test_cli_period_add_and_list(tmp_path: Path):
    path = str(tmp_path / "s.duckdb")
    groups = tmp_path / "groups.csv"
    groups.write_text(
        "number,name,name_en,aliases\n"
        + "".join(f'{n},"{name}","{name_en}","{aliases}"\n' for n, name, name_en, aliases in demo.ILLUSTRATIVE_THEMES),
        encoding="utf-8",
    )
    added = run_cli(
        "period", "add", "RANPE-2026", "--db", path, "--name", "RAN PE 2026–2029", "--name-en", "RAN PE 2026–2029",
        "--legal-basis", "Perpres ?/2026", "--years", "2026-2029", "--group-word", "Tema", "--group-word-en",
        "Theme", "--groups", str(groups), "--lang", "en",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "RANPE-2026 saved (9 groups)" in added.stdout
    listed = json.loads(run_cli("period", "list", "--json", "--db", path).stdout)
    assert [p["code"] for p in listed] == ["RANPE-2020", "RANPE-2026"]
    assert listed[1]["first_year"] == 2026 and listed[1]["group_word"] == "Tema"
    assert [g["number"] for g in listed[1]["groups"]] == list(range(1, 10))
    assert "Tema 4: Literasi digital dan ruang siber" in run_cli("period", "list", "--db", path).stdout
    with Store(tmp_path / "s.duckdb") as store:
        logged = audit.entries(store, ADMIN, action="reference_change")
        assert [(row["details"]["entity"], row["details"]["code"]) for row in logged] == [("period", "RANPE-2026")]

    # Every problem at once: overlapping years, a number twice, a number out of range, a name missing.
    bad = tmp_path / "bad.csv"
    bad.write_text("number,name,name_en,aliases\n1,A,A,\n1,B,B,\n13,C,C,\n2,,D,\n", encoding="utf-8")
    refused = run_cli(
        "period", "add", "X", "--db", path, "--name", "X", "--name-en", "X", "--years", "2024-2027",
        "--group-word", "Tema", "--group-word-en", "Theme", "--groups", str(bad), "--lang", "en",
    )  # fmt: skip
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert "Years 2024–2027 overlap the period RANPE-2020 (2020–2024)" in lines
    assert "Years 2024–2027 overlap the period RANPE-2026 (2026–2029)" in lines
    assert "bad.csv, row 3, column number: number 1 is used twice" in lines
    assert 'bad.csv, row 4, column number: "13" is not a number 1–12' in lines
    assert "bad.csv, row 5, column name: required" in lines
    assert len(json.loads(run_cli("period", "list", "--json", "--db", path).stdout)) == 2
    removed = run_cli("period", "remove", "RANPE-2026", "--db", path, "--lang", "en")
    assert removed.returncode == 0 and "Period RANPE-2026 removed." in removed.stdout
    assert [p["code"] for p in json.loads(run_cli("period", "list", "--json", "--db", path).stdout)] == ["RANPE-2020"]


def test_editing_a_period_keeps_the_groups_and_years_stored_rows_use(nine: Store):
    assert upload(nine, "Tema", 2027, 8).status == "stored"
    values = reference_admin.period_form(nine, "RANPE-2026")
    assert values["years"] == "2026-2029" and len(values["groups"]) == 9
    with pytest.raises(periods.PeriodError) as refused:
        reference_admin.save_period(
            nine, {**values, "years": "2028-2029"}, values["groups"][:7], edit=True, actor=ADMIN, lang="en"
        )
    messages = refused.value.messages("en")
    assert "Stored rows of 2027 would be in no period" in messages
    assert "Groups 8 are used by stored rows of 2026–2029; they cannot be removed" in messages
    with pytest.raises(periods.PeriodError) as in_use:
        periods.remove_period(nine, "RANPE-2026", actor=ADMIN)
    assert in_use.value.messages("en") == ["Period RANPE-2026 is used by stored rows of 2027; it cannot be removed"]
    with pytest.raises(PermissionError):
        reference_admin.save_period(nine, values, values["groups"], edit=True, actor=Actor("a", "analyst"), lang="en")
    renamed = [{**g, "name": "Tata kelola daerah"} if g["number"] == 8 else g for g in values["groups"]]
    reference_admin.save_period(nine, {**values, "name": "RAN PE baru"}, renamed, edit=True, actor=ADMIN, lang="id")
    assert dashboard.groups(nine, 2027).label(8, "id") == "Tema 8 · Tata kelola daerah"
    assert reference_admin.period_rows(nine, "en")[1]["Name"] == "RAN PE 2026–2029"
    assert reference_admin.period_rows(nine, "id")[1]["Nama"] == "RAN PE baru"


def test_reference_page_lists_the_periods_and_reports_every_problem(db: Path):  # noqa: F811
    with Store(db) as store:
        add_nine_themes(store)
    at = no_exception(page("reference"))
    periods_table = table(at, "Group word")
    assert list(periods_table["Code"]) == ["RANPE-2020", "RANPE-2026"]
    assert list(periods_table["Groups"]) == [3, 9]
    # A new period whose years overlap and whose only group has no name: both told, nothing stored.
    form = [w for w in at.text_input if w.label in ("Code", "Years", "Name", "Name (English)")]
    values = {"Code": "RANPE-2030", "Years": "2029-2030", "Name": "X", "Name (English)": "X"}
    for widget in form:
        widget.set_value(values[widget.label])
    at = no_exception(at.button[-1].click().run())
    errors = "\n".join(e.value for e in at.error)
    assert "Years 2029–2030 overlap the period RANPE-2026 (2026–2029)" in errors
    assert "Groups, row 1, column name: required" in errors
    with Store(db) as store:
        assert len(periods.list_periods(store)) == 2


# -- nine themes through summary, every dashboard page and the pack (the demo's illustrative 2026) -----------------


@pytest.fixture(scope="module")
def demo_db(demo_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store: the app keeps its store open read-write, other modules open theirs read-only."""
    return copy_demo_store(demo_store_path, tmp_path_factory.mktemp("demo_periods"))


def test_demo_2026_reports_cover_the_nine_themes(demo_db: Path):
    with Store(demo_db) as store:
        figures = summary(store, Filters(2026))
        assert [p["pillar"] for p in figures["by_pillar"]] == list(range(1, 10))
        (period,) = [p for p in periods.list_periods(store) if p.code == "RANPE-2026"]
        assert period.illustrative and period.word("id") == "Tema"
        assert dashboard.default_year(store) == 2024  # the demo opens on its last real year


def test_removing_the_demo_removes_its_illustrative_period(demo_db: Path, tmp_path: Path):
    with Store(copy_demo_store(demo_db, tmp_path / "copy")) as store:
        demo.remove(store)
        assert [p.code for p in periods.list_periods(store)] == ["RANPE-2020"]


@pytest.mark.parametrize("page", PAGES)
def test_every_dashboard_page_shows_nine_themes(demo_db: Path, page: str, app_env, monkeypatch):  # noqa: F811
    at = run_app(demo_db, monkeypatch, page, year="2026", lang="en")
    assert any("Illustrative" in w.value for w in at.warning), "the illustrative period is said"
    assert at.selectbox(key="filter_pillar").label == "Theme"
    assert at.selectbox(key="filter_pillar").options[1:] == [
        f"Theme {n} · {name_en}" for n, _, name_en, _ in demo.ILLUSTRATIVE_THEMES
    ]
    specs = json.dumps(chart_specs(at), ensure_ascii=False)
    assert "Pillar 1" not in specs
    if page in ("overview", "pillars"):  # the bars' labels (wrapped to fit a phone)
        assert "Theme 9 · Partnership" in specs and "Theme 1 · National preparedness" in specs


def test_pillars_page_colours_each_theme_and_filters_one(demo_db: Path, app_env, monkeypatch):  # noqa: F811
    at = run_app(demo_db, monkeypatch, "pillars", year="2026", pillar="4", lang="id")
    (bars, focus) = chart_specs(at)[:2]
    assert len(set(bars["data"][0]["marker"]["color"])) == 1  # one theme chosen
    assert "Tingkat komitmen per tema (aksi)" in json.dumps(bars, ensure_ascii=False)
    assert [trace["name"] for trace in focus["data"]] == ["Tema 4 · Literasi digital dan ruang siber"]
    assert focus["data"][0]["marker"]["color"] == charts.PILLAR_COLOURS[4]
    assert any("Tema 4" in c.value for c in at.caption)


@pytest.mark.slow
def test_pack_of_2026_names_themes_and_says_illustrative(demo_db: Path):
    with Store(demo_db) as store:
        content = pack.build_content(store, Filters(2026), "en")
    deck = Presentation(io.BytesIO(pack.write_pptx(content)))
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "ILLUSTRATIVE" in texts
    assert "Theme " in texts and "Pillar " not in texts
    numbers = next(chart.key_numbers for chart in content.charts if chart.name == "by_pillar")
    assert len(numbers) == pack.KEY_GROUPS and all(line.startswith("Theme ") for line in numbers)


def test_upload_page_offers_the_template_of_each_period(db: Path):  # noqa: F811
    with Store(db) as store:
        add_nine_themes(store)
    at = no_exception(page("upload"))
    chosen = at.selectbox(key="ws_template_period")
    assert chosen.options == ["RAN PE 2020–2024 (Pillar)", "RAN PE 2026–2029 (Theme)"]
    assert chosen.value == 2020  # the latest real period first
    no_exception(chosen.set_value(2026).run())
