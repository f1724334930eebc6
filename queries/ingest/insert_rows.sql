-- Every version is kept: the incoming rows (an Arrow table registered as incoming_rows) under their upload.
insert into submission_rows
select $upload_id, *
from incoming_rows
