-- Every upload, newest first, with whether it is still the active version of any slice, and of how many of the
-- (K/L, year, quarter, pillar) slices it holds; with them, numbered with them, every refused catalogue import
-- (kind 'catalogue': no K/L, so left out when one is chosen; a year chosen keeps those of its period) and every
-- refused crosswalk import (kind 'crosswalk': neither K/L nor year, so listed only when neither is chosen).
select
    u.upload_id,
    u.file_name,
    u.uploaded_at,
    u.uploaded_by,
    u.given_year,
    u.given_quarter,
    u.given_agency,
    u.row_count,
    u.error_count,
    u.is_demo,
    case
        when u.status = 'refused' then 'refused'
        when exists (select 1 from active_slices as s where s.upload_id = u.upload_id) then 'active'
        else 'replaced'
    end as status,
    'submission' as kind,
    null::varchar as period_code,
    (
        select count(*)
        from (select distinct r.agency_code, r.year, r.quarter, r.pillar from submission_rows as r
            where r.upload_id = u.upload_id)
    ) as slices_held,
    (select count(*) from active_slices as s where s.upload_id = u.upload_id) as slices_active,
    (
        select string_agg(distinct r.agency_code, ', ' order by r.agency_code)
        from submission_rows as r
        where r.upload_id = u.upload_id
    ) as agencies,
    (
        select string_agg(distinct r.year || '-' || r.quarter, ', ' order by r.year || '-' || r.quarter)
        from submission_rows as r
        where r.upload_id = u.upload_id
    ) as periods
from uploads as u
where ($agency is null or exists (
        select 1 from submission_rows as r where r.upload_id = u.upload_id and r.agency_code = $agency
    ) or u.given_agency = $agency)
    and ($year is null or exists (
        select 1 from submission_rows as r where r.upload_id = u.upload_id and r.year = $year
    ) or u.given_year = $year)

union all

select
    c.upload_id,
    c.file_name,
    c.uploaded_at,
    c.uploaded_by,
    null as given_year,
    null as given_quarter,
    null as given_agency,
    0 as row_count,
    c.error_count,
    false as is_demo,
    'refused' as status,
    'catalogue' as kind,
    c.period_code,
    0 as slices_held,
    0 as slices_active,
    null as agencies,
    null as periods
from catalogue_refusals as c
left join periods as p on c.period_code = p.code
where $agency is null
    and ($year is null or $year between p.first_year and p.last_year)

union all

select
    x.upload_id,
    x.file_name,
    x.uploaded_at,
    x.uploaded_by,
    null as given_year,
    null as given_quarter,
    null as given_agency,
    0 as row_count,
    x.error_count,
    false as is_demo,
    'refused' as status,
    'crosswalk' as kind,
    null as period_code,
    0 as slices_held,
    0 as slices_active,
    null as agencies,
    null as periods
from crosswalk_refusals as x
where $agency is null
    and $year is null
order by upload_id desc
