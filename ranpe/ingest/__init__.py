"""Owns the submission contract, reading, validation, storing and the template. Imports: config, i18n, store, access."""
