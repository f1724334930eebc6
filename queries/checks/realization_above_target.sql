-- A realization above its target by more than $factor times (a target of 0 sets no scale and is left out).
select
    'realization_above_target' as rule,
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
        target := target,
        realization := realization,
        ratio := realization / target,
        factor := $factor
    ))::varchar as details
from checked_rows
where target > 0
    and realization > target * $factor
    and ($quarter is null or quarter = $quarter)
