-- The rules that need the catalogue of a row's year's period, one finding per row and rule broken (rows of a period
-- with no catalogue are not checked: both rules are then skipped). Catalogues arrive late and incomplete: warnings,
-- never refusals. The catalogue is the one active at $as_of (null: now).
-- - action_not_in_catalogue: the row's action code is not in that catalogue;
-- - action_not_assigned: the action is in it, and the row's K/L neither leads nor supports it.
with placed as (
    select
        r.*,
        p.code as period_code,
        a.lead_agency,
        s.agency_code is not null as supports
    from checked_rows as r
    inner join periods as p on r.year between p.first_year and p.last_year
    inner join active_catalogue_at($as_of) as v on p.code = v.period_code
    left join catalogue_actions as a on v.version_id = a.version_id and r.action_code = a.action_code
    left join catalogue_supporting as s
        on a.version_id = s.version_id
        and a.action_code = s.action_code
        and r.agency_code = s.agency_code
    where $quarter is null or r.quarter = $quarter
)

select
    if(lead_agency is null, 'action_not_in_catalogue', 'action_not_assigned') as rule,
    agency_code,
    action_code,
    year,
    quarter,
    province_code,
    upload_id,
    file_name,
    source_sheet,
    source_row,
    incoming,
    to_json(struct_pack(period := period_code, lead := lead_agency))::varchar as details
from placed
where lead_agency is null
    or (agency_code <> lead_agency and not supports)
