"""Owns the data checks of DOMAIN.md: warnings, never refusals. Imports: i18n, store, access, exports.

Each rule is a query in queries/checks/, run over the stored rows of a year (rules), or over the store as it
would be after storing an upload (rules.check_upload, called by ingest); report turns findings into the tables
and files of the checks page and the CLI.
"""
