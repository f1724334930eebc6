-- The rows a run of the data checks over stored rows reads, chosen for the run's own cursor (a variable of its
-- connection, read by the view checks/stage_stored): a year, a K/L or none, up to a quarter or every one, as stored
-- at a moment or now.
set variable checked_view = struct_pack(
    year := $year::integer,
    quarter := $quarter::integer,
    agency := $agency::varchar,
    as_of := $as_of::timestamp
)
