-- Reporting completeness per quarter of a year: K/L that submitted for the quarter over K/L expected
-- (those with any row that year), within the pillar and K/L filters ($pillar, $agency: null = all).
-- reported_by_any counts every K/L that submitted for the quarter, whatever the filters: the latest
-- quarter anyone reported is the one the overview shows when no quarter is chosen.
with slices as (
    select agency_code, quarter, pillar
    from active_slices
    where year = $year
),

in_view as (
    select agency_code, quarter
    from slices
    where ($pillar is null or pillar = $pillar)
        and ($agency is null or agency_code = $agency)
),

expected as (
    select count(distinct agency_code) as agencies
    from in_view
),

submitted as (
    select quarter, count(distinct agency_code) as agencies
    from in_view
    group by quarter
),

reported as (
    select quarter, count(distinct agency_code) as agencies
    from slices
    group by quarter
)

select
    q.quarter,
    coalesce(s.agencies, 0) as submitted,
    e.agencies as expected,
    coalesce(s.agencies, 0) / nullif(e.agencies, 0) as rate,
    coalesce(r.agencies, 0) as reported_by_any
from (select unnest([1, 2, 3, 4]) as quarter) as q
cross join expected as e
left join submitted as s on q.quarter = s.quarter
left join reported as r on q.quarter = r.quarter
order by q.quarter
