-- The names of the base tables in the store: the file's own catalogue, or the shared store's `lake` (whose read
-- cursors start on this process's in-memory copies of its small tables, see ranpe.store.lake.LocalCopies).
select table_name
from information_schema.tables
where (table_catalog = current_database() or table_catalog = 'lake')
    and table_schema = 'main'
    and table_type = 'BASE TABLE'
order by table_name
