-- Active slices that point to an upload which is not stored or holds no rows for that slice.
select
    a.agency_code,
    a.year,
    a.quarter,
    a.pillar,
    a.upload_id
from active_slices as a
left join uploads as u on a.upload_id = u.upload_id and u.status = 'stored'
where u.upload_id is null
    or not exists (
        select 1
        from submission_rows as r
        where r.upload_id = a.upload_id
            and r.agency_code = a.agency_code
            and r.year = a.year
            and r.quarter = a.quarter
            and r.pillar = a.pillar
    )
order by all
