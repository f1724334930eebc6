-- The files under the data path that no snapshot ever named (a write that ended before its commit), older than
-- $older_than, deleted; with $dry_run only listed (one path per row).
call ducklake_delete_orphaned_files('lake', dry_run => $dry_run, older_than => $older_than)
