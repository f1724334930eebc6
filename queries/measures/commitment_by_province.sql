-- Regional commitment rate: committed rows over rows located in the province (rows are action plans);
-- national rows (no province) form their own group, listed last. Read from the sums of counted_places(...).
select
    r.province_code,
    p.name as province_name,
    p.name_en as province_name_en,
    p.geojson_code,
    coalesce(p.is_focus, false) as is_focus,
    sum(r.action_plans)::bigint as planned,
    sum(r.committed_plans)::bigint as committed,
    sum(r.committed_plans) / sum(r.action_plans) as rate
from counted_places(
    $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
) as r
left join provinces as p on r.province_code = p.code
group by r.province_code, p.name, p.name_en, p.geojson_code, p.is_focus
order by r.province_code nulls last
