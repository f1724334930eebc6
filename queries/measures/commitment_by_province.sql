-- Regional commitment rate: committed rows over rows located in the province (rows are action plans);
-- national rows (no province) form their own group, listed last.
select
    r.province_code,
    p.name as province_name,
    p.name_en as province_name_en,
    p.geojson_code,
    coalesce(p.is_focus, false) as is_focus,
    count(*) as planned,
    count(*) filter (where r.committed) as committed,
    count(*) filter (where r.committed) / count(*) as rate
from counted_rows(
    $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
) as r
left join provinces as p on r.province_code = p.code
group by r.province_code, p.name, p.name_en, p.geojson_code, p.is_focus
order by r.province_code nulls last
