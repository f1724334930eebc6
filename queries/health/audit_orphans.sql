-- Uploads the audit log says were stored but which are not in the store (and were not removed as demo data).
with logged as (
    select distinct try_cast(json_extract_string(details, '$.upload_id') as integer) as upload_id
    from audit_log
    where action in ('upload', 'replace')
),

removed as (
    select unnest(from_json(json_extract(details, '$.uploads'), '["integer"]')) as upload_id
    from audit_log
    where action = 'remove_demo'
)

select l.upload_id
from logged as l
where l.upload_id is not null
    and l.upload_id not in (select u.upload_id from uploads as u)
    and l.upload_id not in (select r.upload_id from removed as r)
order by l.upload_id
