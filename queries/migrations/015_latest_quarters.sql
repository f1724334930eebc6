-- Each K/L and pillar at its latest quarter of each year among the slices active at a moment (null: now), as
-- counted_rows(...) chooses a view's slices when no quarter is chosen: the one definition that measures/totals_by_view
-- (every year, now) and measures/totals_by_view_of_province (a year, at a moment) read their views without a quarter
-- from. A bound null prunes active_slices_at's other branch when the query is planned.
create macro latest_quarters(sel_as_of) as table
select year, agency_code, pillar, max(quarter) as quarter
from active_slices_at(sel_as_of)
group by year, agency_code, pillar;
