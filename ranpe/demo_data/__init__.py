"""Owns the demo data set, apart from storing it (ranpe.demo): its fixed figures and names (definitions) and the files
generated from them, deterministically (files: the reports of 2021–2024 and the illustrative 2026, the catalogues and
the crosswalk). Imports: ingest (the contract's number style), store (the focus provinces)."""
