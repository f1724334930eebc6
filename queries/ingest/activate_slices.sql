-- The upload becomes the active version of each slice it holds, after ingest/deactivate_slices in the same
-- transaction (the shared store has no keys to upsert on, and DuckLake's MERGE does not take bound values).
insert into active_slices
select distinct agency_code, year, quarter, pillar, $upload_id, $activated_at
from incoming_rows
