"""Many sessions reading one Store while others upload: each sees exactly its own filters' results, no errors."""

from __future__ import annotations

import itertools
import json
import random
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from ranpe.i18n import LANGS, fmt_int, t
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.measures.filters import NATIONAL, Filters
from ranpe.measures.summary import summary
from ranpe.store.connection import Store
from tests import hostile
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, SUBMISSIONS_UPLOADER
from tests.conftest import ANALYST

READERS = 20
ROUNDS_PER_READER = 15
AGENCIES = ["BNPT", "Kemenag", "Polri", "Kemensos"]
PROVINCES = ["Jawa Barat", "Sulawesi Tengah", "Nasional"]


def _submission(agency: str, year: int, seed: int, rows: int = 60) -> bytes:
    body = []
    for number in range(1, rows + 1):
        body.append(
            hostile.data_row(
                number,
                Tahun=year,
                Kementerian_Lembaga=agency,
                Pilar=number % 3 + 1,
                Kode_Aksi=f"{number % 3 + 1}.{number % 7}.{number}",
                Provinsi=PROVINCES[(number + seed) % 3],
                Komitmen="Ya" if (number * (seed + 3)) % 4 else "Tidak",
            )
        )
    return hostile.xlsx_bytes({"Laporan": [hostile.HEADER, *body]})


def _all_filters() -> list[Filters]:
    choices = itertools.product((None, 3), (None, 1, 2, 3), (None, "BNPT", "KEMENAG", "POLRI"), (None, "32", NATIONAL))
    return [Filters(2023, q, p, a, r) for q, p, a, r in choices]


@pytest.mark.slow
def test_twenty_readers_and_two_uploaders_on_one_store(store: Store):
    for seed, agency in enumerate(AGENCIES):
        assert ingest_bytes(store, _submission(agency, 2023, seed), f"{agency}.xlsx", actor=ANALYST).status == "stored"
    filters = _all_filters()
    expected = {f: summary(store, f) for f in filters}
    assert len({repr(v) for v in expected.values()}) > 20, "the filters must give different answers"
    uploads = [_submission(agency, 2024, seed, rows=400) for seed, agency in enumerate(AGENCIES * 2)]
    wrong: list[str] = []
    errors: list[str] = []
    stored: list[int] = []
    started = threading.Barrier(READERS + 2)

    def read(number: int) -> None:
        mine = filters[number::READERS]
        started.wait()
        for round_number in range(ROUNDS_PER_READER):
            chosen = mine[round_number % len(mine)]
            try:
                got = summary(store, chosen)
            except Exception as exc:  # every error is a failure of the test, reported with its type
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            if got != expected[chosen]:
                wrong.append(f"reader {number}: {chosen}")

    def upload(files: list[bytes], name: str) -> None:
        started.wait()
        for index, data in enumerate(files):
            try:
                result = ingest_bytes(store, data, f"{name}_{index}.xlsx", actor=ANALYST)
                stored.append(result.rows)
            except Exception as exc:
                errors.append(f"upload {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=read, args=(n,)) for n in range(READERS)]
    threads += [threading.Thread(target=upload, args=(uploads[i::2], f"u{i}")) for i in range(2)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    assert errors == []
    assert wrong == []
    counts = store.query_rows("store/counts")[0]
    assert len(stored) == len(uploads) and counts["uploads"] == len(AGENCIES) + len(uploads)
    assert counts["rows_stored"] == 60 * len(AGENCIES) + sum(stored)
    assert counts["rows_active"] == 60 * len(AGENCIES) + 400 * len(AGENCIES)  # the second 2024 round replaced the first
    assert {f: summary(store, f) for f in filters} == expected
    print(
        f"\n{READERS} readers × {ROUNDS_PER_READER} summaries + {len(uploads)} uploads in {elapsed:.1f} s, all equal "
        "to the single-threaded results"
    )


# The two files uploaded through the app while the sessions browse: a new version of two K/L's reports.
UPLOADS = {"bnpt-v2.xlsx": ("BNPT", 4), "kemenag-v2.xlsx": ("Kemenag", 6)}
SESSIONS = 24
# Each session looks at its page a random 0–1 s before rerunning, as a browsing user does.
THINK_SECONDS = 1.0


def _streamlit_views() -> list[tuple[str, Filters, str]]:
    """Many different filter choices, every other one in English, as URL queries, Filters and language."""
    views = []
    for index, (agency, pillar, province) in enumerate(
        itertools.product((None, "BNPT", "KEMENAG", "POLRI", "KEMENSOS"), (None, 1, 2), (None, "32", "72", NATIONAL))
    ):
        quarter = 3 if index % 3 == 0 else None
        lang = "en" if index % 2 else "id"
        parts = ["year=2023"] + [
            f"{name}={value}"
            for name, value in (
                ("lang", "en" if lang == "en" else None),
                ("quarter", quarter),
                ("pillar", pillar),
                ("agency", agency),
                ("province", province),
            )
            if value is not None
        ]
        views.append(("&".join(parts), Filters(2023, quarter, pillar, agency, province), lang))
    return views


def _first_reports(folder: Path) -> Path:
    """A closed store in a new folder holding the four first reports (and their archive); returns its path."""
    folder.mkdir()
    with Store(folder / "ranpe.duckdb") as store:
        for seed, agency in enumerate(AGENCIES):
            ingest_bytes(store, _submission(agency, 2023, seed), f"{agency}.xlsx", actor=ANALYST)
        return store.path


def _copy_with_uploads(first: Path, folder: Path, uploads: list[str]) -> Store:
    """A copy of the first reports' store (with its uploads archive) in folder, after the named uploads."""
    shutil.copytree(first.parent, folder)
    store = Store(folder / first.name)
    for name in uploads:
        agency, seed = UPLOADS[name]
        ingest_bytes(store, _submission(agency, 2023, seed), name, actor=ANALYST)
    return store


def _chart_filters(spec: str) -> str:
    """The filters line under a Plotly chart's title as a reader reads it: ranpe.charts wraps it into spans after the
    title, one per line (to fit a phone), joined here with the spaces the wrapping took."""
    title = json.loads(spec)["layout"]["title"]["text"]
    return " ".join(re.findall(r"<span[^>]*>(.*?)</span>", title))


def _committed_text(figures: dict, lang: str) -> str:
    """The overview's "committed of planned" line for these summary() figures."""
    return t(
        "dash.kpi.committed_of",
        lang,
        committed=fmt_int(figures["actions_committed"], lang),
        planned=fmt_int(figures["actions_planned"], lang),
    )


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.serial  # 24 sessions and two Chromium pages on one server, each with a deadline: the machine to itself
def test_sessions_browsing_while_two_upload_each_see_only_their_own_results(tmp_path):
    """24 websocket sessions rerun the overview, each with its own filters (URL, then widget state as a browser
    sends it), while two Chromium pages upload through the Unggah page."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    from benchmarks.load import RUN_TIMEOUT_SECONDS, Run, Session, streamlit_server
    from ranpe.measures import dashboard

    # Every state the store passes through: before, after either upload, after both.
    states = [[], *[[name] for name in UPLOADS], list(UPLOADS)]
    figures: dict[str, list[str]] = {}
    captions: dict[str, str] = {}
    first = _first_reports(tmp_path / "first")
    for number, uploads in enumerate(states):
        with _copy_with_uploads(first, tmp_path / f"state_{number}", uploads) as state:
            for query, filters, lang in _streamlit_views():
                summaries = summary(state, filters, breakdowns=False)
                shown = _committed_text(summaries, lang) if summaries["actions_planned"] else ""
                figures.setdefault(query, []).append(shown)
                captions[query] = dashboard.describe_filters(state, filters, lang)
    shown_in_every_state = [query for query in figures if all(figures[query])]  # an empty view shows no figures
    # The views the uploads change first, then others: both kinds must stay right.
    views = sorted(shown_in_every_state, key=lambda query: len(set(figures[query])) == 1)[:SESSIONS]
    assert len(views) == SESSIONS and len({captions[query] for query in views}) == SESSIONS
    assert sum(len(set(figures[query])) > 1 for query in views) >= 10, "the uploads must change what many show"
    assert 0 < sum("lang=en" in query for query in views) < SESSIONS, "sessions in both languages"
    all_captions = set(captions.values())
    figure_pattern = re.compile(
        "|".join(
            re.escape(t("dash.kpi.committed_of", lang, committed="\0", planned="\1"))
            .replace("\0", r"[\d.,]+")
            .replace("\1", r"[\d.,]+")
            for lang in LANGS
        )
    )

    _copy_with_uploads(first, tmp_path / "app", []).close()
    db = tmp_path / "app" / first.name
    files = {}
    for name, (agency, seed) in UPLOADS.items():
        files[name] = tmp_path / name
        files[name].write_bytes(_submission(agency, 2023, seed))
    runs: dict[str, list[Run]] = {query: [] for query in views}
    after_uploads: dict[str, Run] = {}
    broken: list[str] = []
    first_runs_done = threading.Barrier(SESSIONS + 1, timeout=RUN_TIMEOUT_SECONDS)
    uploads_stored = threading.Event()

    def browse(query: str, port: int) -> None:
        session = None
        pause = random.Random(query)
        try:
            session = Session(port, query)
            runs[query].append(session.run())
            first_runs_done.wait()
            while not uploads_stored.is_set():
                time.sleep(pause.uniform(0, THINK_SECONDS))
                runs[query].append(session.run())
            after_uploads[query] = session.run()
        except Exception as exc:  # a broken session is a failure of the test, reported with its type
            broken.append(f"{query}: {type(exc).__name__}: {exc}")
            first_runs_done.abort()
        finally:
            if session is not None:
                session.close()

    users_file = tmp_path / "users.toml"  # absent: sign-in off, every visitor is the local admin
    with (
        streamlit_server(db, log_path=tmp_path / "server.log", env={"RANPE_USERS_FILE": str(users_file)}) as port,
        playwright_api.sync_playwright() as playwright,
    ):
        began = time.perf_counter()
        # The app opened once at / before, as after a deploy.
        opening = Session(port, "year=2023")
        assert opening.run().finished
        opening.close()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [browser.new_context(locale="id-ID").new_page() for _ in UPLOADS]
        for page in pages:  # the Unggah page open in two browsers
            page.goto(f"http://127.0.0.1:{port}/upload", wait_until="domcontentloaded")
            page.locator(f"{SUBMISSIONS_UPLOADER} input[type='file']").wait_for(state="attached", timeout=60_000)
        sessions = [threading.Thread(target=browse, args=(query, port)) for query in views]
        try:
            for thread in sessions:
                thread.start()
            first_runs_done.wait()
            upload_started = time.perf_counter()
            for page, path in zip(pages, files.values(), strict=True):
                page.locator(f"{SUBMISSIONS_UPLOADER} input[type='file']").set_input_files(str(path))
            for page in pages:
                page.get_by_text("siap disimpan, 60 baris tanpa kesalahan").wait_for(timeout=60_000)
            for page in pages:
                page.get_by_role("button", name=t("ws.upload.store", "id", count=1)).click()
            for page in pages:
                page.get_by_text("Disimpan: 60 baris (unggahan #").wait_for(timeout=60_000)
            upload_ended = time.perf_counter()
        finally:
            uploads_stored.set()
            for thread in sessions:
                thread.join()
            browser.close()

    assert broken == []
    during = 0
    for query in views:
        assert len(runs[query]) >= 2 and query in after_uploads, query
        for number, run in enumerate([*runs[query], after_uploads[query]]):
            assert run.finished and run.errors == [], (query, number, run.errors)
            assert all_captions & set(run.texts) == {captions[query]}, (query, number, len(runs[query]), run.texts[3])
            shown = [text for text in run.texts if figure_pattern.fullmatch(text)]
            assert len(shown) == 1 and shown[0] in figures[query], (query, shown, figures[query])
            charted = [_chart_filters(spec) for spec in run.charts]  # by pillar, the map (then the trend)
            assert charted[:2] == [captions[query]] * 2 and all_captions & set(charted) == {captions[query]}, query
            during += run.started_at < upload_ended and run.ended_at > upload_started
        assert figures[query][-1] in after_uploads[query].texts, (query, figures[query][-1])
    assert during >= SESSIONS, "the sessions must browse while the files upload"
    with Store(db) as store:
        counts = store.query_rows("store/counts")[0]
    assert counts["uploads"] == len(AGENCIES) + len(UPLOADS)
    assert counts["rows_stored"] == 60 * (len(AGENCIES) + len(UPLOADS))
    assert counts["rows_active"] == 60 * len(AGENCIES)  # each upload replaced its K/L's report
    first_runs = sorted(runs[query][0].seconds for query in views)
    reruns = sorted(run.seconds for query in views for run in [*runs[query][1:], after_uploads[query]])
    print(
        f"\n{SESSIONS} Streamlit sessions, {len(first_runs) + len(reruns)} runs of the overview ({during} while two "
        f"files uploaded through the app in {upload_ended - upload_started:.1f} s; upload pages and first runs took "
        f"{upload_started - began:.1f} s): each showed only its own filters, figures and charts. First run median "
        f"{first_runs[len(first_runs) // 2]:.2f} s, max {first_runs[-1]:.2f} s; rerun median "
        f"{reruns[len(reruns) // 2]:.2f} s, p95 {reruns[int(0.95 * (len(reruns) - 1))]:.2f} s, max {reruns[-1]:.2f} s"
    )


@pytest.mark.slow
def test_language_chosen_in_the_url_survives_a_rerun(tmp_path):
    """The first session opened at / after the server starts (/?lang=en) keeps English when it reruns with the
    widget values a browser sends back (real Chromium sends the same ones: checked by hand)."""
    from benchmarks.load import Session, streamlit_server

    db = _first_reports(tmp_path / "app")
    with streamlit_server(db, env={"RANPE_USERS_FILE": str(tmp_path / "users.toml")}) as port:
        session = Session(port, "year=2023&lang=en&quarter=3")
        try:
            shown = [session.run() for _ in range(3)]
        finally:
            session.close()
    assert ["Year 2023 · Q3" in run.texts for run in shown] == [True, True, True]
