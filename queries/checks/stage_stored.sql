-- The rows the data checks read, as a temporary view of the run's own cursor (each rule reads the store's columns
-- again, which costs less than copying a year's rows first): the active version of every slice of the year as
-- stored at the moment chosen (now when none), of one K/L when one is chosen, up to the quarter chosen (the checks
-- compare a quarter with the earlier ones only). What is chosen is the variable checks/choose_stored sets; the rows
-- are those of checks/rows_as_of.
create or replace temp view checked_rows as
select *
from stored_checked_rows('rows_as_of')
where year = getvariable('checked_view').year
    and (getvariable('checked_view').agency is null or agency_code = getvariable('checked_view').agency)
    and (getvariable('checked_view').quarter is null or quarter <= getvariable('checked_view').quarter)
