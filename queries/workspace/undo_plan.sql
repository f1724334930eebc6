-- What undoing an upload changes: each (K/L, year, quarter, pillar) it provides now, its rows there, and the
-- version that becomes active again, the latest earlier upload holding that slice (none when it added the slice).
with provided as (
    select agency_code, year, quarter, pillar
    from active_slices
    where upload_id = $upload_id
),

provided_rows as (
    select agency_code, year, quarter, pillar, count(*) as current_rows
    from current_rows
    where upload_id = $upload_id
    group by agency_code, year, quarter, pillar
),

earlier as (
    select r.agency_code, r.year, r.quarter, r.pillar, r.upload_id, count(*) as previous_rows
    from submission_rows as r
    inner join provided as p using (agency_code, year, quarter, pillar)
    where r.upload_id < $upload_id
    group by r.agency_code, r.year, r.quarter, r.pillar, r.upload_id
),

previous as (
    select *
    from earlier
    qualify row_number() over (partition by agency_code, year, quarter, pillar order by upload_id desc) = 1
)

select
    p.agency_code,
    p.year,
    p.quarter,
    p.pillar,
    coalesce(n.current_rows, 0) as current_rows,
    v.upload_id as previous_upload_id,
    u.file_name as previous_file_name,
    u.uploaded_at as previous_uploaded_at,
    v.previous_rows
from provided as p
left join provided_rows as n using (agency_code, year, quarter, pillar)
left join previous as v using (agency_code, year, quarter, pillar)
left join uploads as u on v.upload_id = u.upload_id
order by p.agency_code, p.year, p.quarter, p.pillar
