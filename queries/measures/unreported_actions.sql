-- The catalogue actions of the year (the catalogue as it was at $as_of) with no counted row (within the pillar
-- filter; with a K/L filter, those it leads or supports), each with its lead K/L and supporting K/L. The counted
-- rows as their per-data-version sums (counted_actions).
with counted as (
    select distinct action_code
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
),

supporting as (
    select version_id, action_code, string_agg(agency_code, '; ' order by agency_code) as supporting_agencies
    from catalogue_supporting
    group by version_id, action_code
)

select
    c.action_code,
    c.action,
    c.pillar,
    c.lead_agency,
    g.short_name as lead_short_name,
    coalesce(s.supporting_agencies, '') as supporting_agencies
from catalogue_of_year_at($as_of) as c
left join supporting as s on c.version_id = s.version_id and c.action_code = s.action_code
left join agencies as g on c.lead_agency = g.code
where c.year = $year
    and ($pillar is null or c.pillar = $pillar)
    and (
        $agency is null
        or c.lead_agency = $agency
        or exists (
            select 1
            from catalogue_supporting as t
            where t.version_id = c.version_id and t.action_code = c.action_code and t.agency_code = $agency
        )
    )
    and c.action_code not in (select action_code from counted)
order by c.pillar, c.action_code
