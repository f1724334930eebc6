insert or replace into settings (key, value, changed_at, changed_by)
values ($key, $value, $changed_at, $changed_by)
