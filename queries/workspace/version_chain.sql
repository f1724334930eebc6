-- Every version of each (K/L, year, quarter, pillar): the uploads that held rows for it, oldest first,
-- and which one is active now; $upload_id, when given, keeps the slices that upload holds.
with chosen as (
    select distinct agency_code, year, quarter, pillar
    from submission_rows
    where upload_id = $upload_id
),

held as (
    select r.upload_id, r.agency_code, r.year, r.quarter, r.pillar, count(*) as row_count,
        count(*) filter (where r.committed) as committed_count
    from submission_rows as r
    where ($agency is null or r.agency_code = $agency)
        and ($year is null or r.year = $year)
        and ($quarter is null or r.quarter = $quarter)
        and ($upload_id is null or exists (
            select 1
            from chosen as c
            where c.agency_code = r.agency_code
                and c.year = r.year
                and c.quarter = r.quarter
                and c.pillar = r.pillar
        ))
    group by r.upload_id, r.agency_code, r.year, r.quarter, r.pillar
)

select
    h.agency_code,
    h.year,
    h.quarter,
    h.pillar,
    h.upload_id,
    u.file_name,
    u.uploaded_at,
    u.uploaded_by,
    u.is_demo,
    h.row_count,
    h.committed_count,
    s.upload_id is not null as is_active,
    row_number() over (partition by h.agency_code, h.year, h.quarter, h.pillar order by h.upload_id) as version
from held as h
inner join uploads as u on h.upload_id = u.upload_id
left join active_slices as s
    on h.agency_code = s.agency_code
    and h.year = s.year
    and h.quarter = s.quarter
    and h.pillar = s.pillar
    and h.upload_id = s.upload_id
order by h.agency_code, h.year, h.quarter, h.pillar, h.upload_id
