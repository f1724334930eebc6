-- Local users (sign-in by name and password) as every process and machine of the shared store sees them. The
-- embedded store keeps its users in a TOML file outside the repository (ranpe/access/users.py): on it this table
-- stays empty. No primary key (the shared store has none): the writing code keeps one row per name, inside the
-- serialised write. Never a password, only its argon2 hash.
create table users (
    name varchar not null,
    role varchar not null,
    email varchar,
    password_hash varchar,
    changed_at timestamp,
    changed_by varchar
);
