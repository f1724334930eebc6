-- The active rows of the combinations the incoming rows replace.
delete from current_rows as c
using (select distinct agency_code, year, quarter, pillar from incoming_rows) as n
where c.agency_code = n.agency_code
    and c.year = n.year
    and c.quarter = n.quarter
    and c.pillar = n.pillar
