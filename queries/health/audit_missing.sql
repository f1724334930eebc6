-- Stored uploads made since the audit log exists (migration 2) that have no upload or replace entry in it.
with audit_since as (
    select applied_at
    from schema_migrations
    where version = 2
),

logged as (
    select distinct try_cast(json_extract_string(details, '$.upload_id') as integer) as upload_id
    from audit_log
    where action in ('upload', 'replace')
)

select u.upload_id
from uploads as u
inner join audit_since as a on u.uploaded_at >= a.applied_at
where u.status = 'stored'
    and not u.is_demo
    and u.upload_id not in (select l.upload_id from logged as l where l.upload_id is not null)
order by u.upload_id
