-- A row table's small adjacent Parquet files merged into fewer (what one upload at a time leaves).
call ducklake_merge_adjacent_files('lake', $table_name)
