-- The active rows of every combination the restored upload holds.
delete from current_rows as c
using (select distinct agency_code, year, quarter, pillar from submission_rows where upload_id = $upload_id) as n
where c.agency_code = n.agency_code
    and c.year = n.year
    and c.quarter = n.quarter
    and c.pillar = n.pillar
