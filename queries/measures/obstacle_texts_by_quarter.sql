-- For each quarter of the year, the rows counted when that quarter is chosen, grouped by obstacle text (null
-- when the row has none: a text holds a letter or digit): how many action plans, and how many of them are open
-- (no follow-up holding a letter or digit). A quarter with rows and no obstacle still has its null group.
-- The rows counted for a chosen quarter are the active rows of that quarter (counted_rows takes each K/L and
-- pillar's latest quarter among the chosen one alone), so one read of the year's active rows serves every quarter.
with marked as (
    select
        r.quarter,
        case when regexp_matches(r.obstacles, '[\pL\pN]') then r.obstacles end as obstacles,
        not coalesce(regexp_matches(r.follow_up, '[\pL\pN]'), false) as open
    from current_rows_at($as_of) as r
    where r.year = $year
        and ($pillar is null or r.pillar = $pillar)
        and ($agency is null or r.agency_code = $agency)
        and ($province is null or r.province_code = $province)
        and (not coalesce($national_only, false) or r.province_code is null)
)

select
    quarter,
    obstacles,
    count(*) as rows,
    count(*) filter (where open) as open
from marked
group by quarter, obstacles
order by quarter, obstacles
