select count(*) as n
from query_table($table_name)
