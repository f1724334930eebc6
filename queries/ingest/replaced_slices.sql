-- The (agency, year, quarter, pillar) combinations the incoming rows replace, and their current upload.
select s.agency_code, s.year, s.quarter, s.pillar, s.upload_id
from active_slices as s
inner join (select distinct agency_code, year, quarter, pillar from incoming_rows) as n
    using (agency_code, year, quarter, pillar)
order by all
