-- A row of a K/L for a catalogue action that it neither leads nor supports, by the catalogue of its year's period
-- active at $as_of (null: now).
select
    'action_not_assigned' as rule,
    r.agency_code,
    r.action_code,
    r.year,
    r.quarter,
    r.province_code,
    r.upload_id,
    r.file_name,
    r.source_sheet,
    r.source_row,
    r.incoming,
    to_json(struct_pack(period := p.code, lead := a.lead_agency))::varchar as details
from checked_rows as r
inner join periods as p on r.year between p.first_year and p.last_year
inner join active_catalogue_at($as_of) as v on p.code = v.period_code
inner join catalogue_actions as a on v.version_id = a.version_id and r.action_code = a.action_code
anti join catalogue_supporting as s
    on a.version_id = s.version_id
    and a.action_code = s.action_code
    and r.agency_code = s.agency_code
where r.agency_code <> a.lead_agency
    and ($quarter is null or r.quarter = $quarter)
