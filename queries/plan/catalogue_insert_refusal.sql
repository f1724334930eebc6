insert into catalogue_refusals (
    upload_id, period_code, file_name, sha256, uploaded_at, uploaded_by, error_count, errors
)
values ($upload_id, $period, $file_name, $sha256, $uploaded_at, $uploaded_by, $error_count, $errors)
