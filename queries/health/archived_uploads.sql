-- Stored uploads and the name of their original file in the uploads archive.
select
    upload_id,
    archive_path
from uploads
where status = 'stored'
    and archive_path is not null
order by upload_id
