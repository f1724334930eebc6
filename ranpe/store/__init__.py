"""Owns the DuckDB connection, SQL files, migrations, health check and backup. Imports: config, i18n."""
