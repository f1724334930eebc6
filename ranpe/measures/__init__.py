"""Owns the measures of DOMAIN.md, the coding of obstacle texts into themes, and the dashboard's data functions.
Imports: i18n, store."""
