-- A setting's new value, after workspace/setting_delete in the same transaction (the shared store has no keys to
-- upsert on, and DuckLake's MERGE does not take bound values).
insert into settings (key, value, changed_at, changed_by)
values ($key, $value, $changed_at, $changed_by)
