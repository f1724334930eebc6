insert into audit_log (logged_at, actor, role, action, details)
values ($logged_at, $actor, $role, $action, $details)
