-- The counted rows summed once per data version: every write transaction that changed active_slices brings these
-- two tables up to date with it (queries/store/counts_stale.sql, sync_*.sql), and the dashboard's measures
-- read them instead of every active row when no province is chosen (action_counts) and no moment is given (both):
-- at a million rows a new view then reads thousands of sums instead of hundreds of thousands of rows. Each row
-- belongs to the version (upload_id) of its slice it was summed from. No primary keys or indexes (the shared store
-- has none); the sync keeps one set of rows per active slice.

-- Per slice version, action code, and national (no province) or not: how many action plans (rows), how many of
-- them committed, and the sum and number of the target achievements (least(realization / target, 1)) of those
-- with a target and a realization.
create table action_counts (
    agency_code varchar not null,
    year integer not null,
    quarter integer not null,
    pillar integer not null,
    upload_id integer not null,
    action_code varchar not null,
    national boolean not null,
    action_plans bigint not null,
    committed_plans bigint not null,
    achievement_sum decimal(38, 18),
    achievement_plans bigint not null
);

-- Per slice version and province (null: national rows): how many action plans, how many of them committed.
create table place_counts (
    agency_code varchar not null,
    year integer not null,
    quarter integer not null,
    pillar integer not null,
    upload_id integer not null,
    province_code varchar,
    action_plans bigint not null,
    committed_plans bigint not null
);

-- The slice versions summed in both tables: a write that changed no active slice finds nothing to do by comparing
-- this small table with active_slices.
create table counted_slices (
    agency_code varchar not null,
    year integer not null,
    quarter integer not null,
    pillar integer not null,
    upload_id integer not null
);

insert into counted_slices
select agency_code, year, quarter, pillar, upload_id
from active_slices;

insert into action_counts
select
    agency_code,
    year,
    quarter,
    pillar,
    upload_id,
    action_code,
    province_code is null,
    count(*),
    count(*) filter (where committed),
    sum(least(realization / target, 1.0)::decimal(38, 18)) filter (where target > 0 and realization is not null),
    count(*) filter (where target > 0 and realization is not null)
from current_rows
group by all;

insert into place_counts
select
    agency_code,
    year,
    quarter,
    pillar,
    upload_id,
    province_code,
    count(*),
    count(*) filter (where committed)
from current_rows
group by all;

-- The counted rows of counted_rows(...) as sums per (K/L, quarter, pillar, action code, national or not): read from
-- action_counts when neither a province nor a moment is given, else summed from counted_rows itself (a bound
-- null prunes the other branch when the query is planned). committed: any of those action plans committed.
create macro counted_actions(
    sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only, sel_as_of := null
) as table
with latest as (
    select agency_code, pillar, max(quarter) as quarter
    from active_slices
    where year = sel_year
        and (sel_quarter is null or quarter = sel_quarter)
        and sel_province is null
        and sel_as_of is null
    group by agency_code, pillar
)

select
    c.agency_code,
    c.pillar,
    c.action_code,
    c.national,
    c.action_plans,
    c.committed_plans,
    c.committed_plans > 0 as committed,
    c.achievement_sum,
    c.achievement_plans
from action_counts as c
inner join latest as l
    on c.agency_code = l.agency_code
    and c.pillar = l.pillar
    and c.quarter = l.quarter
where c.year = sel_year
    and sel_province is null
    and sel_as_of is null
    and (sel_pillar is null or c.pillar = sel_pillar)
    and (sel_agency is null or c.agency_code = sel_agency)
    and (not coalesce(national_only, false) or c.national)

union all

select
    agency_code,
    pillar,
    action_code,
    province_code is null,
    count(*),
    count(*) filter (where committed),
    bool_or(committed),
    sum(least(realization / target, 1.0)::decimal(38, 18)) filter (where target > 0 and realization is not null),
    count(*) filter (where target > 0 and realization is not null)
from counted_rows(
    sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only, sel_as_of := sel_as_of
)
where sel_province is not null
    or sel_as_of is not null
group by agency_code, pillar, action_code, province_code is null;

-- The same per (K/L, quarter, pillar, province): read from place_counts when no moment is given.
create macro counted_places(
    sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only, sel_as_of := null
) as table
with latest as (
    select agency_code, pillar, max(quarter) as quarter
    from active_slices
    where year = sel_year
        and (sel_quarter is null or quarter = sel_quarter)
        and sel_as_of is null
    group by agency_code, pillar
)

select
    c.agency_code,
    c.pillar,
    c.province_code,
    c.action_plans,
    c.committed_plans
from place_counts as c
inner join latest as l
    on c.agency_code = l.agency_code
    and c.pillar = l.pillar
    and c.quarter = l.quarter
where c.year = sel_year
    and sel_as_of is null
    and (sel_pillar is null or c.pillar = sel_pillar)
    and (sel_agency is null or c.agency_code = sel_agency)
    and (sel_province is null or c.province_code = sel_province)
    and (not coalesce(national_only, false) or c.province_code is null)

union all

select
    agency_code,
    pillar,
    province_code,
    count(*),
    count(*) filter (where committed)
from counted_rows(
    sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only, sel_as_of := sel_as_of
)
where sel_as_of is not null
group by agency_code, pillar, province_code;
