-- The shared store only: stored uploads whose original is missing from its table upload_originals (one query, the
-- originals' bytes not read).
select u.upload_id
from uploads as u
where u.status = 'stored'
    and u.archive_path is not null
    and not exists (select 1 from upload_originals as o where o.archive_path = u.archive_path)
order by u.upload_id
