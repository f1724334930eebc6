-- Headline measures for the counted rows: actions planned and committed (distinct action codes),
-- K/L with any row and K/L with a committed action, target achievement and the action plans (rows) it averages;
-- and the same rows counted in the other units the pages use: action plans (rows), and K/L × action (the totals
-- of the per-K/L rates, where an action planned by three K/L counts three times). Read from the sums of
-- counted_actions(...): one row per K/L, pillar, action code and national or not.
-- One row for the filters' view ("current"); given $previous_year and $previous_quarter, a second row ("previous")
-- for the same filters in that quarter: the overview's comparison, in the same query.
with counted as (
    select
        'current' as view,
        *
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
    union all
    select
        'previous' as view,
        *
    from counted_actions(
        $previous_year, $previous_quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
    where $previous_year is not null
),

views as (
    select unnest(['current', 'previous']) as view
),

actions as (
    select view, action_code, bool_or(committed) as committed
    from counted
    group by view, action_code
),

agencies as (
    select view, agency_code, bool_or(committed) as involved
    from counted
    group by view, agency_code
),

agency_actions as (
    select view, agency_code, action_code, bool_or(committed) as committed
    from counted
    group by view, agency_code, action_code
),

action_figures as (
    select view, count(*) as planned, count(*) filter (where committed) as committed
    from actions
    group by view
),

agency_figures as (
    select view, count(*) as total, count(*) filter (where involved) as involved
    from agencies
    group by view
),

agency_action_figures as (
    select view, count(*) as total, count(*) filter (where committed) as committed
    from agency_actions
    group by view
),

plans as (
    select
        view,
        (sum(achievement_sum) / nullif(sum(achievement_plans), 0))::double as target_achievement,
        sum(achievement_plans)::bigint as action_plans_with_target,
        sum(action_plans)::bigint as rows_counted,
        sum(committed_plans)::bigint as rows_committed
    from counted
    group by view
)

select
    v.view,
    coalesce(a.planned, 0) as actions_planned,
    coalesce(a.committed, 0) as actions_committed,
    coalesce(g.total, 0) as agencies_total,
    coalesce(g.involved, 0) as agencies_involved,
    p.target_achievement,
    coalesce(p.action_plans_with_target, 0) as action_plans_with_target,
    coalesce(p.rows_counted, 0) as rows_counted,
    coalesce(p.rows_committed, 0) as rows_committed,
    coalesce(k.total, 0) as agency_actions,
    coalesce(k.committed, 0) as agency_actions_committed
from views as v
left join action_figures as a on v.view = a.view
left join agency_figures as g on v.view = g.view
left join agency_action_figures as k on v.view = k.view
left join plans as p on v.view = p.view
where v.view = 'current' or $previous_year is not null
order by v.view
