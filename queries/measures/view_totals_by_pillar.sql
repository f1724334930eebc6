-- measures/totals and measures/commitment_by_pillar of one view from one read of its rows: the overview of a
-- province or at a moment (the sums of action_counts hold neither, so those views read the rows themselves; their
-- KPI totals and pillar chart used to read them three times). The slices counted are chosen as counted_rows(...)
-- chooses them: for the view ("current"), each K/L and pillar at the quarter chosen, or at its latest quarter of
-- the year when none is; given $previous_year and $previous_quarter, the same filters in that quarter ("previous").
-- Their rows are read once and summed in one pass per view and: pillar; action code; pillar and action code; K/L;
-- K/L and action code (grouping() tells which), so that the distinct actions, K/L and K/L × action are counted
-- without distinct aggregates (their hash tables cost more than the rest at a million rows). Result: one row per
-- view with pillar null and the columns of measures/totals; one row per pillar of the current view with its
-- actions planned and committed (commitment_by_pillar's planned and committed), target achievement and action
-- plans, its K/L columns null. A view that counts nothing has no row.
with chosen as (
    select
        'current' as view,
        agency_code,
        pillar,
        $year as year,
        max(quarter) as quarter
    from active_slices_at($as_of)
    where year = $year
        and ($quarter is null or quarter = $quarter)
        and ($pillar is null or pillar = $pillar)
        and ($agency is null or agency_code = $agency)
    group by agency_code, pillar

    union all

    select distinct
        'previous' as view,
        agency_code,
        pillar,
        year,
        quarter
    from active_slices_at($as_of)
    where year = $previous_year
        and quarter = $previous_quarter
        and ($pillar is null or pillar = $pillar)
        and ($agency is null or agency_code = $agency)
),

-- grouped: grouping(pillar, agency_code, action_code), a bit set for each not grouped by: 3 per pillar, 6 per action,
-- 2 per pillar and action, 5 per K/L, 4 per K/L and action.
sums as (
    select
        c.view,
        r.pillar,
        grouping(r.pillar, r.agency_code, r.action_code) as grouped,
        count(*) filter (where r.committed) > 0 as committed,
        count(*) as action_plans,
        count(*) filter (where r.committed) as committed_plans,
        sum(least(r.realization / r.target, 1.0)::decimal(38, 18)) filter (
            where r.target > 0 and r.realization is not null
        ) as achievement_sum,
        count(*) filter (where r.target > 0 and r.realization is not null) as achievement_plans
    from current_rows_at($as_of) as r
    inner join chosen as c
        on r.agency_code = c.agency_code
        and r.pillar = c.pillar
        and r.year = c.year
        and r.quarter = c.quarter
    where (r.year = $year or r.year = $previous_year)
        and ($pillar is null or r.pillar = $pillar)
        and ($agency is null or r.agency_code = $agency)
        and ($province is null or r.province_code = $province)
        and (not coalesce($national_only, false) or r.province_code is null)
    group by grouping sets (
        (c.view, r.pillar),
        (c.view, r.action_code),
        (c.view, r.pillar, r.action_code),
        (c.view, r.agency_code),
        (c.view, r.agency_code, r.action_code)
    )
),

-- Each sum once for the view (pillar null) and once for its pillar (the current view's only).
placed as (
    select null as pillar, * exclude (pillar)
    from sums
    where grouped in (3, 6, 5, 4)

    union all

    select pillar, * exclude (pillar)
    from sums
    where grouped in (3, 2)
        and view = 'current'
)

select
    view,
    pillar,
    count(*) filter (where grouped in (6, 2)) as actions_planned,
    count(*) filter (where grouped in (6, 2) and committed) as actions_committed,
    if(pillar is null, count(*) filter (where grouped = 5), null) as agencies_total,
    if(pillar is null, count(*) filter (where grouped = 5 and committed), null) as agencies_involved,
    (sum(achievement_sum) filter (where grouped = 3)
        / nullif(sum(achievement_plans) filter (where grouped = 3), 0))::double as target_achievement,
    coalesce(sum(achievement_plans) filter (where grouped = 3), 0)::bigint as action_plans_with_target,
    coalesce(sum(action_plans) filter (where grouped = 3), 0)::bigint as rows_counted,
    coalesce(sum(committed_plans) filter (where grouped = 3), 0)::bigint as rows_committed,
    if(pillar is null, count(*) filter (where grouped = 4), null) as agency_actions,
    if(pillar is null, count(*) filter (where grouped = 4 and committed), null) as agency_actions_committed
from placed
group by view, pillar
order by view, pillar nulls first
