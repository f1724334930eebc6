"""Owns the briefing exports: safe files, tables, chart images, the pack. Imports: i18n, store, measures, charts."""
