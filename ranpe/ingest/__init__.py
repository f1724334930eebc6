"""Owns the submission contract, reading, validation, storing and the template. Imports: config, i18n, store,
access, checks (the data checks of an upload, shown as its warnings)."""
