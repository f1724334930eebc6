-- Every upload, newest first, with whether it is still the active version of any slice, and of how many of the
-- (K/L, year, quarter, pillar) slices it holds.
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
order by u.upload_id desc
