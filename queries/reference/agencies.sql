select code, name, short_name, name_en, aliases, active_from, active_to
from agencies
order by code
