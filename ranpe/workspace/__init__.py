"""Owns the analyst workspace: upload, history, completeness, reference data (with the obstacle-theme dictionary).
Imports: store, access, ingest, measures, exports."""
