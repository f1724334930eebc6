-- The K/L and the provinces (a null province: the national rows) that have rows in a year, in any quarter:
-- the values the dashboard's filter lists offer first.
select distinct
    r.agency_code,
    r.province_code
from current_rows as r
where r.year = $year
