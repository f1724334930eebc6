-- Per K/L, the catalogue actions of the year it leads and those it supports, and how many of each it committed
-- (a committed counted row of its own for that action). Within the pillar filter (the catalogue's pillar). The
-- catalogue as it was at $as_of; the counted rows as their per-data-version sums (counted_actions).
with counted as (
    select agency_code, action_code, bool_or(committed) as committed
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
    group by agency_code, action_code
),

year_catalogue as (
    select version_id, action_code, lead_agency
    from catalogue_of_year_at($as_of)
    where year = $year
        and ($pillar is null or pillar = $pillar)
),

roles as (
    select lead_agency as agency_code, action_code, true as leads
    from year_catalogue

    union all

    select s.agency_code, c.action_code, false as leads
    from year_catalogue as c
    inner join catalogue_supporting as s on c.version_id = s.version_id and c.action_code = s.action_code
)

select
    r.agency_code,
    g.short_name,
    count(*) filter (where r.leads) as led,
    count(*) filter (where r.leads and k.committed) as led_committed,
    count(*) filter (where not r.leads) as supported,
    count(*) filter (where not r.leads and k.committed) as supported_committed
from roles as r
left join counted as k on r.agency_code = k.agency_code and r.action_code = k.action_code
left join agencies as g on r.agency_code = g.code
where $agency is null or r.agency_code = $agency
group by r.agency_code, g.short_name
order by led desc, supported desc, r.agency_code
