-- Which of the tables a process keeps a copy of (ranpe.store.lake.COPIED_TABLES) the shared store has now.
select table_name
from duckdb_tables()
where database_name = 'lake' and schema_name = 'main' and list_contains($names, table_name)
order by table_name
