-- The rows of measures/totals for every view without a province or a moment, from the sums of action_counts: per
-- year, quarter chosen (null: each K/L and pillar at its latest quarter of the year, as counted_actions(...) reads
-- it), pillar (null: all), K/L (null: all) and national rows only or not. Read once per data version; a view's KPI
-- totals are then a look-up (ranpe.measures.dashboard.view_totals). A view with no row here counts nothing.
with chosen as (
    select
        year,
        quarter,
        agency_code,
        pillar,
        action_code,
        national,
        action_plans,
        committed_plans,
        achievement_sum,
        achievement_plans
    from action_counts

    union all

    select
        c.year,
        null as quarter,
        c.agency_code,
        c.pillar,
        c.action_code,
        c.national,
        c.action_plans,
        c.committed_plans,
        c.achievement_sum,
        c.achievement_plans
    from action_counts as c
    inner join latest_quarters(null) as l
        on c.year = l.year
        and c.agency_code = l.agency_code
        and c.pillar = l.pillar
        and c.quarter = l.quarter
),

viewed as (
    select false as national_only, * from chosen
    union all
    select true as national_only, * from chosen where national
)

select
    year,
    quarter,
    pillar,
    agency_code,
    national_only,
    grouping(pillar) = 1 as all_pillars,
    grouping(agency_code) = 1 as all_agencies,
    count(distinct action_code) as actions_planned,
    count(distinct action_code) filter (where committed_plans > 0) as actions_committed,
    count(distinct agency_code) as agencies_total,
    count(distinct agency_code) filter (where committed_plans > 0) as agencies_involved,
    (sum(achievement_sum) / nullif(sum(achievement_plans), 0))::double as target_achievement,
    coalesce(sum(achievement_plans), 0)::bigint as action_plans_with_target,
    coalesce(sum(action_plans), 0)::bigint as rows_counted,
    coalesce(sum(committed_plans), 0)::bigint as rows_committed,
    count(distinct (agency_code, action_code)) as agency_actions,
    count(distinct (agency_code, action_code)) filter (where committed_plans > 0) as agency_actions_committed
from viewed
group by grouping sets (
    (year, quarter, national_only, pillar, agency_code),
    (year, quarter, national_only, pillar),
    (year, quarter, national_only, agency_code),
    (year, quarter, national_only)
)
