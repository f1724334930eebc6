-- The K/L with any stored row in a year: those the data checks can say something about.
select distinct agency_code
from active_slices
where year = $year
order by agency_code
