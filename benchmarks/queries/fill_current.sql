-- Benchmark fixture only: the active rows of the synthetic store.
insert into current_rows
select r.*
from submission_rows as r
inner join active_slices as s
    on r.upload_id = s.upload_id
    and r.agency_code = s.agency_code
    and r.year = s.year
    and r.quarter = s.quarter
    and r.pillar = s.pillar
