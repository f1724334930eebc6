-- The catalogue as it was at a moment (DOMAIN.md, "Figures as of a date"): each period's version activated last at
-- or before it (activations carry their times and are never removed); with no moment (null), active_catalogue.
create macro active_catalogue_at(sel_as_of) as table
select period_code, version_id
from active_catalogue
where sel_as_of is null

union all

select period_code, version_id
from catalogue_activations
where sel_as_of is not null
    and activated_at <= sel_as_of
qualify row_number() over (partition by period_code order by activation_id desc) = 1;

-- catalogue_of_year of that catalogue.
create macro catalogue_of_year_at(sel_as_of) as table
select y.year, a.version_id, v.period_code, a.action_code, a.action, a.pillar, a.lead_agency, a.focus_area
from active_catalogue_at(sel_as_of) as v
inner join catalogue_actions as a on v.version_id = a.version_id
inner join catalogue_years as y on a.version_id = y.version_id and a.action_code = y.action_code;

-- The crosswalk as imported at a moment: an import replaces the crosswalk of each period pair it holds, and the
-- rows it replaces are kept, so each pair's crosswalk is the rows of its latest import at or before the moment
-- (with no moment: its latest import).
create macro crosswalk_at(sel_as_of) as table
select from_period, from_code, to_period, to_code, relation, imported_at, imported_by, file_name, is_demo
from crosswalk
where sel_as_of is null or imported_at <= sel_as_of
qualify imported_at = max(imported_at) over (partition by from_period, to_period);
