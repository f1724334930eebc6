-- Action plans (rows) per implementation status for every reported (year, quarter); status null = not given;
-- as stored at $as_of when one is given.
select
    year,
    quarter,
    status,
    count(*) as action_plans
from current_rows_at($as_of)
where ($pillar is null or pillar = $pillar)
    and ($agency is null or agency_code = $agency)
    and ($province is null or province_code = $province)
    and (not coalesce($national_only, false) or province_code is null)
group by year, quarter, status
order by year, quarter, status
