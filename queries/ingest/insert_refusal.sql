insert into uploads (
    upload_id, file_name, sha256, content_key, archive_path, uploaded_at, uploaded_by,
    given_year, given_quarter, given_agency, row_count, status, error_count, errors
)
values (
    $upload_id, $file_name, $sha256, $content_key, null, $uploaded_at, $uploaded_by,
    $given_year, $given_quarter, $given_agency, 0, 'refused', $error_count, $errors
)
