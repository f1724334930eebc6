-- What a run of the data checks read: the staged rows (action plans) and K/L of the view (quarter optional).
select
    count(*) as rows_checked,
    count(distinct agency_code) as agencies_checked
from checked_rows
where $quarter is null or quarter = $quarter
