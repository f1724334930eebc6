select distinct agency_code, year, quarter, pillar
from submission_rows
where upload_id = $upload_id
order by all
