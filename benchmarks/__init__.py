"""Benchmarks that print figures (ingest, dashboard pages, load on one server, exports); never tests, never
imported by the engine. Benchmark-only SQL lives in benchmarks/queries/."""

from pathlib import Path

from ranpe.store.sql import QueryFolder

QUERIES = QueryFolder(Path(__file__).resolve().parent / "queries")
