-- The measures that need the catalogue (the catalogue as it was at $as_of), for the counted rows, in one read:
-- report coverage (catalogue actions of the year with at least one counted row ÷ catalogue actions of the year),
-- lead commitment (actions planned, i.e. in the counted rows, that their own lead K/L committed ÷ actions planned)
-- and cumulative implementation of the period through $year (the period's catalogue actions committed in the
-- counted rows of at least one year of the period up to $year ÷ the period's catalogue actions). Within the pillar
-- filter, and with a K/L filter the actions it leads or supports. catalogue_total = 0: the year's period has no
-- catalogue. Read from the per-data-version sums (counted_actions, action_counts) when no province and no moment
-- is given, else from the rows (a bound null prunes the other branch when the query is planned).
with counted as materialized (
    select action_code, agency_code, committed
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
),

catalogue_actions_then as (
    select a.version_id, a.action_code, a.lead_agency, a.pillar
    from active_catalogue_at($as_of) as v
    inner join catalogue_actions as a on v.version_id = a.version_id
    where v.period_code = $period
),

filtered as (
    select c.action_code
    from catalogue_actions_then as c
    where ($pillar is null or c.pillar = $pillar)
        and (
            $agency is null
            or c.lead_agency = $agency
            or exists (
                select 1
                from catalogue_supporting as s
                where s.version_id = c.version_id and s.action_code = c.action_code and s.agency_code = $agency
            )
        )
),

year_catalogue as (
    select version_id, action_code, lead_agency, pillar
    from catalogue_of_year_at($as_of)
    where year = $year
),

catalogue as (
    select c.action_code
    from year_catalogue as c
    where c.action_code in (select action_code from filtered)
),

planned as (
    select distinct action_code
    from counted
),

committed_by_lead as (
    select distinct k.action_code
    from counted as k
    inner join year_catalogue as c on k.action_code = c.action_code and k.agency_code = c.lead_agency
    where k.committed
),

-- Each year's counted rows: per (K/L, pillar), its latest reported quarter of the year (of $year: the chosen quarter
-- when one is), with the filters applied; written out over the years at once rather than one call per year.
latest as (
    select agency_code, pillar, year, max(quarter) as quarter
    from active_slices_at($as_of)
    where year between $first_year and $year
        and (year < $year or $quarter is null or quarter = $quarter)
    group by agency_code, pillar, year
),

committed_in_period as (
    select c.action_code
    from action_counts as c
    inner join latest as l
        on c.agency_code = l.agency_code
        and c.pillar = l.pillar
        and c.year = l.year
        and c.quarter = l.quarter
    where $province is null
        and $as_of is null
        and c.year between $first_year and $year
        and c.committed_plans > 0
        and ($pillar is null or c.pillar = $pillar)
        and ($agency is null or c.agency_code = $agency)
        and (not coalesce($national_only, false) or c.national)

    union

    select r.action_code
    from current_rows_at($as_of) as r
    inner join latest as l
        on r.agency_code = l.agency_code
        and r.pillar = l.pillar
        and r.year = l.year
        and r.quarter = l.quarter
    where ($province is not null or $as_of is not null)
        and r.committed
        and r.year between $first_year and $year
        and ($pillar is null or r.pillar = $pillar)
        and ($agency is null or r.agency_code = $agency)
        and ($province is null or r.province_code = $province)
        and (not coalesce($national_only, false) or r.province_code is null)
)

select
    (select count(*) from year_catalogue) as catalogue_total,
    (select count(*) from catalogue) as catalogue,
    (select count(*) from catalogue where action_code in (select action_code from planned)) as reported,
    (select count(*) from planned) as planned,
    (select count(*) from committed_by_lead) as committed_by_lead,
    (select count(*) from filtered) as period_catalogue,
    (select count(*) from filtered where action_code in (select action_code from committed_in_period))
        as period_committed
