select upload_id, archive_path
from uploads
where is_demo
order by upload_id
