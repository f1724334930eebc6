-- A row table's rows never inlined in PostgreSQL again: each write of them goes to a Parquet file.
call lake.set_option('data_inlining_row_limit', 0, table_name => $table_name)
