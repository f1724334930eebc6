insert into current_rows
select $upload_id, *
from incoming_rows
