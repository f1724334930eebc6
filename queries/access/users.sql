-- Every local user of the shared store (ranpe/access/users.py), by name.
select name, role, coalesce(email, '') as email, coalesce(password_hash, '') as password_hash
from users
order by name
