-- A realization of one (K/L, action, province) lower than in an earlier quarter of the same year: the row named
-- is the later one; details name the earlier quarter with the highest realization and where it was reported.
with earlier as (
    select
        *,
        max(realization) over before_this as earlier_realization,
        arg_max(
            struct_pack(
                quarter := quarter,
                upload_id := upload_id,
                file_name := file_name,
                source_sheet := source_sheet,
                source_row := source_row,
                incoming := incoming
            ),
            realization
        ) over before_this as earlier_row
    from checked_rows
    where realization is not null
    window before_this as (
        partition by agency_code, action_code, province_code, year
        order by quarter
        range between unbounded preceding and 1 preceding
    )
)

select
    'realization_decreased' as rule,
    agency_code,
    action_code,
    year,
    quarter,
    province_code,
    upload_id,
    file_name,
    source_sheet,
    source_row,
    incoming or earlier_row.incoming as incoming,
    to_json(struct_pack(
        realization := realization,
        earlier_realization := earlier_realization,
        earlier_quarter := earlier_row.quarter,
        earlier_upload_id := earlier_row.upload_id,
        earlier_file_name := earlier_row.file_name,
        earlier_sheet := earlier_row.source_sheet,
        earlier_row := earlier_row.source_row
    ))::varchar as details
from earlier
where realization < earlier_realization
    and ($quarter is null or quarter = $quarter)
