-- A row table's rows still inlined in PostgreSQL moved to Parquet files.
call ducklake_flush_inlined_data('lake', table_name => $table_name)
