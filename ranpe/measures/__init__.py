"""Owns the measures of DOMAIN.md, the coding of obstacle texts into themes, and the dashboard's data functions
(dashboard, built on options, views, plan_tables and obstacle_tables; reads kept per data version in versioned).
Imports: i18n, store, plan."""
