-- Headline measures for the counted rows: actions planned and committed (distinct action codes),
-- K/L with any row and K/L with a committed action, target achievement and the action plans (rows) it averages;
-- and the same rows counted in the other units the pages use: action plans (rows), and K/L × action (the totals
-- of the per-K/L rates, where an action planned by three K/L counts three times).
with counted as (
    select *
    from counted_rows($year, $quarter, $pillar, $agency, $province, $national_only)
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
)

select
    (select count(*) from actions) as actions_planned,
    (select count(*) from actions where committed) as actions_committed,
    (select count(*) from agencies) as agencies_total,
    (select count(*) from agencies where involved) as agencies_involved,
    (select avg(least(realization / target, 1.0)) from counted where target > 0 and realization is not null)
        as target_achievement,
    (select count(*) from counted where target > 0 and realization is not null) as action_plans_with_target,
    (select count(*) from counted) as rows_counted,
    (select count(*) from counted where committed) as rows_committed,
    (select count(*) from agency_actions) as agency_actions,
    (select count(*) from agency_actions where committed) as agency_actions_committed
