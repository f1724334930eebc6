-- The shape of the rows the data checks read, defined once per run for the run's own cursor: stored rows of the
-- table or view named by source (current_rows: now; checks/rows_as_of: as stored at the run's moment), each with
-- the upload and file it came from (checks/stage_stored and checks/stage_upload both stage from it).
create or replace temp macro stored_checked_rows(source) as table
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
from query_table(source) as r
inner join uploads as u
    on r.upload_id = u.upload_id
