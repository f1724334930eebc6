"""Owns the plan itself (DOMAIN.md, "The plan itself"): plan periods and their groups, the action catalogue and
the crosswalk from one period to the next, the catalogue template. Imports: config, i18n, store, access, ingest (the
reader, the contract's parsers and K/L lookup)."""
