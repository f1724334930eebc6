-- For each quarter of the year, the rows counted when that quarter is chosen, grouped by obstacle text (null
-- when the row has none: a text holds a letter or digit): how many action plans, and how many of them are open
-- (no follow-up holding a letter or digit). A quarter with rows and no obstacle still has its null group.
with by_quarter as (
    select 1 as quarter, r.obstacles, r.follow_up
    from counted_rows($year, 1, $pillar, $agency, $province, $national_only, sel_as_of := $as_of) as r
    union all
    select 2 as quarter, r.obstacles, r.follow_up
    from counted_rows($year, 2, $pillar, $agency, $province, $national_only, sel_as_of := $as_of) as r
    union all
    select 3 as quarter, r.obstacles, r.follow_up
    from counted_rows($year, 3, $pillar, $agency, $province, $national_only, sel_as_of := $as_of) as r
    union all
    select 4 as quarter, r.obstacles, r.follow_up
    from counted_rows($year, 4, $pillar, $agency, $province, $national_only, sel_as_of := $as_of) as r
),

marked as (
    select
        quarter,
        case when regexp_matches(obstacles, '[\pL\pN]') then obstacles end as obstacles,
        not coalesce(regexp_matches(follow_up, '[\pL\pN]'), false) as open
    from by_quarter
)

select
    quarter,
    obstacles,
    count(*) as rows,
    count(*) filter (where open) as open
from marked
group by quarter, obstacles
order by quarter, obstacles
