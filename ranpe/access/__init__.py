"""Owns who may do what: roles, local users, the audit log. Imports: config, store."""
