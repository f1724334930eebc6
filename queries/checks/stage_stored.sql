-- The rows the data checks read, staged once per run as a temporary table of the cursor: the active version of
-- every slice of a year (of one K/L when $agency is given; up to $quarter when one is chosen, since the checks
-- compare a quarter with the earlier ones only), each with the upload and file it came from.
create or replace temp table checked_rows as
select
    r.year,
    r.quarter,
    r.agency_code,
    r.pillar,
    r.action_code,
    r.province_code,
    r.committed,
    r.status,
    r.target,
    r.realization,
    r.action,
    r.output,
    r.obstacles,
    r.follow_up,
    r.notes,
    r.upload_id,
    u.file_name,
    r.source_sheet,
    r.source_row,
    false as incoming
from current_rows as r
inner join uploads as u
    on r.upload_id = u.upload_id
where r.year = $year
    and ($agency is null or r.agency_code = $agency)
    and ($quarter is null or r.quarter <= $quarter)
