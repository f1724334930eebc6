-- Benchmark fixture only: every synthetic (K/L, year, quarter, pillar) slice is active.
insert into active_slices
select distinct agency_code, year, quarter, pillar, upload_id, make_timestamp(year, quarter * 3, 20, 9, 0, 0)
from submission_rows
