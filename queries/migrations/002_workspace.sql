-- The analyst workspace: audit log, history of reference-data edits, and settings such as the deadline.
create sequence audit_id_seq start 1;

create table audit_log (
    audit_id bigint primary key default nextval('audit_id_seq'),
    logged_at timestamp not null,
    actor varchar not null,
    role varchar not null,
    action varchar not null,               -- upload | replace | refuse | restore | remove_demo | reference_change
                                           -- | export | sign_in | sign_in_failed | sign_out | setting
    details varchar                        -- JSON: file, hash, rows, upload id, what changed
);

create sequence reference_change_id_seq start 1;

-- Every edit of reference data: old and new value of one field; stored submissions are never rewritten.
create table reference_changes (
    change_id bigint primary key default nextval('reference_change_id_seq'),
    changed_at timestamp not null,
    changed_by varchar not null,
    entity varchar not null,               -- agency | province
    code varchar not null,
    field varchar not null,
    old_value varchar,
    new_value varchar
);

create table settings (
    key varchar primary key,
    value varchar not null,
    changed_at timestamp,
    changed_by varchar
);

-- Reports for a quarter are due this many days after the quarter ends (per-quarter dates may override it).
insert into settings values ('deadline_days', '15', null, null);
