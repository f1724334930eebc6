-- The history of activations (figures as of a date): every combination the incoming rows hold, from now on.
insert into slice_activations (agency_code, year, quarter, pillar, upload_id, activated_at, cause)
select distinct agency_code, year, quarter, pillar, $upload_id, $activated_at, 'upload'
from incoming_rows
