-- The combinations demo uploads provide are empty from the removal on (the history of activations).
insert into slice_activations (agency_code, year, quarter, pillar, upload_id, activated_at, cause)
select s.agency_code, s.year, s.quarter, s.pillar, null, $removed_at, 'remove_demo'
from active_slices as s
inner join uploads as u on s.upload_id = u.upload_id
where u.is_demo
