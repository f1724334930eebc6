select upload_id, file_name, status, is_demo, archive_path, uploaded_at, uploaded_by, row_count
from uploads
where upload_id = $upload_id
