"""Pantau RAN PE: ingest, store and measures for the RAN PE monitoring dashboard."""

__version__ = "0.1.0"
