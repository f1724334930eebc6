-- The rows of measures/catalogue_measures for every view of $year without a province or a moment (the catalogue as
-- it is now), from the sums of action_counts: per quarter chosen (null: each K/L and pillar at its latest quarter of
-- the year), pillar (null: all), K/L (null: all) and national rows only or not. $period and $first_year: the year's
-- plan period and its first year. Read once per data version and year; a view's catalogue cards are then a look-up
-- (ranpe.measures.dashboard.view_catalogue_figures). A view with no row here has every figure 0 but catalogue_total.
-- Each view's measures count action codes by what is true of them in the view, so every fact below is one action
-- code in the views it belongs to: a counted row (planned; committed by its year's lead; committed in the period),
-- an earlier year's committed row (committed in the period, whatever quarter of $year is chosen), and a catalogue
-- action of the period under its pillar and under its lead and each supporting K/L (in the year's catalogue or not).
with latest as (
    select year, agency_code, pillar, max(quarter) as quarter
    from active_slices
    where year between $first_year and $year
    group by year, agency_code, pillar
),

quarters as (
    select unnest([null, 1, 2, 3, 4]::integer []) as quarter
),

national_views as (
    select unnest([false, true]) as national_only
),

year_catalogue as (
    select action_code, lead_agency
    from catalogue_of_year_at(null)
    where year = $year
),

period_catalogue as (
    select a.version_id, a.action_code, a.lead_agency, a.pillar
    from active_catalogue_at(null) as v
    inner join catalogue_actions as a on v.version_id = a.version_id
    where v.period_code = $period
),

chosen as (
    select quarter, agency_code, pillar, action_code, national, committed_plans > 0 as committed
    from action_counts
    where year = $year

    union all

    select null as quarter, c.agency_code, c.pillar, c.action_code, c.national, c.committed_plans > 0 as committed
    from action_counts as c
    inner join latest as l
        on c.year = l.year
        and c.agency_code = l.agency_code
        and c.pillar = l.pillar
        and c.quarter = l.quarter
    where c.year = $year
),

earlier as (
    select distinct c.agency_code, c.pillar, c.action_code, c.national
    from action_counts as c
    inner join latest as l
        on c.year = l.year
        and c.agency_code = l.agency_code
        and c.pillar = l.pillar
        and c.quarter = l.quarter
    where c.year >= $first_year and c.year < $year and c.committed_plans > 0
),

facts as (
    select
        c.quarter,
        n.national_only,
        c.pillar,
        c.agency_code,
        c.action_code,
        true as planned,
        coalesce(c.committed and c.agency_code = y.lead_agency, false) as committed_by_lead,
        c.committed as committed_in_period,
        false as in_period_catalogue,
        false as in_year_catalogue
    from chosen as c
    inner join national_views as n on c.national or not n.national_only
    left join year_catalogue as y on c.action_code = y.action_code

    union all

    select
        q.quarter,
        n.national_only,
        e.pillar,
        e.agency_code,
        e.action_code,
        false,
        false,
        true,
        false,
        false
    from earlier as e
    inner join national_views as n on e.national or not n.national_only
    cross join quarters as q

    union all

    select
        q.quarter,
        n.national_only,
        c.pillar,
        k.agency_code,
        c.action_code,
        false,
        false,
        false,
        true,
        c.action_code in (select action_code from year_catalogue)
    from period_catalogue as c
    inner join (
        select version_id, action_code, lead_agency as agency_code
        from period_catalogue

        union

        select s.version_id, s.action_code, s.agency_code
        from catalogue_supporting as s
        inner join period_catalogue as p on s.version_id = p.version_id and s.action_code = p.action_code
    ) as k on c.version_id = k.version_id and c.action_code = k.action_code
    cross join quarters as q
    cross join national_views as n
),

per_action as (
    select
        quarter,
        national_only,
        pillar,
        agency_code,
        grouping(pillar) = 1 as all_pillars,
        grouping(agency_code) = 1 as all_agencies,
        bool_or(planned) as planned,
        bool_or(committed_by_lead) as committed_by_lead,
        bool_or(committed_in_period) as committed_in_period,
        bool_or(in_period_catalogue) as in_period_catalogue,
        bool_or(in_year_catalogue) as in_year_catalogue
    from facts
    group by grouping sets (
        (quarter, national_only, pillar, agency_code, action_code),
        (quarter, national_only, pillar, action_code),
        (quarter, national_only, agency_code, action_code),
        (quarter, national_only, action_code)
    )
)

select
    quarter,
    pillar,
    agency_code,
    national_only,
    all_pillars,
    all_agencies,
    (select count(*) from year_catalogue) as catalogue_total,
    count(*) filter (where in_year_catalogue) as catalogue,
    count(*) filter (where in_year_catalogue and planned) as reported,
    count(*) filter (where planned) as planned,
    count(*) filter (where committed_by_lead) as committed_by_lead,
    count(*) filter (where in_period_catalogue) as period_catalogue,
    count(*) filter (where in_period_catalogue and committed_in_period) as period_committed
from per_action
group by quarter, pillar, agency_code, national_only, all_pillars, all_agencies
