-- For each (K/L, year, quarter, pillar) slice of a checked file (given as parallel lists): its rows in the
-- file, and the version that storing the file replaces, if the slice has one: its upload, date, file and rows.
with incoming as (
    select
        unnest($agencies) as agency_code,
        unnest($years) as year,
        unnest($quarters) as quarter,
        unnest($pillars) as pillar,
        unnest($row_counts) as incoming_rows
),

current_counts as (
    select c.agency_code, c.year, c.quarter, c.pillar, count(*) as current_rows
    from current_rows as c
    inner join incoming as i using (agency_code, year, quarter, pillar)
    group by c.agency_code, c.year, c.quarter, c.pillar
)

select
    i.agency_code,
    i.year,
    i.quarter,
    i.pillar,
    i.incoming_rows,
    s.upload_id as current_upload_id,
    u.uploaded_at as current_uploaded_at,
    u.uploaded_by as current_uploaded_by,
    u.file_name as current_file_name,
    coalesce(n.current_rows, 0) as current_rows
from incoming as i
left join active_slices as s using (agency_code, year, quarter, pillar)
left join uploads as u on s.upload_id = u.upload_id
left join current_counts as n using (agency_code, year, quarter, pillar)
order by i.agency_code, i.year, i.quarter, i.pillar
