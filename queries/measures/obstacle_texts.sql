-- The counted action plans that report an obstacle (a text holding a letter or digit), with their K/L, place
-- and follow-up; a follow-up without a letter or digit ("-") counts as none, and the obstacle is then open.
with reported as (
    select
        r.agency_code,
        r.action_code,
        r.pillar,
        r.year,
        r.quarter,
        r.province_code,
        r.obstacles,
        case when regexp_matches(r.follow_up, '[\pL\pN]') then r.follow_up end as follow_up
    from counted_rows($year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of) as r
    where regexp_matches(r.obstacles, '[\pL\pN]')
)

select
    r.agency_code,
    g.short_name as agency_short_name,
    r.action_code,
    r.pillar,
    r.year,
    r.quarter,
    r.province_code,
    p.name as province_name,
    p.name_en as province_name_en,
    r.obstacles,
    r.follow_up,
    r.follow_up is null as open
from reported as r
left join agencies as g on r.agency_code = g.code
left join provinces as p on r.province_code = p.code
order by r.pillar, r.action_code, g.short_name, r.province_code nulls first
