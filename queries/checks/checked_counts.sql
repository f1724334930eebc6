-- What a run of the data checks read: the staged rows (action plans) per K/L and quarter.
select
    agency_code,
    quarter,
    count(*) as rows_checked
from checked_rows
group by agency_code, quarter
order by agency_code, quarter
