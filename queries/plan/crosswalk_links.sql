-- The crosswalk rows naming an action of a period, on either side: where it comes from and where it goes.
select
    from_period,
    from_code,
    to_period,
    to_code,
    relation,
    case when from_period = $period and from_code = $action_code then 'next' else 'previous' end as direction
from crosswalk_at(null)
where
    (from_period = $period and from_code = $action_code)
    or (to_period = $period and to_code = $action_code)
order by direction, from_period, from_code, to_code
