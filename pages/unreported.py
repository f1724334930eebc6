"""Aksi belum dilaporkan / Unreported actions: the catalogue actions of the year with no report, with their lead."""

from ranpe.web import page, plan

filters, lang, filters_text, as_of, source = page.page_start("dash.page.unreported")
plan.unreported_section(filters, lang)
