-- What restoring an upload changes: each (K/L, year, quarter, pillar) it holds that another version, or none,
-- provides now; its rows there, and the version it displaces.
with held as (
    select agency_code, year, quarter, pillar, count(*) as restored_rows
    from submission_rows
    where upload_id = $upload_id
    group by agency_code, year, quarter, pillar
)

select
    h.agency_code,
    h.year,
    h.quarter,
    h.pillar,
    h.restored_rows,
    s.upload_id as current_upload_id,
    u.file_name as current_file_name,
    u.uploaded_at as current_uploaded_at
from held as h
left join active_slices as s using (agency_code, year, quarter, pillar)
left join uploads as u on s.upload_id = u.upload_id
where s.upload_id is distinct from $upload_id
order by h.agency_code, h.year, h.quarter, h.pillar
