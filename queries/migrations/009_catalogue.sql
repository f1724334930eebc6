-- The action catalogue of each plan period and the crosswalk from one period's actions to the next (DOMAIN.md,
-- "The plan itself"). Every import of a period's catalogue is a new version; the version activated last is the
-- period's catalogue, and restoring an older one activates it again (the history of activations is kept). No
-- primary keys, sequences or indexes (the shared DuckLake store has none): ids are allocated by the code that
-- writes, inside its transaction.
create table catalogue_versions (
    version_id integer not null,
    period_code varchar not null,
    file_name varchar not null,            -- as the user named it; for display only
    sha256 varchar not null,
    archive_path varchar not null,         -- the original bytes, relative to the uploads directory
    imported_at timestamp not null,
    imported_by varchar not null,
    action_count integer not null,
    is_demo boolean not null default false
);

create table catalogue_activations (
    activation_id integer not null,
    period_code varchar not null,
    version_id integer not null,
    activated_at timestamp not null,
    activated_by varchar not null
);

-- One row per action of a version: its lead K/L, group (the pillar or theme number of its period) and texts.
create table catalogue_actions (
    version_id integer not null,
    action_code varchar not null,
    action varchar not null,
    pillar integer not null,
    focus_area varchar,
    lead_agency varchar not null,
    indicator varchar,
    unit varchar,
    target double,                          -- the single "Target" column, when the file has one
    source_sheet varchar,
    source_row integer
);

-- The K/L supporting an action (the lead is never listed here).
create table catalogue_supporting (
    version_id integer not null,
    action_code varchar not null,
    agency_code varchar not null
);

-- The years an action is carried out (blank in the file = every year of the period), with a "Target 2023" value.
create table catalogue_years (
    version_id integer not null,
    action_code varchar not null,
    year integer not null,
    target double
);

-- Each period's catalogue: the version activated last.
create view active_catalogue as
select period_code, version_id
from (
    select
        period_code,
        version_id,
        row_number() over (partition by period_code order by activation_id desc) as position
    from catalogue_activations
)
where position = 1;

-- The active catalogue's actions of each year (the year's period, the action's years).
create view catalogue_of_year as
select y.year, a.version_id, v.period_code, a.action_code, a.action, a.pillar, a.lead_agency, a.focus_area
from active_catalogue as v
inner join catalogue_actions as a on v.version_id = a.version_id
inner join catalogue_years as y on a.version_id = y.version_id and a.action_code = y.action_code;

-- The crosswalk: how an action code of one period continues in the next (same, split, merged, new, ended).
create table crosswalk (
    from_period varchar not null,
    from_code varchar,                      -- null for a "new" action
    to_period varchar not null,
    to_code varchar,                        -- null for an "ended" action
    relation varchar not null,
    imported_at timestamp not null,
    imported_by varchar not null,
    file_name varchar not null,
    is_demo boolean not null default false
);
