-- The years with active data as stored at $as_of (as stored now when it is null).
select distinct year
from active_slices_at($as_of)
order by year
