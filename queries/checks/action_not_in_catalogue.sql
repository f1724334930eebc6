-- A row whose action code is not in the catalogue of its year's period (rows of a period with no catalogue are
-- not checked: the rule is then skipped), by the catalogue active at $as_of (null: now). Catalogues arrive late
-- and incomplete: a warning, never a refusal.
select
    'action_not_in_catalogue' as rule,
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
    to_json(struct_pack(period := p.code))::varchar as details
from checked_rows as r
inner join periods as p on r.year between p.first_year and p.last_year
inner join active_catalogue_at($as_of) as v on p.code = v.period_code
anti join catalogue_actions as a on v.version_id = a.version_id and r.action_code = a.action_code
where $quarter is null or r.quarter = $quarter
