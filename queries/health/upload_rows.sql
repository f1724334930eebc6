-- Every stored row of one upload, in the order of the file.
select *
from submission_rows
where upload_id = $upload_id
order by source_sheet, source_row
