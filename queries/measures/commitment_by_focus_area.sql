-- Commitment rate per focus area: the leading part of the action code ("1.2" of "1.2.3"), within its pillar.
with actions as (
    select
        pillar,
        action_code,
        bool_or(committed) as committed
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
    group by pillar, action_code
),

with_area as (
    select
        pillar,
        case
            when len(string_split(action_code, '.')) >= 2
                then array_to_string(string_split(action_code, '.')[1:2], '.')
            else action_code
        end as focus_area,
        committed
    from actions
)

select
    pillar,
    focus_area,
    count(*) as planned,
    count(*) filter (where committed) as committed,
    count(*) filter (where committed) / count(*) as rate
from with_area
group by pillar, focus_area
order by pillar, focus_area
