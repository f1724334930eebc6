-- Regional commitment rate per province and pillar (rows are action plans); national rows have no province.
select
    r.province_code,
    p.name as province_name,
    p.name_en as province_name_en,
    r.pillar,
    count(*) as planned,
    count(*) filter (where r.committed) as committed,
    count(*) filter (where r.committed) / count(*) as rate
from counted_rows(
    $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
) as r
left join provinces as p on r.province_code = p.code
group by r.province_code, p.name, p.name_en, r.pillar
order by r.province_code nulls last, r.pillar
