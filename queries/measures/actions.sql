-- The counted action plans with their K/L, place, commitment, status, target, realization and obstacles;
-- at most $max_rows of them, with the total count on every row.
select
    r.pillar,
    r.action_code,
    r.action,
    r.agency_code,
    g.short_name as agency_short_name,
    r.province_code,
    p.name as province_name,
    p.name_en as province_name_en,
    r.quarter,
    r.committed,
    r.status,
    r.target,
    r.realization,
    r.obstacles,
    r.follow_up,
    count(*) over () as total_rows
from counted_rows(
    $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
) as r
left join agencies as g on r.agency_code = g.code
left join provinces as p on r.province_code = p.code
order by r.pillar, r.action_code, g.short_name, r.province_code nulls first
limit $max_rows
