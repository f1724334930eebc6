-- Undoing an upload: the rows of the earlier versions that become active again, one per slice (parallel lists).
insert into current_rows
select r.*
from submission_rows as r
inner join (
    select
        unnest($agencies) as agency_code,
        unnest($years) as year,
        unnest($quarters) as quarter,
        unnest($pillars) as pillar,
        unnest($upload_ids) as upload_id
) as b
    on r.upload_id = b.upload_id
    and r.agency_code = b.agency_code
    and r.year = b.year
    and r.quarter = b.quarter
    and r.pillar = b.pillar
