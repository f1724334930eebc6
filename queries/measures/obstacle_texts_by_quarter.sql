-- For each quarter of the year, the rows counted when that quarter is chosen, grouped by pillar, K/L, province and
-- obstacle text (null when the row has none: a text holds a letter or digit): how many action plans, and how many
-- of them are open (no follow-up holding a letter or digit). A quarter with rows and no obstacle still has its null
-- groups. The rows counted for a chosen quarter are the active rows of that quarter (counted_rows takes each K/L
-- and pillar's latest quarter among the chosen one alone), so one read of the year's active rows serves every
-- quarter; the pillar, K/L and province filters are applied to these groups by the code.
with marked as (
    select
        r.quarter,
        r.pillar,
        r.agency_code,
        r.province_code,
        case when regexp_matches(r.obstacles, '[\pL\pN]') then r.obstacles end as obstacles,
        not coalesce(regexp_matches(r.follow_up, '[\pL\pN]'), false) as open
    from current_rows_at($as_of) as r
    where r.year = $year
)

select
    quarter,
    pillar,
    agency_code,
    province_code,
    obstacles,
    count(*) as rows,
    count(*) filter (where open) as open
from marked
group by quarter, pillar, agency_code, province_code, obstacles
order by quarter, pillar, agency_code, province_code, obstacles
