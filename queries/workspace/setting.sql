select key, value, changed_at, changed_by
from settings
where key = $key
