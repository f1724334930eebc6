-- For each (K/L, quarter) of a year that has an active version: when the first and the latest stored
-- versions arrived (the first one decides on time or late).
with reported as (
    select distinct agency_code, quarter
    from active_slices
    where year = $year
),

arrivals as (
    select r.agency_code, r.quarter, min(u.uploaded_at) as first_at, max(u.uploaded_at) as latest_at
    from (select distinct upload_id, agency_code, quarter from submission_rows where year = $year) as r
    inner join uploads as u on r.upload_id = u.upload_id
    where u.status = 'stored'
    group by r.agency_code, r.quarter
)

select p.agency_code, p.quarter, a.first_at, a.latest_at
from reported as p
left join arrivals as a using (agency_code, quarter)
order by p.agency_code, p.quarter
