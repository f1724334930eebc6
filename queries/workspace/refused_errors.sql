-- The problems recorded with a refused upload, or with a refused catalogue or crosswalk import (numbered with the
-- uploads).
select upload_id, file_name, errors, error_count
from uploads
where upload_id = $upload_id
    and status = 'refused'
union all
select upload_id, file_name, errors, error_count
from catalogue_refusals
where upload_id = $upload_id
union all
select upload_id, file_name, errors, error_count
from crosswalk_refusals
where upload_id = $upload_id
