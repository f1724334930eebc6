-- Figures as of a date: every activation of a slice (K/L, year, quarter, pillar) is kept with its time, so that
-- the version active at any moment can be found, and counted_rows(...) reads the store as it was then when it
-- is given a moment ($as_of); given none, it reads active_slices and current_rows exactly as before. Every write
-- transaction records what it changed in active_slices (queries/store/record_activations.sql).
create sequence slice_activation_id_seq start 1;

create table slice_activations (
    activation_id bigint primary key default nextval('slice_activation_id_seq'),
    agency_code varchar not null,
    year integer not null,
    quarter integer not null,
    pillar integer not null,
    upload_id integer,                     -- null: the slice was emptied (its demo data removed)
    activated_at timestamp not null,
    cause varchar not null                 -- upload | reactivated | emptied; backfilled: restore, undo, current
);

-- Backfill from what the store already knows, in the order it happened. An ingest activated every slice it
-- holds when it arrived (uploads.uploaded_at); a restore activated every slice of the upload it restored, and an
-- undo gave each slice of the upload undone its earlier version or none: the audit log recorded both in the same
-- transaction (audit_log.logged_at, a moment after the change itself).
insert into slice_activations (agency_code, year, quarter, pillar, upload_id, activated_at, cause)
select agency_code, year, quarter, pillar, upload_id, activated_at, cause
from (
    select distinct r.agency_code, r.year, r.quarter, r.pillar, u.upload_id, u.uploaded_at as activated_at, 'upload' as cause
    from submission_rows as r
    inner join uploads as u on r.upload_id = u.upload_id

    union all

    select distinct r.agency_code, r.year, r.quarter, r.pillar, a.upload_id, a.logged_at, 'restore'
    from (
        select cast(json_extract_string(details, '$.upload_id') as integer) as upload_id, logged_at
        from audit_log
        where action = 'restore'
    ) as a
    inner join submission_rows as r on a.upload_id = r.upload_id

    union all

    select
        json_extract_string(s, '$[0]'),
        cast(json_extract_string(s, '$[1]') as integer),
        cast(json_extract_string(s, '$[2]') as integer),
        cast(json_extract_string(s, '$[3]') as integer),
        cast(json_extract_string(s, '$[4]') as integer),
        logged_at,
        'undo'
    from (
        select unnest(json_extract(details, '$.slices[*]')) as s, logged_at
        from audit_log
        where action = 'undo'
    )
)
order by activated_at, cause desc, upload_id;

-- Whatever that cannot explain, the current state can: a slice whose last known activation is not its active
-- upload gets its active upload, at its activation time or just after the last known one.
insert into slice_activations (agency_code, year, quarter, pillar, upload_id, activated_at, cause)
with latest as (
    select agency_code, year, quarter, pillar, upload_id, activated_at
    from slice_activations
    qualify row_number() over (partition by agency_code, year, quarter, pillar order by activation_id desc) = 1
)

select
    s.agency_code,
    s.year,
    s.quarter,
    s.pillar,
    s.upload_id,
    greatest(s.activated_at, coalesce(l.activated_at + interval 1 microsecond, s.activated_at)),
    'current'
from active_slices as s
left join latest as l using (agency_code, year, quarter, pillar)
where l.upload_id is distinct from s.upload_id
order by all;

-- A slice with a known activation and no active upload today was emptied when demo data was removed (a real
-- upload replaced by demo data, then the demo data deleted): it is empty from the latest removal on.
insert into slice_activations (agency_code, year, quarter, pillar, upload_id, activated_at, cause)
with latest as (
    select agency_code, year, quarter, pillar, max(activated_at) as activated_at
    from slice_activations
    group by agency_code, year, quarter, pillar
)

select
    l.agency_code,
    l.year,
    l.quarter,
    l.pillar,
    null,
    greatest(
        coalesce((select max(logged_at) from audit_log where action = 'remove_demo'), l.activated_at),
        l.activated_at + interval 1 microsecond
    ),
    'emptied'
from latest as l
anti join active_slices as s using (agency_code, year, quarter, pillar)
order by all;

-- The version of every slice active at a moment: its latest activation at or before it (none when that
-- activation emptied the slice); with no moment (null), active_slices itself.
create macro active_slices_at(sel_as_of) as table
select agency_code, year, quarter, pillar, upload_id
from active_slices
where sel_as_of is null

union all

select agency_code, year, quarter, pillar, upload_id
from (
    select agency_code, year, quarter, pillar, upload_id
    from slice_activations
    where sel_as_of is not null
        and activated_at <= sel_as_of
    qualify row_number() over (
        partition by agency_code, year, quarter, pillar order by activated_at desc, activation_id desc
    ) = 1
)
where upload_id is not null;

-- The rows of those versions at a moment; with no moment, the current_rows table (a bound null prunes the other
-- branch when the query is planned, so today's figures cost what they cost before).
create macro current_rows_at(sel_as_of) as table
select *
from current_rows
where sel_as_of is null

union all

select r.*
from submission_rows as r
inner join active_slices_at(sel_as_of) as s
    on r.upload_id = s.upload_id
    and r.agency_code = s.agency_code
    and r.year = s.year
    and r.quarter = s.quarter
    and r.pillar = s.pillar
where sel_as_of is not null;

-- counted_rows as before, read as of sel_as_of when one is given (named, so that a call without it still works).
drop macro table counted_rows;

create macro counted_rows(
    sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only, sel_as_of := null
) as table
with latest as (
    select agency_code, pillar, max(quarter) as quarter
    from active_slices_at(sel_as_of)
    where year = sel_year
        and (sel_quarter is null or quarter = sel_quarter)
    group by agency_code, pillar
)

select r.*
from current_rows_at(sel_as_of) as r
inner join latest as l
    on r.agency_code = l.agency_code
    and r.pillar = l.pillar
    and r.quarter = l.quarter
where r.year = sel_year
    and (sel_pillar is null or r.pillar = sel_pillar)
    and (sel_agency is null or r.agency_code = sel_agency)
    and (sel_province is null or r.province_code = sel_province)
    and (not coalesce(national_only, false) or r.province_code is null);
