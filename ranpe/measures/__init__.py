"""Owns the measures of DOMAIN.md and the dashboard's data functions. Imports: i18n, store."""
