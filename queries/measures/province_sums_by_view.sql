-- The rows of measures/commitment_by_province for every view of a year without a moment, from the sums of
-- place_counts: per quarter chosen (null: each K/L and pillar at its latest quarter of the year, as
-- counted_places(...) reads it), pillar (null: all), K/L (null: all) and province (null: national rows). A view with
-- a province chosen, or national rows only, is the matching row of its view without. Read once per data version and
-- year; a view's map is then a look-up (ranpe.measures.dashboard.by_province).
with latest as (
    select agency_code, pillar, max(quarter) as quarter
    from active_slices
    where year = $year
    group by agency_code, pillar
),

chosen as (
    select quarter, agency_code, pillar, province_code, action_plans, committed_plans
    from place_counts
    where year = $year

    union all

    select null as quarter, c.agency_code, c.pillar, c.province_code, c.action_plans, c.committed_plans
    from place_counts as c
    inner join latest as l
        on c.agency_code = l.agency_code
        and c.pillar = l.pillar
        and c.quarter = l.quarter
    where c.year = $year
)

select
    quarter,
    pillar,
    agency_code,
    grouping(pillar) = 1 as all_pillars,
    grouping(agency_code) = 1 as all_agencies,
    province_code,
    sum(action_plans)::bigint as planned,
    sum(committed_plans)::bigint as committed,
    sum(committed_plans) / sum(action_plans) as rate
from chosen
group by grouping sets (
    (quarter, province_code, pillar, agency_code),
    (quarter, province_code, pillar),
    (quarter, province_code, agency_code),
    (quarter, province_code)
)
