-- The data files no kept snapshot needs any more (merged, replaced, of expired snapshots) that were set aside before
-- $older_than, deleted; with $dry_run only listed (one path per row).
call ducklake_cleanup_old_files('lake', dry_run => $dry_run, older_than => $older_than)
