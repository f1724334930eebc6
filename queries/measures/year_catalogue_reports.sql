-- Every catalogue action of the year (the catalogue as it was at $as_of), each with its lead K/L and supporting
-- K/L, marked unreported when it is in the view (within the pillar filter; with a K/L filter, one it leads or
-- supports) and has no counted row: the unreported actions and whether the year has a catalogue at all (no row:
-- none), in one read. The counted rows as their per-data-version sums (counted_actions).
with counted as (
    select distinct action_code
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
),

supporting as (
    select
        version_id,
        action_code,
        string_agg(agency_code, '; ' order by agency_code) as supporting_agencies,
        bool_or(agency_code = $agency) as supported_by_agency
    from catalogue_supporting
    group by version_id, action_code
)

select
    c.action_code,
    c.action,
    c.pillar,
    c.lead_agency,
    g.short_name as lead_short_name,
    coalesce(s.supporting_agencies, '') as supporting_agencies,
    ($pillar is null or c.pillar = $pillar)
    and ($agency is null or c.lead_agency = $agency or coalesce(s.supported_by_agency, false))
    and c.action_code not in (select action_code from counted) as unreported
from catalogue_of_year_at($as_of) as c
left join supporting as s on c.version_id = s.version_id and c.action_code = s.action_code
left join agencies as g on c.lead_agency = g.code
where c.year = $year
order by c.pillar, c.action_code
