-- Commitment rate per pillar: distinct action codes planned and committed by at least one K/L.
with actions as (
    select pillar, action_code, bool_or(committed) as committed
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
    group by pillar, action_code
)

select
    pillar,
    count(*) as planned,
    count(*) filter (where committed) as committed,
    count(*) filter (where committed) / count(*) as rate
from actions
group by pillar
order by pillar
