-- The rows the data checks read, staged once per run as a temporary table of the cursor: the active version of
-- every slice of a year as stored at $as_of (now when it is null), of one K/L when $agency is given, up to $quarter
-- when one is chosen (the checks compare a quarter with the earlier ones only).
create or replace temp table checked_rows as
select *
from stored_checked_rows($as_of)
where year = $year
    and ($agency is null or agency_code = $agency)
    and ($quarter is null or quarter <= $quarter)
