insert into current_rows
select *
from submission_rows
where upload_id = $upload_id
