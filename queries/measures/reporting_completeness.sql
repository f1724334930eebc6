-- Reporting completeness per quarter of a year: K/L that submitted for the quarter over K/L expected
-- (those with any row that year); as stored at $as_of when one is given.
with expected as (
    select distinct agency_code
    from active_slices_at($as_of)
    where year = $year
),

submitted as (
    select distinct quarter, agency_code
    from active_slices_at($as_of)
    where year = $year
)

select
    q.quarter,
    count(s.agency_code) as submitted,
    (select count(*) from expected) as expected,
    count(s.agency_code) / nullif((select count(*) from expected), 0) as rate
from (select unnest([1, 2, 3, 4]) as quarter) as q
left join submitted as s on q.quarter = s.quarter
group by q.quarter
order by q.quarter
