-- Headline measures for the counted rows: actions planned and committed (distinct action codes),
-- K/L with any row and K/L with a committed action, target achievement and the action plans (rows) it averages;
-- and the same rows counted in the other units the pages use: action plans (rows), and K/L × action (the totals
-- of the per-K/L rates, where an action planned by three K/L counts three times). Read from the sums of
-- counted_actions(...): one row per K/L, pillar, action code and national or not.
with counted as (
    select *
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
),

actions as (
    select action_code, bool_or(committed) as committed
    from counted
    group by action_code
),

agencies as (
    select agency_code, bool_or(committed) as involved
    from counted
    group by agency_code
),

agency_actions as (
    select agency_code, action_code, bool_or(committed) as committed
    from counted
    group by agency_code, action_code
),

plans as (
    select
        (sum(achievement_sum) / nullif(sum(achievement_plans), 0))::double as target_achievement,
        coalesce(sum(achievement_plans), 0)::bigint as action_plans_with_target,
        coalesce(sum(action_plans), 0)::bigint as rows_counted,
        coalesce(sum(committed_plans), 0)::bigint as rows_committed
    from counted
)

select
    (select count(*) from actions) as actions_planned,
    (select count(*) from actions where committed) as actions_committed,
    (select count(*) from agencies) as agencies_total,
    (select count(*) from agencies where involved) as agencies_involved,
    p.target_achievement,
    p.action_plans_with_target,
    p.rows_counted,
    p.rows_committed,
    (select count(*) from agency_actions) as agency_actions,
    (select count(*) from agency_actions where committed) as agency_actions_committed
from plans as p
