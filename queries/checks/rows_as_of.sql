-- The active rows as stored at the moment a run of the data checks over stored rows has chosen (now when none; see
-- checks/choose_stored), as a temporary view of the run's own cursor.
create or replace temp view rows_as_of as
select *
from current_rows_at(getvariable('checked_view').as_of)
