select upload_id, file_name, archive_path, status
from uploads
where upload_id = $upload_id
