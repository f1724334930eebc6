-- The actions of a period's catalogue committed in one year's counted rows (cumulative implementation unions these
-- over the years of the period so far).
select distinct k.action_code
from counted_rows(
    $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
) as k
inner join active_catalogue as v on v.period_code = $period
inner join catalogue_actions as a on v.version_id = a.version_id and k.action_code = a.action_code
where k.committed
