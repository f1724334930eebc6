insert into catalogue_supporting
select $version_id, action_code, agency_code
from incoming_supporting
