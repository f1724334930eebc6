select upload_id, file_name, errors, error_count
from uploads
where upload_id = $upload_id
    and status = 'refused'
