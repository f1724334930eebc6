-- The audit log, newest first, optionally one action only.
select audit_id, logged_at, actor, role, action, details
from audit_log
where $action is null or action = $action
order by audit_id desc
limit $limit
