-- The rows of measures/totals for every view of one year and province (at a moment, when $as_of is given): per
-- quarter chosen (null: each K/L and pillar at its latest quarter of the year, as counted_rows(...) chooses it),
-- pillar (null: all) and K/L (null: all), from one read of the province's rows of the year. Kept per data version
-- (ranpe.measures.dashboard): the views of a province are then look-ups, as those without one are in
-- measures/totals_by_view. A view with no row here counts nothing.
with counts as (
    select
        r.agency_code,
        r.quarter,
        r.pillar,
        r.action_code,
        count(*) as action_plans,
        count(*) filter (where r.committed) as committed_plans,
        sum(least(r.realization / r.target, 1.0)::decimal(38, 18)) filter (
            where r.target > 0 and r.realization is not null
        ) as achievement_sum,
        count(*) filter (where r.target > 0 and r.realization is not null) as achievement_plans
    from current_rows_at($as_of) as r
    where r.year = $year
        and r.province_code = $province
    group by r.agency_code, r.quarter, r.pillar, r.action_code
),

chosen as (
    select * from counts

    union all

    select c.* replace (null::integer as quarter)
    from counts as c
    inner join latest_quarters($as_of) as l
        on l.year = $year
        and c.agency_code = l.agency_code
        and c.pillar = l.pillar
        and c.quarter = l.quarter
)

select
    quarter,
    pillar,
    agency_code,
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
from chosen
group by grouping sets (
    (quarter, pillar, agency_code),
    (quarter, pillar),
    (quarter, agency_code),
    (quarter)
)
