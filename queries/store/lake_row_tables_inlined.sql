-- Which row tables (ranpe.store.lake.ROW_TABLES) the shared store may still inline in PostgreSQL: those without
-- their own inlining limit of 0.
select table_name
from duckdb_tables()
where database_name = 'lake' and schema_name = 'main' and list_contains($names, table_name)
    and table_name not in (
        select split_part(scope_entry, '.', -1)
        from lake.options()
        where option_name = 'data_inlining_row_limit' and scope = 'TABLE' and value = '0'
    )
order by table_name
