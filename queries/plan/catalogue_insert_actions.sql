-- A version's actions, from the table registered by the import.
insert into catalogue_actions
select
    $version_id, action_code, action, pillar, focus_area, lead_agency, indicator, unit, target, source_sheet,
    source_row
from incoming_actions
