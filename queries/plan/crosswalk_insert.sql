insert into crosswalk (
    from_period, from_code, to_period, to_code, relation, imported_at, imported_by, file_name, is_demo
)
select from_period, from_code, to_period, to_code, relation, imported_at, $imported_by, $file_name, $is_demo
from incoming_crosswalk
