-- The id allocated here, inside the serialised write (the shared store has no sequences).
insert into audit_log (audit_id, logged_at, actor, role, action, details)
select coalesce(max(audit_id), 0) + 1, $logged_at, $actor, $role, $action, $details
from audit_log
