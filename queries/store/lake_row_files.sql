-- How many data files each row table (ranpe.store.lake.ROW_TABLES) is read from now.
select $table_name as table_name, count(*) as files
from ducklake_list_files('lake', $table_name)
