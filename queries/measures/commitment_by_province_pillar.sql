-- Regional commitment rate per province and pillar (rows are action plans); national rows have no province.
-- Read from the sums of counted_places(...).
select
    r.province_code,
    p.name as province_name,
    p.name_en as province_name_en,
    r.pillar,
    sum(r.action_plans)::bigint as planned,
    sum(r.committed_plans)::bigint as committed,
    sum(r.committed_plans) / sum(r.action_plans) as rate
from counted_places(
    $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
) as r
left join provinces as p on r.province_code = p.code
group by r.province_code, p.name, p.name_en, r.pillar
order by r.province_code nulls last, r.pillar
