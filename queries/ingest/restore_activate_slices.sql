insert or replace into active_slices
select distinct agency_code, year, quarter, pillar, $upload_id, $activated_at
from submission_rows
where upload_id = $upload_id
