-- Every edit of reference data, newest first.
select change_id, changed_at, changed_by, entity, code, field, old_value, new_value
from reference_changes
order by change_id desc
