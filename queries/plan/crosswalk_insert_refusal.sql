insert into crosswalk_refusals (upload_id, file_name, sha256, uploaded_at, uploaded_by, error_count, errors)
values ($upload_id, $file_name, $sha256, $uploaded_at, $uploaded_by, $error_count, $errors)
