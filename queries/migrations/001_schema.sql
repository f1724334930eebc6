-- Reference data, uploads, submission rows and the active version of every slice.
create table agencies (
    code varchar primary key,
    name varchar not null,
    short_name varchar not null,
    name_en varchar not null,
    aliases varchar not null default '',
    active_from integer,
    active_to integer
);

create table pillars (
    pillar integer primary key,
    name varchar not null,
    name_en varchar not null,
    working_group varchar not null,
    aliases varchar not null default ''
);

create table provinces (
    code varchar primary key,
    iso varchar not null,
    name varchar not null,
    name_en varchar not null,
    aliases varchar not null default '',
    centroid_lon double,
    centroid_lat double,
    code_kemendagri varchar,
    geojson_code varchar,
    is_focus boolean not null default false
);

create sequence upload_id_seq start 1;

create table uploads (
    upload_id integer primary key,
    file_name varchar not null,            -- as the user named it; for display only
    sha256 varchar not null,
    content_key varchar not null,          -- sha256 plus the year/quarter/agency given at upload
    archive_path varchar,                  -- relative to the uploads directory; null when refused
    uploaded_at timestamp not null,
    uploaded_by varchar not null,
    given_year integer,
    given_quarter integer,
    given_agency varchar,
    row_count integer not null default 0,
    status varchar not null,               -- stored | refused
    is_demo boolean not null default false,
    error_count integer not null default 0,
    errors varchar                         -- JSON list of problems (refused uploads)
);

create table submission_rows (
    upload_id integer not null,
    year integer not null,
    quarter integer not null,
    agency_code varchar not null,
    pillar integer not null,
    action_code varchar not null,
    action varchar,
    province_code varchar,                 -- null = national (not located)
    committed boolean not null,
    status varchar,                        -- not_started | in_progress | completed | not_implemented
    target double,
    realization double,
    output varchar,
    obstacles varchar,
    follow_up varchar,
    notes varchar,
    extra map(varchar, varchar),           -- unknown columns, kept as the file named them
    source_sheet varchar not null,
    source_row integer not null
);

-- Which upload currently provides the rows of each (agency, year, quarter, pillar).
create table active_slices (
    agency_code varchar not null,
    year integer not null,
    quarter integer not null,
    pillar integer not null,
    upload_id integer not null,
    activated_at timestamp not null,
    primary key (agency_code, year, quarter, pillar)
);

-- Bumped by every write, so that caches can key on it.
create table data_version (version bigint not null);
insert into data_version values (0);

-- The rows of the active version of every slice: what the measures read.
create view current_rows as
select r.*
from submission_rows as r
inner join active_slices as s
    on r.upload_id = s.upload_id
    and r.agency_code = s.agency_code
    and r.year = s.year
    and r.quarter = s.quarter
    and r.pillar = s.pillar;

-- The rows the measures count for a year: for each (agency, pillar) those of its latest reported
-- quarter in the year, or of the chosen quarter; then the pillar, agency and province filters.
-- national_only = true keeps only rows with no province.
create macro counted_rows(sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only) as table
with latest as (
    select agency_code, pillar, max(quarter) as quarter
    from active_slices
    where year = sel_year
        and (sel_quarter is null or quarter = sel_quarter)
    group by agency_code, pillar
)
select r.*
from current_rows as r
inner join latest as l
    on r.agency_code = l.agency_code
    and r.pillar = l.pillar
    and r.quarter = l.quarter
where r.year = sel_year
    and (sel_pillar is null or r.pillar = sel_pillar)
    and (sel_agency is null or r.agency_code = sel_agency)
    and (sel_province is null or r.province_code = sel_province)
    and (not coalesce(national_only, false) or r.province_code is null);
