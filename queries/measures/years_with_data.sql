-- The years with active data (as stored at $as_of when one is given).
select distinct year
from active_slices_at($as_of)
order by year
