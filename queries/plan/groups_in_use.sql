-- The (year, group) pairs the stored data uses: what an edit of a period's years or groups must keep.
select distinct year, pillar
from active_slices
order by year, pillar
