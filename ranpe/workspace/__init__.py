"""Owns the analyst workspace: upload, history, completeness, reference. Imports: store, access, ingest, exports."""
