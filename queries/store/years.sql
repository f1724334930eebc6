select distinct year
from submission_rows
order by year
