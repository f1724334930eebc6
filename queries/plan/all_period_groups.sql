select period_code, number, name, name_en, short_name, short_name_en, working_group, aliases
from period_groups
order by period_code, number
