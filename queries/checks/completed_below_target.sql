-- Status Selesai (completed), yet a realization below the target.
select
    'completed_below_target' as rule,
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
    to_json(struct_pack(target := target, realization := realization))::varchar as details
from checked_rows
where status = 'completed'
    and realization < target
    and ($quarter is null or quarter = $quarter)
