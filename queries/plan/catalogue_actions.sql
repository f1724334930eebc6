-- The catalogue of a period (as it was at $as_of; null: the active one): each action, its lead and supporting K/L
-- and its years.
with supporting as (
    select version_id, action_code, string_agg(agency_code, '; ' order by agency_code) as supporting_agencies
    from catalogue_supporting
    group by version_id, action_code
),

years as (
    select version_id, action_code, string_agg(cast(year as varchar), ', ' order by year) as years
    from catalogue_years
    group by version_id, action_code
)

select
    a.action_code,
    a.action,
    a.pillar,
    a.focus_area,
    a.lead_agency,
    coalesce(s.supporting_agencies, '') as supporting_agencies,
    a.indicator,
    a.unit,
    y.years,
    a.target
from active_catalogue_at($as_of) as v
inner join catalogue_actions as a on v.version_id = a.version_id
left join supporting as s on a.version_id = s.version_id and a.action_code = s.action_code
left join years as y on a.version_id = y.version_id and a.action_code = y.action_code
where v.period_code = $period
order by a.source_sheet, a.source_row
