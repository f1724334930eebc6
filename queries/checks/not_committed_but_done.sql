-- Committed "Tidak" (no), yet status Selesai (completed) or a realization above 0.
select
    'not_committed_but_done' as rule,
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
    to_json(struct_pack(
        completed := coalesce(status = 'completed', false),
        realization := realization
    ))::varchar as details
from checked_rows
where not committed
    and (status = 'completed' or realization > 0)
    and ($quarter is null or quarter = $quarter)
