-- An earlier stored upload of the same content (and the same year/quarter/agency given at upload),
-- and whether it is still the active version of every slice it holds.
with candidate as (
    select upload_id, uploaded_at, row_count
    from uploads
    where content_key = $content_key
        and status = 'stored'
    order by upload_id desc
    limit 1
),

held as (
    select count(*) as slices
    from (
        select distinct r.agency_code, r.year, r.quarter, r.pillar
        from submission_rows as r
        inner join candidate as c on r.upload_id = c.upload_id
    )
),

active as (
    select count(*) as slices
    from active_slices as s
    inner join candidate as c on s.upload_id = c.upload_id
)

select
    c.upload_id,
    c.uploaded_at,
    c.row_count,
    held.slices > 0 and held.slices = active.slices as fully_active
from candidate as c, held, active
