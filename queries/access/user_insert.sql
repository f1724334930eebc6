-- A user's new row, after access/user_delete of the same name in the same write (one row per name, kept by the
-- writing code: the shared store has no keys).
insert into users (name, role, email, password_hash, changed_at, changed_by)
values ($name, $role, $email, $password_hash, $changed_at, $changed_by)
