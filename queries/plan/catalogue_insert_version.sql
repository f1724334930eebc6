insert into catalogue_versions (
    version_id, period_code, file_name, sha256, archive_path, imported_at, imported_by, action_count, is_demo
)
values (
    $version_id, $period, $file_name, $sha256, $archive_path, $imported_at, $imported_by, $action_count, $is_demo
)
