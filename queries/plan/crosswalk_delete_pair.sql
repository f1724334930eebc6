-- The crosswalk between two periods, replaced whole by an import that holds that pair.
delete from crosswalk
where from_period = $from_period and to_period = $to_period
