"""The workspace engine: previews and error reports, history, comparison, completeness, reference edits, audit."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from ranpe.access import audit
from ranpe.access.roles import Actor, Forbidden
from ranpe.exports import files
from ranpe.i18n import t
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.ingest.reference import load_reference
from ranpe.measures.dashboard import pillar_label
from ranpe.workspace import common, completeness, history, reference_admin, upload
from tests.conftest import ANALYST, csv_bytes, xlsx_bytes

ADMIN = Actor("admin", "admin")
HEADER = ["Tahun", "Triwulan", "Kementerian/Lembaga", "Pilar", "Kode Aksi", "Provinsi", "Komitmen", "Keterangan"]


def report(agency: str, quarter: int, rows: list[tuple[str, str, str]], year: int = 2023, pillar: int = 1) -> bytes:
    """A K/L's report: (action code, province, committed) per row."""
    body = [[year, quarter, agency, pillar, code, province, committed, ""] for code, province, committed in rows]
    return xlsx_bytes({"Laporan": [HEADER, *body]})


def store_report(store, data: bytes, when: datetime | None = None, name: str = "laporan.xlsx"):
    result = ingest_bytes(store, data, name, actor=ANALYST, uploaded_at=when)
    assert result.status == "stored", result.as_dict("en")
    return result


def read_xlsx(data: bytes) -> dict[str, list[list[object]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


# -- upload ----------------------------------------------------------------------------------------


def test_preview_shows_what_was_understood_and_stores_nothing(store):
    data = xlsx_bytes(
        {
            "Petunjuk": [["Isi sheet Laporan"]],
            "Laporan": [["LAPORAN RAN PE"], [], HEADER, [2023, "TW II", "BNPT", 1, "1.1.1", "Jawa Barat", "Ya", ""]],
        }
    )
    result = upload.preview(store, data, "bnpt.xlsx", actor=Actor("pemirsa", "viewer"))
    assert result.status == "checked"
    assert result.rows == 1
    sheets = upload.sheet_rows(result, "en")
    assert [(s["Sheet"], s["Header row"], s["Rows"]) for s in sheets] == [("Petunjuk", None, 0), ("Laporan", 3, 1)]
    mapping = {m["Header in the file"]: m["Became"] for m in upload.mapping_rows(result, "en")}
    assert mapping["Kementerian/Lembaga"] == "Ministry/Agency"
    assert mapping["Komitmen"] == "Committed"
    assert upload.found_text(result, "en") == {"rows": "1", "agencies": "BNPT", "periods": "2023 Q2", "pillars": "1"}
    assert store.query_rows("store/counts")[0]["uploads"] == 0


def test_error_report_lists_every_problem_and_neutralises_formulas(store):
    data = xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, 3, "BNPT", 1, "1.1.1", "@SUM(A1)", "Mungkin", ""],
                [2023, 3, "Kementerian Entah", 1, "1.1.2", "", "Ya", ""],
            ]
        }
    )
    result = upload.preview(store, data, "buruk.xlsx", actor=ANALYST)
    assert result.status == "refused"
    rows = upload.problem_rows([result], "en")
    assert {(r["row"], r["column"]) for r in rows} >= {(2, "Provinsi"), (2, "Komitmen"), (3, "Kementerian/Lembaga")}
    sheets = read_xlsx(upload.error_report_xlsx([result], "en"))
    problems = sheets["Problems"]
    assert problems[0] == ["File", "Sheet", "Row", "Column", "Value", "Expected", "Severity"]
    values = [row[4] for row in problems[1:]]
    assert "'@SUM(A1)" in values
    assert all(not str(cell).startswith("=") for row in problems for cell in row if cell is not None)
    assert sheets["Files"][1][:3] == ["buruk.xlsx", "refused", result.error_total]


FULL_HEADER = ["Tahun", "Triwulan", "K/L", "Pilar", "Kode Aksi", "Provinsi", "Komitmen", "Status", "Target"]


@pytest.mark.parametrize(
    ("make", "name"),
    [(xlsx_bytes, "kemenag.xlsx"), (lambda sheets: csv_bytes(sheets["Laporan"], delimiter=";"), "kemenag.csv")],
)
def test_preview_shows_the_rows_as_they_will_be_stored_with_names(store, make, name):
    data = make(
        {
            "Laporan": [
                FULL_HEADER,
                [2023, "TW II", "Kementerian Agama", "Pilar 1", "1.1.1", "Jabar", "Ya", "Selesai", "1.234,5"],
                [2023, "Triwulan II", "kemenag ri", "III", "3.1.1", "-", "tidak", "", "12"],
            ]
        }
    )
    result = upload.preview(store, data, name, actor=ANALYST)
    assert result.status == "checked", result.as_dict("en")
    english = upload.preview_rows(result, common.names(store, "en"))
    picked = ["Quarter", "Ministry/Agency", "Pillar", "Province", "Committed", "Implementation status", "Target"]
    assert [[row[c] for c in picked] for row in english] == [
        ["Q2", "Kemenag", "Pillar 1 · Prevention", "West Java", "Yes", "Completed", "1,234.5"],
        ["Q2", "Kemenag", pillar_label(3, "en"), "National", "No", "", "12"],
    ]
    indonesian = upload.preview_rows(result, common.names(store, "id"))
    assert [row["Triwulan"] for row in indonesian] == ["TW II", "TW II"]
    assert [row["Provinsi"] for row in indonesian] == ["Jawa Barat", "Nasional"]
    assert [row["Komitmen"] for row in indonesian] == ["Ya", "Tidak"]
    assert indonesian[0]["Target"] == "1.234,5"
    assert [row["Baris"] for row in indonesian] == [2, 3]


def test_preview_shows_the_first_rows_and_counts_all(store):
    body = [[2023, 2, "BNPT", 1, f"1.1.{n}", "", "Ya", "", ""] for n in range(upload.PREVIEW_ROWS + 10)]
    result = upload.preview(store, xlsx_bytes({"Laporan": [FULL_HEADER, *body]}), "bnpt.xlsx", actor=ANALYST)
    shown = upload.preview_rows(result, common.names(store, "en"))
    assert len(shown) == upload.PREVIEW_ROWS and result.rows == upload.PREVIEW_ROWS + 10
    assert shown[-1]["Action code"] == f"1.1.{upload.PREVIEW_ROWS - 1}"
    [plan] = upload.replace_plan(store, result)
    assert (plan["incoming_rows"], plan["current_upload_id"]) == (upload.PREVIEW_ROWS + 10, None)


def test_preview_names_the_version_each_slice_replaces_and_the_new_ones(store):
    first = store_report(
        store,
        xlsx_bytes(
            {
                "Laporan": [
                    HEADER,
                    [2023, 3, "BNPT", 1, "1.1.1", "", "Ya", ""],
                    [2023, 3, "BNPT", 1, "1.1.2", "", "Ya", ""],
                    [2023, 3, "BNPT", 2, "2.1.1", "", "Ya", ""],
                ]
            }
        ),
        when=datetime(2023, 10, 2, 9, 0),
        name="bnpt-tw3.xlsx",
    )
    data = xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, 3, "BNPT", 1, "1.1.1", "", "Tidak", ""],
                [2023, 3, "BNPT", 3, "3.1.1", "", "Ya", ""],
            ]
        }
    )
    result = upload.preview(store, data, "bnpt-tw3-revisi.xlsx", actor=ANALYST)
    plan = upload.plan_rows(upload.replace_plan(store, result), common.names(store, "en"))
    shown = ["Period", "Pillar", "Rows in the file", "When stored", "Uploaded", "Its file", "Its rows"]
    assert [[row[c] for c in shown] for row in plan] == [
        [
            "2023 Q3",
            "Pillar 1 · Prevention",
            1,
            f"replaces upload #{first.upload_id}",
            "2 October 2023 09:00",
            "bnpt-tw3.xlsx",
            "2",
        ],
        ["2023 Q3", pillar_label(3, "en"), 1, "new (no version yet)", "", "", ""],
    ]
    assert {row["K/L"] for row in plan} == {"BNPT"}
    assert upload.plan_text(upload.replace_plan(store, result), "en").startswith(
        "Storing this file replaces 1 K/L–year–quarter–pillar combinations and adds 1 new ones"
    )
    stored = store_report(store, data)
    assert [(item["pillar"], item["previous_upload_id"]) for item in stored.replaced] == [(1, first.upload_id)]
    chain = history.version_chain(store, agency="BNPT", year=2023, quarter=3)
    assert {(c["pillar"], c["upload_id"]) for c in chain if c["is_active"]} == {
        (1, stored.upload_id),
        (2, first.upload_id),
        (3, stored.upload_id),
    }


def test_summary_of_a_refused_file_lists_the_agencies_and_periods_it_reads(store):
    data = xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, "TW II", "Kemenag", 1, "1.1.1", "", "Mungkin", ""],
                [2023, "TW III", "Kemenag", 2, "2.1.1", "", "Ya", ""],
                [2023, "TW III", "BNPT", 2, "2.1.1", "Jawa Barta", "Ya", ""],
            ]
        }
    )
    result = upload.preview(store, data, "gabungan.xlsx", actor=ANALYST)
    assert result.status == "refused"
    assert upload.found_text(result, "en") == {
        "rows": "3",
        "agencies": "BNPT, Kemenag",
        "periods": "2023 Q2, 2023 Q3",
        "pillars": "1, 2",
    }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_uploader_words_come_from_the_translation_table(lang):
    css = upload.uploader_css(lang, upload.FILE_TYPES)
    for key in ("ws.upload.drop_button", "ws.upload.drop_here"):
        assert f'content: "{t(key, lang)}"' in css
    assert f'content: "{t("ws.upload.drop_limit", lang, limit=50, types="XLSX, CSV")}"' in css
    assert "stFileUploaderDropzoneInstructions" in css


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_neutralises_formula_starts(text):
    assert files.neutralise(text) == "'" + text
    assert files.neutralise("Jawa Barat") == "Jawa Barat"


def test_outcome_says_what_was_stored_and_replaced(store):
    store_report(store, report("BNPT", 3, [("1.1.1", "", "Ya")]))
    second = store_report(store, report("BNPT", 3, [("1.1.1", "", "Tidak"), ("1.1.2", "", "Ya")]))
    text = upload.outcome_text(second, "en")
    assert "Stored: 2 rows" in text
    assert "replaces BNPT 2023 Q3 pillar 1 (previously upload #1)" in text


def test_too_big_file_is_refused_before_reading(store, monkeypatch):
    monkeypatch.setattr(upload.config, "MAX_UPLOAD_BYTES", 10)
    with pytest.raises(common.WorkspaceError) as caught:
        upload.preview(store, b"x" * 11, "besar.csv", actor=ANALYST)
    assert caught.value.key == "ws.upload.too_big"


# -- access ----------------------------------------------------------------------------------------


def test_upload_and_restore_are_audited_in_the_same_transaction(store):
    first = store_report(store, report("BNPT", 3, [("1.1.1", "", "Ya")]))
    store_report(store, report("BNPT", 3, [("1.1.1", "", "Tidak")]))
    ingest_bytes(store, report("Entah", 3, [("1.1.1", "", "Ya")]), "buruk.xlsx", actor=ANALYST)
    history.restore(store, first.upload_id, actor=ANALYST)
    log = audit.entries(store, ADMIN)
    assert [e["action"] for e in reversed(log)] == ["upload", "replace", "refuse", "restore"]
    assert all(e["actor"] == "analis" and e["role"] == "analyst" for e in log)
    assert log[-1]["details"]["rows"] == 1 and len(log[-1]["details"]["sha256"]) == 64


# -- history ---------------------------------------------------------------------------------------


def test_version_chain_and_comparison(store):
    old = store_report(
        store, report("BNPT", 3, [("1.1.1", "", "Ya"), ("1.1.2", "Jawa Barat", "Tidak"), ("1.1.3", "", "Ya")])
    )
    new = store_report(
        store, report("BNPT", 3, [("1.1.1", "", "Tidak"), ("1.1.2", "Jawa Barat", "Tidak"), ("1.1.4", "", "Ya")])
    )
    chain = history.version_chain(store, agency="BNPT", year=2023, quarter=3)
    assert [(c["version"], c["upload_id"], c["is_active"]) for c in chain] == [
        (1, old.upload_id, False),
        (2, new.upload_id, True),
    ]
    comparison = history.compare_versions(store, old.upload_id, new.upload_id)
    assert (comparison.count("added"), comparison.count("removed"), comparison.count("changed")) == (1, 1, 1)
    assert [row["action_code"] for row in comparison.flipped] == ["1.1.1"]
    table = history.comparison_rows(comparison, common.names(store, "en"))
    assert {row["Change"] for row in table} == {"Rows added", "Rows removed", "Rows changed"}


def test_history_statuses_and_original_file(store):
    data = report("BNPT", 3, [("1.1.1", "", "Ya")])
    first = store_report(store, data, name="bnpt-tw3.xlsx")
    store_report(store, report("BNPT", 3, [("1.1.1", "", "Tidak")]))
    statuses = {u["upload_id"]: u["status"] for u in history.history(store)}
    assert statuses == {first.upload_id: "replaced", first.upload_id + 1: "active"}
    assert history.original_file(store, first.upload_id, actor=ANALYST) == ("bnpt-tw3.xlsx", data)
    with pytest.raises(Forbidden):
        history.original_file(store, first.upload_id, actor=Actor("p", "viewer"))


def two_pillar_file(committed: str) -> bytes:
    """BNPT's own report for 2023 Q3: two actions of pillar 1 and one of pillar 2."""
    return xlsx_bytes(
        {
            "Laporan": [
                HEADER,
                [2023, 3, "BNPT", 1, "1.1.1", "", committed, ""],
                [2023, 3, "BNPT", 1, "1.1.2", "Jawa Barat", committed, ""],
                [2023, 3, "BNPT", 2, "2.1.1", "", committed, ""],
            ]
        }
    )


def active_versions(store) -> dict[int, tuple[int, int, bool]]:
    """Per pillar of BNPT 2023 Q3: the active upload, its rows counted, whether all are committed."""
    chain = history.version_chain(store, agency="BNPT", year=2023, quarter=3)
    active = {row["pillar"]: (row["upload_id"], row["row_count"]) for row in chain if row["is_active"]}
    cur = store.cursor()
    rows = cur.execute(
        "select pillar, upload_id, count(*), bool_and(committed) from current_rows group by all order by all"
    ).fetchall()
    assert {pillar: (upload_id, count) for pillar, upload_id, count, _ in rows} == active
    return {pillar: (upload_id, count, committed) for pillar, upload_id, count, committed in rows}


def test_undo_of_an_upload_that_replaced_one_slice_of_one_that_kept_others(store):
    kl_file = store_report(store, two_pillar_file("Tidak"), when=datetime(2023, 10, 2), name="bnpt.xlsx")
    pokja = store_report(store, report("BNPT", 3, [("1.1.1", "", "Ya")], pillar=1), name="pokja1.xlsx")
    assert active_versions(store) == {1: (pokja.upload_id, 1, True), 2: (kl_file.upload_id, 1, False)}
    statuses = {u["upload_id"]: history.status_text(u, "en") for u in history.history(store)}
    assert statuses == {kl_file.upload_id: "active for 1 of 2 combinations", pokja.upload_id: "active"}

    plan = history.undo_plan(store, pokja.upload_id)
    assert [(p["pillar"], p["previous_upload_id"], p["current_rows"], p["previous_rows"]) for p in plan] == [
        (1, kl_file.upload_id, 1, 2)
    ]
    [row] = history.undo_rows(plan, common.names(store, "en"))
    assert (row["K/L"], row["Period"], row["Pillar"], row["Its rows now"]) == (
        "BNPT",
        "2023 Q3",
        "Pillar 1 · Prevention",
        "1",
    )
    assert row["After undoing"] == f"#{kl_file.upload_id} · bnpt.xlsx · 2 October 2023 00:00 · 2 rows"

    history.undo(store, pokja.upload_id, actor=ANALYST)
    # The replaced slice returns to the K/L's file; the slice it kept stays as it was.
    assert active_versions(store) == {1: (kl_file.upload_id, 2, False), 2: (kl_file.upload_id, 1, False)}
    statuses = {u["upload_id"]: u["status"] for u in history.history(store)}
    assert statuses == {kl_file.upload_id: "active", pokja.upload_id: "replaced"}
    [entry] = audit.entries(store, ADMIN, action="undo")
    assert entry["details"] == {"upload_id": pokja.upload_id, "slices": [["BNPT", 2023, 3, 1, kl_file.upload_id]]}
    # Undone is not lost: restoring the Pokja's file brings its slice back.
    history.restore(store, pokja.upload_id, actor=ANALYST)
    assert active_versions(store)[1] == (pokja.upload_id, 1, True)


def test_undo_of_a_partly_replaced_upload_touches_only_the_slices_it_still_provides(store):
    kl_file = store_report(store, two_pillar_file("Tidak"))
    pokja = store_report(store, report("BNPT", 3, [("1.1.1", "", "Ya")], pillar=1))
    restore_plan = history.restore_plan(store, kl_file.upload_id)
    assert [(p["pillar"], p["current_upload_id"], p["restored_rows"]) for p in restore_plan] == [
        (1, pokja.upload_id, 2)
    ]
    [row] = history.restore_rows(restore_plan, common.names(store, "id"))
    assert row["Versi sekarang"].startswith(f"#{pokja.upload_id} · laporan.xlsx · ")
    assert (row["Pilar"], row["Baris yang dipulihkan"]) == ("Pilar 1 · Pencegahan", "2")
    # The K/L's file added pillar 2 (no earlier version): undoing it leaves that slice without a version.
    [item] = history.undo_plan(store, kl_file.upload_id)
    assert (item["pillar"], item["previous_upload_id"]) == (2, None)
    assert history.undo_rows([item], common.names(store, "en"))[0]["After undoing"] == "no version (not counted)"
    history.undo(store, kl_file.upload_id, actor=ANALYST)
    assert active_versions(store) == {1: (pokja.upload_id, 1, True)}
    assert history.undo_plan(store, kl_file.upload_id) == []
    with pytest.raises(common.WorkspaceError) as caught:
        history.undo(store, kl_file.upload_id, actor=ANALYST)
    assert caught.value.key == "ws.history.cannot_undo"


def test_only_analysts_undo(store):
    first = store_report(store, report("BNPT", 3, [("1.1.1", "", "Ya")]))
    with pytest.raises(Forbidden):
        history.undo(store, first.upload_id, actor=Actor("p", "viewer"))
    assert history.undo_plan(store, first.upload_id)


def test_versions_and_comparison_follow_the_chosen_upload_and_show_names(store):
    bnpt_old = store_report(store, report("BNPT", 3, [("1.1.1", "Jabar", "Ya")]))
    kemenag = store_report(store, report("KEMENAG", 2, [("1.1.1", "", "Ya")]))
    bnpt_new = store_report(store, report("BNPT", 3, [("1.1.1", "Jabar", "Tidak")]))
    chain = history.version_chain(store, upload_id=bnpt_old.upload_id)
    assert {(row["agency_code"], row["upload_id"]) for row in chain} == {
        ("BNPT", bnpt_old.upload_id),
        ("BNPT", bnpt_new.upload_id),
    }
    assert [row["upload_id"] for row in history.version_chain(store, upload_id=kemenag.upload_id)] == [
        kemenag.upload_id
    ]
    assert history.compare_choices(chain, bnpt_old.upload_id) == (
        [bnpt_old.upload_id, bnpt_new.upload_id],
        bnpt_old.upload_id,
        bnpt_new.upload_id,
    )
    assert history.compare_choices(chain, bnpt_new.upload_id)[1:] == (bnpt_old.upload_id, bnpt_new.upload_id)
    names = common.names(store, "en")
    [row] = history.comparison_rows(history.compare_versions(store, bnpt_old.upload_id, bnpt_new.upload_id), names)
    assert (row["Ministry/Agency"], row["Province"], row["Pillar"]) == ("BNPT", "West Java", "Pillar 1 · Prevention")
    table = history.chain_rows(chain, names, chosen=bnpt_old.upload_id)
    assert [r["#"] for r in table] == [f"#{bnpt_old.upload_id} ◀", f"#{bnpt_new.upload_id}"]


def test_refused_upload_error_report_from_history(store):
    refused = ingest_bytes(store, report("Entah", 3, [("1.1.1", "", "Ya")]), "buruk.xlsx", actor=ANALYST)
    sheets = read_xlsx(history.refused_report_xlsx(store, refused.upload_id, "en"))
    assert sheets["Problems"][1][:5] == ["buruk.xlsx", "Laporan", 2, "Kementerian/Lembaga", "Entah"]


# -- completeness ----------------------------------------------------------------------------------


def test_completeness_on_time_late_missing_and_not_due(store):
    store_report(store, report("BNPT", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 10))
    store_report(store, report("BNPT", 2, [("1.1.1", "", "Ya")]), when=datetime(2023, 7, 20))
    store_report(store, report("KEMENAG", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 15, 23, 0))
    result = completeness.completeness(store, 2023, today=date(2023, 10, 5))
    states = {a["code"]: {q: c["state"] for q, c in a["cells"].items()} for a in result.agencies}
    assert states["BNPT"] == {1: "on_time", 2: "late", 3: "not_due", 4: "not_due"}
    assert states["KEMENAG"] == {1: "on_time", 2: "missing", 3: "not_due", 4: "not_due"}
    assert result.rate(1) == 1.0 and result.rate(2) == 0.5
    assert result.reporting_quarter == 3
    assert [a["code"] for a in result.not_reported(2)] == ["KEMENAG"]
    assert result.deadlines[1] == date(2023, 4, 15)


def test_quarters_not_yet_due_show_no_rate(store):
    store_report(store, report("BNPT", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 10))
    store_report(store, report("BNPT", 3, [("1.1.1", "", "Ya")]), when=datetime(2023, 10, 3))
    result = completeness.completeness(store, 2023, today=date(2023, 10, 5))
    assert [result.is_due(q) for q in common.QUARTERS] == [True, True, False, False]
    assert [result.rate(q) for q in common.QUARTERS] == [1.0, 0.0, None, None]
    assert completeness.rate_text(result, 1, "id") == ("100,0%", "1 dari 1 K/L melapor")
    # Q3 was reported early, yet the quarter is not due: no rate (never a percentage that is not one yet).
    assert completeness.rate_text(result, 3, "en") == (
        "–",
        "not yet due (15 October 2023); 1 of 1 K/L have reported so far",
    )
    assert completeness.rate_text(result, 4, "id")[0] == "–"
    rates = {row["Quarter"]: row["Reporting rate"] for row in completeness.rate_rows(result, "en")}
    assert rates == {"Q1": 1.0, "Q2": 0.0, "Q3": "not yet due", "Q4": "not yet due"}


def test_a_year_nobody_reported_yet_expects_the_reference_data_active_that_year(store):
    store_report(store, report("BNPT", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 10))
    reference_admin.update_agency(store, "KEMENKOEKON", active_to=2024, actor=ADMIN)
    reference_admin.add_agency(
        store,
        code="BADANBARU",
        name="Badan Baru",
        short_name="Badan Baru",
        name_en="New",
        active_from=2026,
        actor=ADMIN,
    )
    result = completeness.completeness(store, 2025, today=date(2025, 5, 1))
    assert result.expected_from == "reference"
    codes = [a["code"] for a in result.expected]
    assert len(codes) == 48 and "KEMENKOEKON" not in codes and "BADANBARU" not in codes and "BNPT" in codes
    assert result.rate(1) == 0.0 and result.rate(2) is None
    assert completeness.rate_text(result, 1, "en") == ("0.0%", "0 of 48 K/L reported")
    assert len(completeness.not_reported_rows(result, 1, "en")) == 48


def test_rate_counts_the_k_l_with_a_report_and_keeps_the_reference_only_ones_apart(store):
    store_report(store, report("BNPT", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 10))
    store_report(store, report("KEMENAG", 2, [("1.1.1", "", "Ya")]), when=datetime(2023, 7, 10))
    for include_reference in (False, True):
        result = completeness.completeness(store, 2023, today=date(2024, 2, 1), include_reference=include_reference)
        assert [len(result.expected), len(result.reference_only)] == [2, 47]
        assert [result.rate(q) for q in common.QUARTERS] == [0.5, 0.5, 0.0, 0.0]
        assert len(result.agencies) == (49 if include_reference else 2)
    counted = {row["Code"]: row["Counted in the rate"] for row in completeness.matrix_rows(result, "en")}
    assert counted["BNPT"] == "yes" and counted["POLRI"].startswith("no: in the reference data only")


def test_completeness_lists_k_l_by_name_case_insensitively(store):
    for agency in ("BNPT", "Bappenas", "BIN"):
        store_report(store, report(agency, 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 10))
    result = completeness.completeness(store, 2023, today=date(2023, 5, 1))
    assert [row["Ministry/Agency"] for row in completeness.matrix_rows(result, "en")] == ["Bappenas", "BIN", "BNPT"]
    assert common.names(store, "en").agency_codes()[:4] == ["ATRBPN", "BAKAMLA", "BAPPENAS", "BIN"]


def test_deadline_setting_is_stored_and_audited(store):
    store_report(store, report("BNPT", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 20))
    assert completeness.completeness(store, 2023, today=date(2023, 12, 1)).agencies[0]["cells"][1]["state"] == "late"
    completeness.set_deadline_days(store, 30, actor=ANALYST)
    assert completeness.deadline_days(store) == 30
    assert completeness.completeness(store, 2023, today=date(2023, 12, 1)).agencies[0]["cells"][1]["state"] == "on_time"
    completeness.set_quarter_deadline(store, 2023, 1, date(2023, 4, 1), actor=ANALYST)
    assert completeness.deadlines(store, 2023)[1] == date(2023, 4, 1)
    completeness.set_quarter_deadline(store, 2023, 1, None, actor=ANALYST)
    assert completeness.deadlines(store, 2023)[1] == date(2023, 4, 30)
    assert [e["action"] for e in audit.entries(store, ADMIN, action="setting")] == ["setting"] * 3
    with pytest.raises(Forbidden):
        completeness.set_deadline_days(store, 10, actor=Actor("p", "viewer"))


def test_completeness_with_every_reference_agency_and_exports(store):
    store_report(store, report("BNPT", 1, [("1.1.1", "", "Ya")]), when=datetime(2023, 4, 10))
    result = completeness.completeness(store, 2023, today=date(2024, 1, 20), include_reference=True)
    assert len(result.agencies) == 49
    missing = completeness.not_reported_rows(result, 1, "en")
    assert len(missing) == 48 and "BNPT" not in [m["Code"] for m in missing]
    sheets = read_xlsx(completeness.completeness_xlsx(result, 1, "en"))
    assert set(sheets) == {"Matrix", "Rate per quarter", "Not reported"}
    assert len(sheets["Not reported"]) == 49
    text = completeness.not_reported_csv(result, 1, "id").decode("utf-8-sig")
    assert text.splitlines()[0] == "Kode;Kementerian/Lembaga;Nama lengkap;Batas waktu;Hari terlambat"


# -- reference data --------------------------------------------------------------------------------


def test_rename_keeps_code_history_and_old_name_as_alias(store):
    before = store_report(store, report("KEMENDIKBUDRISTEK", 1, [("1.1.1", "", "Ya")]))
    changes = reference_admin.update_agency(
        store,
        "KEMENDIKBUDRISTEK",
        name="Kementerian Pendidikan Dasar dan Menengah",
        short_name="Kemendikdasmen",
        actor=ADMIN,
    )
    assert set(changes) >= {"name", "short_name", "aliases"}
    agency = next(a for a in store.query_rows("reference/agencies") if a["code"] == "KEMENDIKBUDRISTEK")
    assert "Kemendikbudristek" in agency["aliases"].split(";")
    reference = load_reference(store)
    assert reference.agency("Kemendikdasmen") == "KEMENDIKBUDRISTEK"
    assert reference.agency("kemendikbudristek") == "KEMENDIKBUDRISTEK"
    assert history.history(store)[0]["upload_id"] == before.upload_id
    assert store.query_rows("store/counts")[0]["rows_active"] == 1
    fields = {c["field"] for c in reference_admin.reference_changes(store, actor=ADMIN)}
    assert {"name", "short_name", "aliases"} <= fields
    assert audit.entries(store, ADMIN, action="reference_change")[0]["details"]["code"] == "KEMENDIKBUDRISTEK"


def test_new_agency_and_alias_apply_from_the_next_ingest(store):
    refused = ingest_bytes(store, report("Badan Baru", 1, [("1.1.1", "", "Ya")]), "baru.xlsx", actor=ANALYST)
    assert refused.status == "refused"
    reference_admin.add_agency(
        store,
        code="BADANBARU",
        name="Badan Baru Nasional",
        short_name="Badan Baru",
        name_en="New National Agency",
        aliases="BBN",
        active_from=2025,
        actor=ADMIN,
    )
    assert store_report(store, report("Badan Baru", 1, [("1.1.1", "", "Ya")])).found["agencies"] == ["BADANBARU"]
    reference_admin.set_province_aliases(store, "32", "Jabar;Tatar Pasundan", actor=ADMIN)
    assert load_reference(store).province("tatar pasundan") == "32"


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"code": "bnpt"}, "ws.ref.code_exists"),
        ({"code": "X"}, "ws.ref.bad_code"),
        ({"aliases": "Kemenag"}, "ws.ref.clash"),
        ({"short_name": ""}, "ws.ref.name_required"),
        ({"active_from": 2026, "active_to": 2024}, "ws.ref.bad_years"),
        ({"active_from": "dua ribu"}, "ws.ref.bad_year"),
    ],
)
def test_bad_reference_edit_is_refused(store, change, key):
    fields = {"code": "BARU", "name": "Badan Baru", "short_name": "Baru", "name_en": "New", **change}
    with pytest.raises(common.WorkspaceError) as caught:
        reference_admin.add_agency(store, **fields, actor=ADMIN)
    assert caught.value.key == key
    assert caught.value.message("en")
