-- Uploads whose recorded row count differs from the rows stored for them (a half-stored upload).
with stored as (
    select upload_id, count(*) as found
    from submission_rows
    group by upload_id
)
select
    u.upload_id,
    u.row_count as expected,
    coalesce(s.found, 0) as found
from uploads as u
left join stored as s on u.upload_id = s.upload_id
where u.row_count != coalesce(s.found, 0)
    or (u.status = 'refused' and coalesce(s.found, 0) > 0)
order by u.upload_id
