select from_period, from_code, to_period, to_code, relation, imported_at, imported_by, file_name
from crosswalk_at(null)
order by from_period, to_period, from_code nulls last, to_code
