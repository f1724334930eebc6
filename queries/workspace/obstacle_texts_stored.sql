-- Every obstacle text of the active versions (every year), with the action plans reporting it: what a change
-- of the theme dictionary would code differently.
select obstacles, count(*) as plans
from current_rows
where regexp_matches(obstacles, '[\pL\pN]')
group by obstacles
order by plans desc, obstacles
