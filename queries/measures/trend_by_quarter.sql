-- Commitment rate per reported (year, quarter), per pillar and for all pillars together (pillar null):
-- the rows of each quarter's slices, as the measures count them when that quarter is chosen; as stored at
-- $as_of when one is given. Read from the sums of action_counts when neither a province nor a moment is given
-- (a bound null prunes the other branch when the query is planned).
with rows_in_view as (
    select year, quarter, pillar, action_code, committed_plans > 0 as committed
    from action_counts
    where $province is null
        and $as_of is null
        and ($pillar is null or pillar = $pillar)
        and ($agency is null or agency_code = $agency)
        and (not coalesce($national_only, false) or national)

    union all

    select year, quarter, pillar, action_code, committed
    from current_rows_at($as_of)
    where ($province is not null or $as_of is not null)
        and ($pillar is null or pillar = $pillar)
        and ($agency is null or agency_code = $agency)
        and ($province is null or province_code = $province)
        and (not coalesce($national_only, false) or province_code is null)
),

actions as (
    select year, quarter, pillar, action_code, bool_or(committed) as committed
    from rows_in_view
    group by year, quarter, pillar, action_code
),

actions_all_pillars as (
    select year, quarter, action_code, bool_or(committed) as committed
    from rows_in_view
    group by year, quarter, action_code
)

select
    year,
    quarter,
    pillar,
    count(*) as planned,
    count(*) filter (where committed) as committed,
    count(*) filter (where committed) / count(*) as rate
from actions
group by year, quarter, pillar

union all

select
    year,
    quarter,
    null as pillar,
    count(*) as planned,
    count(*) filter (where committed) as committed,
    count(*) filter (where committed) / count(*) as rate
from actions_all_pillars
group by year, quarter

order by year, quarter, pillar nulls first
