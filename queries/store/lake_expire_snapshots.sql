-- The DuckLake snapshots taken before $older_than, expired (the latest is never); with $dry_run only listed. Figures
-- as of a date never read a snapshot (slice_activations holds that history), so none is needed once it is old.
call ducklake_expire_snapshots('lake', dry_run => $dry_run, older_than => $older_than)
