insert or replace into active_slices
select distinct agency_code, year, quarter, pillar, $upload_id, $activated_at
from incoming_rows
