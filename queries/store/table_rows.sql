-- Every row of one table of the store (its name from health/tables), to copy it into another store.
select *
from query_table($table_name)
