-- Run after sync_counted_slices_delete: the slice versions summed are the active ones.
insert into counted_slices
select agency_code, year, quarter, pillar, upload_id
from active_slices
