-- An action a K/L reported for a pillar in one quarter and left out of its next report for that pillar in the
-- same year (Pokja files arrive per pillar, so a missing pillar is no report, not a dropped action). The
-- finding's quarter is the report it is missing from; the row named is the action's first row in the earlier one.
with reports as (
    select
        agency_code,
        pillar,
        year,
        quarter,
        bool_or(incoming) as incoming
    from checked_rows
    group by agency_code, pillar, year, quarter
),

consecutive as (
    select
        *,
        lead(quarter) over by_slice as next_quarter,
        lead(incoming) over by_slice as next_incoming
    from reports
    window by_slice as (partition by agency_code, pillar, year order by quarter)
),

reported as (
    select
        r.agency_code,
        r.pillar,
        r.year,
        r.quarter,
        r.action_code,
        c.next_quarter,
        c.next_incoming,
        count(*) as rows_reported,
        arg_min(
            struct_pack(
                province_code := r.province_code,
                upload_id := r.upload_id,
                file_name := r.file_name,
                source_sheet := r.source_sheet,
                source_row := r.source_row,
                incoming := r.incoming
            ),
            (r.source_sheet, r.source_row)
        ) as first_row
    from checked_rows as r
    inner join consecutive as c
        on r.agency_code = c.agency_code
        and r.pillar = c.pillar
        and r.year = c.year
        and r.quarter = c.quarter
    where c.next_quarter is not null
    group by r.agency_code, r.pillar, r.year, r.quarter, r.action_code, c.next_quarter, c.next_incoming
)

select
    'action_dropped' as rule,
    p.agency_code,
    p.action_code,
    p.year,
    p.next_quarter as quarter,
    null::varchar as province_code,
    p.first_row.upload_id as upload_id,
    p.first_row.file_name as file_name,
    p.first_row.source_sheet as source_sheet,
    p.first_row.source_row as source_row,
    p.first_row.incoming or p.next_incoming as incoming,
    to_json(struct_pack(previous_quarter := p.quarter, rows_reported := p.rows_reported))::varchar as details
from reported as p
anti join checked_rows as n
    on p.agency_code = n.agency_code
    and p.pillar = n.pillar
    and p.year = n.year
    and p.next_quarter = n.quarter
    and p.action_code = n.action_code
where $quarter is null or p.next_quarter = $quarter
