-- The history of activations (figures as of a date): every combination of the restored upload, from now on.
insert into slice_activations (agency_code, year, quarter, pillar, upload_id, activated_at, cause)
select distinct agency_code, year, quarter, pillar, $upload_id, $activated_at, 'restore'
from submission_rows
where upload_id = $upload_id
