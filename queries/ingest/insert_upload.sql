insert into uploads (
    upload_id, file_name, sha256, content_key, archive_path, uploaded_at, uploaded_by,
    given_year, given_quarter, given_agency, row_count, status, is_demo
)
values (
    $upload_id, $file_name, $sha256, $content_key, $archive_path, $uploaded_at, $uploaded_by,
    $given_year, $given_quarter, $given_agency, $row_count, 'stored', $is_demo
)
