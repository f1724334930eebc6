-- Action plans (rows) per implementation status for every reported (year, quarter); status null = not given.
select
    year,
    quarter,
    status,
    count(*) as action_plans
from current_rows
where ($pillar is null or pillar = $pillar)
    and ($agency is null or agency_code = $agency)
    and ($province is null or province_code = $province)
    and (not coalesce($national_only, false) or province_code is null)
group by year, quarter, status
order by year, quarter, status
