-- Settings whose key starts with a prefix (such as the per-quarter deadlines of a year).
select key, value
from settings
where starts_with(key, $prefix)
order by key
