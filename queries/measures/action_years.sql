-- Per action code and year (every year with data), whether it was reported and committed in that year's counted
-- rows (per K/L and pillar, its latest reported quarter of the year), within the pillar, K/L and province filters:
-- the rows of the trend across periods, which follows the crosswalk from one period's codes to the next.
with latest as (
    select agency_code, pillar, year, max(quarter) as quarter
    from active_slices_at($as_of)
    group by agency_code, pillar, year
)

select r.action_code, r.year, bool_or(r.committed) as committed
from current_rows_at($as_of) as r
inner join latest as l
    on r.agency_code = l.agency_code
    and r.pillar = l.pillar
    and r.year = l.year
    and r.quarter = l.quarter
where ($pillar is null or r.pillar = $pillar)
    and ($agency is null or r.agency_code = $agency)
    and ($province is null or r.province_code = $province)
    and (not coalesce($national_only, false) or r.province_code is null)
group by r.action_code, r.year
order by r.action_code, r.year
