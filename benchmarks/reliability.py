"""The shared store under faults, round after round (docs/reliability.md): writers of every kind started at one
instant on a fresh store and on an existing one, and ingests killed with SIGKILL at a random moment. Prints what each
fault did and what was lost.

    python -m benchmarks.reliability --lake "$(bash scripts/postgres.sh url)" --rounds 100

tests/test_lake_faults.py runs a few rounds of each in the suite."""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.lake import LAKE_HELP, fresh_lake
from ranpe.store import health
from ranpe.store.connection import Store

REPO = Path(__file__).resolve().parent.parent
AGENCIES = ("BNPT", "Kemenag", "Polri", "TNI", "Kemenkumham", "Kemendagri", "Kemenlu", "BIN")

# One write of one kind, started when a line arrives on stdin (every writer of a round at the same instant), each
# opening the store itself: on a fresh store that open is its first start. "stored" only after the write returned.
_WRITER = """
import sys
from ranpe.access.roles import Actor
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.plan import catalogue
from ranpe.store.connection import Store
from ranpe.workspace.reference_admin import set_province_aliases
from tests.test_catalogue import GOOD, catalogue_file
from tests.test_ingest import agency_file

kind, value = sys.argv[3].split(":")
analyst, admin = Actor("analis", "analyst"), Actor("admin", "admin")
print("ready", flush=True)
sys.stdin.readline()
store = Store(sys.argv[1], lake_data=sys.argv[2])
if kind == "ingest":
    result = ingest_bytes(store, agency_file(value, "Ya"), value + ".xlsx", actor=analyst)
    assert result.status == "stored", result
elif kind == "catalogue":
    row = [*GOOD[:1], "Aksi " + value, *GOOD[2:]]
    result = catalogue.import_bytes(store, catalogue_file([row]), "katalog.xlsx", period="RANPE-2020", actor=analyst)
    assert result.status == "stored", result
else:
    set_province_aliases(store, "72", ["Sulteng " + value], actor=admin)
store.close()
print("stored", flush=True)
"""

# Ingests one file after another, each a new upload, saying "stored <id>" only after ingest_bytes returned.
_INGESTER = """
import sys
from ranpe.access.roles import Actor
from ranpe.ingest.pipeline import ingest_bytes
from ranpe.store.connection import Store
from tests.test_ingest import agency_file

store = Store(sys.argv[1], lake_data=sys.argv[2])
print("ready", flush=True)
for number in range(10_000):
    agency = sys.argv[3 + number % (len(sys.argv) - 3)]
    data = agency_file(agency, "Ya" if number % 2 else "Tidak", quarter=f"TW {1 + number % 4}")
    result = ingest_bytes(store, data, f"{agency}-{number}.xlsx", actor=Actor("analis", "analyst"))
    if result.status == "stored":
        print("stored", result.upload_id, flush=True)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _child(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=_env(),
    )


def writer_kinds(count: int) -> list[str]:
    """count writers: ingests of different K/Ls, a catalogue import and a reference edit among them."""
    kinds = ["catalogue:1", "reference:1"][: max(0, count - 1)]
    return [f"ingest:{agency}" for agency in AGENCIES[: count - len(kinds)]] + kinds


@dataclass
class WritersRound:
    """The writers of one round: each one's exit code and, for a failure, its last line of stderr."""

    failures: list[str] = field(default_factory=list)
    stored: int = 0


def writers_round(url: str, data: str, kinds: list[str]) -> WritersRound:
    """Every writer of kinds started at one instant on the store of url; what came of them."""
    children = [_child(_WRITER, url, data, kind) for kind in kinds]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    outcome = WritersRound()
    for kind, child in zip(kinds, children, strict=True):
        out, err = child.communicate(timeout=600)
        # DuckDB may draw its progress bar on stdout before (a query of more than 2 s on a busy machine).
        if child.returncode == 0 and out.strip().endswith("stored"):
            outcome.stored += 1
        else:
            last = (err.strip().splitlines() or ["(no output)"])[-1]
            outcome.failures.append(f"{kind}: exit {child.returncode}: {last}")
    return outcome


@dataclass
class KillRound:
    """One ingest killed with SIGKILL: the uploads it had reported stored, and what the store said after."""

    confirmed: list[int]
    lost: list[int]
    findings: list[str]
    half_stored: list[int]


def kill_round(url: str, data: str, rnd: random.Random, confirmed_before: set[int]) -> KillRound:
    """Start an ingest loop, kill it with SIGKILL at a random moment (while it opens, or mid-upload), then open the
    store: every upload reported stored is there, each slice is one whole version, the health check finds nothing."""
    child = _child(_INGESTER, url, data, *rnd.sample(AGENCIES, 3))
    moment = rnd.random()
    heard = ""
    if moment < 0.6:
        # Mid-upload: after the first upload was reported stored, within the next one's time.
        heard = _line_with(child, "stored")
        time.sleep(rnd.uniform(0.0, 2.0))
    elif moment < 0.9:
        # Opening, or the first upload.
        heard = _line_with(child, "ready")
        time.sleep(rnd.uniform(0.0, 2.0))
    else:
        time.sleep(rnd.uniform(0.0, 1.0))  # while the process starts and attaches the store
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=60)
    said = [int(number) for number in re.findall(r"stored (\d+)", heard + out)]
    with Store(url, lake_data=data) as store:
        kept = {row["upload_id"]: row for row in store.query_rows("workspace/upload_history", agency=None, year=None)}
        lost = sorted(i for i in {*confirmed_before, *said} if i not in kept or kept[i]["status"] == "refused")
        findings = [finding.message("en") for finding in health.check(store)]
        half = [row["upload_id"] for row in store.query_rows("health/row_count_mismatches")]
    return KillRound(said, lost, findings, half)


def _line_with(child: subprocess.Popen, word: str) -> str:
    """The child's output up to its first line holding word."""
    heard = []
    for line in child.stdout:
        heard.append(line)
        if word in line:
            break
    return "".join(heard)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reliability", description=__doc__.splitlines()[0])
    parser.add_argument("--lake", required=True, help=LAKE_HELP)
    parser.add_argument("--rounds", type=int, default=100, help="rounds of SIGKILL (default 100)")
    parser.add_argument("--writers", type=int, default=5, help="writers started at one instant (default 5)")
    parser.add_argument("--writer-rounds", type=int, default=10, help="rounds of the writers (default 10)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory(prefix="ranpe-reliability-") as folder:
        kinds = writer_kinds(args.writers)
        for fresh in (True, False):
            failures, stored, started = [], 0, time.monotonic()
            with fresh_lake(args.lake, "writers", Path(folder)) as url:
                data = os.environ["RANPE_LAKE_DATA"]
                if not fresh:
                    Store(url, lake_data=data).close()
                for _ in range(args.writer_rounds):
                    if fresh:
                        _recreate(args.lake, url)
                    outcome = writers_round(url, data, kinds)
                    failures += outcome.failures
                    stored += outcome.stored
            label = "fresh store" if fresh else "existing store"
            print(
                f"writers at one instant, {label}: {args.writer_rounds} rounds × {len(kinds)} ({', '.join(kinds)}): "
                f"{stored} stored, {len(failures)} failed ({time.monotonic() - started:.0f} s)"
            )
            for failure in failures:
                print(f"  {failure}")
            failed = failed or bool(failures)
        rnd = random.Random(args.seed)
        confirmed: set[int] = set()
        lost, findings, half, started = set(), [], [], time.monotonic()
        with fresh_lake(args.lake, "kills", Path(folder)) as url:
            data = os.environ["RANPE_LAKE_DATA"]
            Store(url, lake_data=data).close()
            for number in range(1, args.rounds + 1):
                outcome = kill_round(url, data, rnd, confirmed)
                confirmed.update(outcome.confirmed)
                lost.update(outcome.lost)
                findings += outcome.findings
                half += outcome.half_stored
                if number % 10 == 0:
                    print(f"  {number} rounds: {len(confirmed)} reported stored, {len(lost)} lost", flush=True)
        print(
            f"SIGKILL during ingest: {args.rounds} rounds, {len(confirmed)} uploads reported stored, {len(lost)} of "
            f"them lost, {len(half)} half-stored, {len(findings)} health findings ({time.monotonic() - started:.0f} s)"
        )
        for finding in findings:
            print(f"  {finding}")
        failed = failed or bool(lost or half or findings)
    return 1 if failed else 0


def _recreate(conninfo: str, url: str) -> None:
    """The database of url dropped and made again, empty: the next open is a first start."""
    import psycopg

    dbname = next(part for part in url.split() if part.startswith("dbname=")).removeprefix("dbname=")
    parts = [part for part in conninfo.split() if not part.startswith("dbname=")]
    with psycopg.connect(" ".join([*parts, "dbname=postgres"]), autocommit=True) as pg:
        pg.execute(f"drop database if exists {dbname} with (force)")
        pg.execute(f"create database {dbname}")


if __name__ == "__main__":
    raise SystemExit(main())
