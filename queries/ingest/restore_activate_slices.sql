-- The restored upload becomes the active version of each slice it holds, after ingest/restore_deactivate_slices.
insert into active_slices
select distinct agency_code, year, quarter, pillar, $upload_id, $activated_at
from submission_rows
where upload_id = $upload_id
