select distinct year
from active_slices
order by year
