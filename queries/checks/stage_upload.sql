-- The rows the data checks read for an upload not stored yet (registered as incoming_rows): the store as it
-- would be after storing it, for the (K/L, year) pairs the upload holds. Its (K/L, year, quarter, pillar)
-- slices replace the stored ones, as storing does; its rows are marked incoming and have no upload id yet.
create or replace temp table checked_rows as
with incoming_slices as (
    select distinct agency_code, year, quarter, pillar
    from incoming_rows
),

incoming_agency_years as (
    select distinct agency_code, year
    from incoming_rows
),

kept as (
    select r.*
    from stored_checked_rows('current_rows') as r
    semi join incoming_agency_years as a
        on r.agency_code = a.agency_code
        and r.year = a.year
    anti join incoming_slices as s
        on r.agency_code = s.agency_code
        and r.year = s.year
        and r.quarter = s.quarter
        and r.pillar = s.pillar
)

select *
from kept
union all
select
    i.year,
    i.quarter,
    i.agency_code,
    i.pillar,
    i.action_code,
    i.province_code,
    i.committed,
    i.status,
    i.target,
    i.realization,
    i.action,
    i.output,
    i.obstacles,
    i.follow_up,
    i.notes,
    null::integer as upload_id,
    $file_name as file_name,
    i.source_sheet,
    i.source_row,
    true as incoming
from incoming_rows as i
