-- The id allocated here, inside the serialised write (the shared store has no sequences).
insert into reference_changes (change_id, changed_at, changed_by, entity, code, field, old_value, new_value)
select coalesce(max(change_id), 0) + 1, $changed_at, $changed_by, $entity, $code, $field, $old_value, $new_value
from reference_changes
