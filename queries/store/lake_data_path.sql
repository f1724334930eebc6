-- The folder of the shared store's data files, as its catalogue names it.
select value
from lake.options()
where option_name = 'data_path'
