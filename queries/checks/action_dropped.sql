-- An action a K/L reported for a pillar in one quarter and left out of its next report for that pillar in the
-- same year (Pokja files arrive per pillar, so a missing pillar is no report, not a dropped action). The
-- finding's quarter is the report it is missing from; the row named is the action's first row in the earlier one.
-- The actions dropped are found from the actions reported (one row per action and report), and only theirs are
-- looked up among the rows.
with actions as (
    select
        agency_code,
        pillar,
        year,
        quarter,
        action_code,
        count(*) as rows_reported,
        bool_or(incoming) as incoming
    from checked_rows
    group by agency_code, pillar, year, quarter, action_code
),

reports as (
    select
        agency_code,
        pillar,
        year,
        quarter,
        bool_or(incoming) as incoming
    from actions
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

dropped as (
    select
        a.agency_code,
        a.pillar,
        a.year,
        a.quarter,
        a.action_code,
        a.rows_reported,
        c.next_quarter,
        c.next_incoming
    from actions as a
    inner join consecutive as c
        on a.agency_code = c.agency_code
        and a.pillar = c.pillar
        and a.year = c.year
        and a.quarter = c.quarter
    anti join actions as n
        on a.agency_code = n.agency_code
        and a.pillar = n.pillar
        and a.year = n.year
        and c.next_quarter = n.quarter
        and a.action_code = n.action_code
    where c.next_quarter is not null
        and ($quarter is null or c.next_quarter = $quarter)
),

placed as (
    select
        d.agency_code,
        d.action_code,
        d.year,
        d.quarter,
        d.next_quarter,
        d.next_incoming,
        d.rows_reported,
        arg_min(
            struct_pack(
                upload_id := r.upload_id,
                file_name := r.file_name,
                source_sheet := r.source_sheet,
                source_row := r.source_row,
                incoming := r.incoming
            ),
            (r.source_sheet, r.source_row)
        ) as first_row
    from dropped as d
    inner join checked_rows as r
        on d.agency_code = r.agency_code
        and d.pillar = r.pillar
        and d.year = r.year
        and d.quarter = r.quarter
        and d.action_code = r.action_code
    group by
        d.agency_code, d.pillar, d.year, d.quarter, d.action_code, d.next_quarter, d.next_incoming, d.rows_reported
)

select
    'action_dropped' as rule,
    agency_code,
    action_code,
    year,
    next_quarter as quarter,
    null::varchar as province_code,
    first_row.upload_id as upload_id,
    first_row.file_name as file_name,
    first_row.source_sheet as source_sheet,
    first_row.source_row as source_row,
    first_row.incoming or next_incoming as incoming,
    to_json(struct_pack(previous_quarter := quarter, rows_reported := rows_reported))::varchar as details
from placed
