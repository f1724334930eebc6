insert into reference_changes (changed_at, changed_by, entity, code, field, old_value, new_value)
values ($changed_at, $changed_by, $entity, $code, $field, $old_value, $new_value)
