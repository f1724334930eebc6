-- Every crosswalk row naming an action of a period (either side), for the "across periods" column of its actions:
-- the crosswalk as imported at $as_of (null: as it stands).
select from_period, from_code, to_period, to_code, relation
from crosswalk_at($as_of)
where from_period = $period or to_period = $period
order by from_period, from_code nulls last, to_code nulls last
