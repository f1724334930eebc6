"""Many sessions reading one Store while others upload: each sees exactly its own filters' results, no errors."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from ranpe.ingest import ingest_bytes
from ranpe.measures import NATIONAL, Filters, summary
from ranpe.store import Store
from tests import hostile
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
    counts = store.query_rows("store_counts")[0]
    assert len(stored) == len(uploads) and counts["uploads"] == len(AGENCIES) + len(uploads)
    assert counts["rows_stored"] == 60 * len(AGENCIES) + sum(stored)
    assert counts["rows_active"] == 60 * len(AGENCIES) + 400 * len(AGENCIES)  # the second 2024 round replaced the first
    assert {f: summary(store, f) for f in filters} == expected
    print(
        f"\n{READERS} readers × {ROUNDS_PER_READER} summaries + {len(uploads)} uploads in {elapsed:.1f} s, all equal "
        "to the single-threaded results"
    )


def _streamlit_views() -> list[tuple[str, Filters]]:
    views = []
    for index, (agency, pillar, province) in enumerate(
        itertools.product((None, "BNPT", "KEMENAG", "POLRI", "KEMENSOS"), (None, 1, 2), (None, "32", "72", NATIONAL))
    ):
        quarter = 3 if index % 3 == 0 else None
        parts = ["year=2023", "lang=en"] + [
            f"{name}={value}"
            for name, value in (("quarter", quarter), ("pillar", pillar), ("agency", agency), ("province", province))
            if value is not None
        ]
        views.append(("&".join(parts), Filters(2023, quarter, pillar, agency, province)))
    return views


@pytest.mark.slow
def test_twenty_streamlit_sessions_each_see_only_their_own_results(tmp_path):
    from ranpe import dashboard
    from ranpe.bench_load import drive_sessions, streamlit_server
    from ranpe.i18n import fmt_int, t

    db = tmp_path / "ranpe.duckdb"
    with Store(db) as store:
        for seed, agency in enumerate(AGENCIES):
            ingest_bytes(store, _submission(agency, 2023, seed), f"{agency}.xlsx", actor=ANALYST)
        views = []
        expected = {}
        for query, filters in _streamlit_views():
            figures = summary(store, filters)
            if figures["actions_planned"] == 0 or len(views) == 24:
                continue  # an empty view shows no figures to compare
            views.append((query, filters))
            expected[query] = (
                dashboard.describe_filters(store, filters, "en"),
                t(
                    "dash.kpi.committed_of",
                    "en",
                    committed=fmt_int(figures["actions_committed"], "en"),
                    planned=fmt_int(figures["actions_planned"], "en"),
                ),
            )
    assert len(views) >= 20 and len({caption for caption, _ in expected.values()}) == len(views)
    with streamlit_server(db) as port:
        results = drive_sessions(port, [query for query, _ in views], reruns=2)
    captions = {caption for caption, _ in expected.values()}
    defaults = {caption for query, (caption, _) in expected.items() if query == "year=2023&lang=en"}
    seconds = []
    for (query, _), runs in zip(views, results, strict=True):
        caption, committed = expected[query]
        assert len(runs) == 3, (query, runs[-1].errors)
        first = runs[0]
        assert caption in first.texts and committed in first.texts, (query, first.texts[:12])
        assert captions & set(first.texts) == {caption}, query
        # Reruns carry no widget state from this client (a browser sends it), so the page runs with its
        # default filters: they must finish without error, showing no other session's view.
        for run in runs:
            assert run.finished and run.errors == [], (query, run.errors)
            assert len(captions & set(run.texts)) <= 1 and (captions & set(run.texts)) <= {caption, *defaults}, query
            seconds.append(run.seconds)
    print(
        f"\n{len(views)} simultaneous Streamlit sessions × 3 runs: first runs showed their own filters and figures, "
        "reruns no errors; "
        f"run time median {sorted(seconds)[len(seconds) // 2]:.2f} s, max {max(seconds):.2f} s"
    )
