insert into catalogue_years
select $version_id, action_code, year, target
from incoming_years
