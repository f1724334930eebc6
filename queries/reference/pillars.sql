select pillar, name, name_en, working_group, aliases
from pillars
order by pillar
