-- Cumulative implementation of a period through a year: the period's catalogue actions (within the pillar filter;
-- with a K/L filter, those it leads or supports) and how many of them were committed in the counted rows of at
-- least one year of the period up to $year. Each year's counted rows are those of counted_rows: per (K/L, pillar),
-- its latest reported quarter of the year (of $year: the chosen quarter when one is), with the filters applied;
-- written out over the years at once rather than one counted_rows call per year.
with latest as (
    select agency_code, pillar, year, max(quarter) as quarter
    from active_slices_at($as_of)
    where year between $first_year and $year
        and (year < $year or $quarter is null or quarter = $quarter)
    group by agency_code, pillar, year
),

catalogue as (
    select a.action_code
    from active_catalogue as v
    inner join catalogue_actions as a on v.version_id = a.version_id
    where v.period_code = $period
        and ($pillar is null or a.pillar = $pillar)
        and (
            $agency is null
            or a.lead_agency = $agency
            or exists (
                select 1
                from catalogue_supporting as s
                where s.version_id = a.version_id and s.action_code = a.action_code and s.agency_code = $agency
            )
        )
),

committed as (
    select distinct r.action_code
    from current_rows_at($as_of) as r
    inner join latest as l
        on r.agency_code = l.agency_code
        and r.pillar = l.pillar
        and r.year = l.year
        and r.quarter = l.quarter
    where r.committed
        and r.year between $first_year and $year
        and ($pillar is null or r.pillar = $pillar)
        and ($agency is null or r.agency_code = $agency)
        and ($province is null or r.province_code = $province)
        and (not coalesce($national_only, false) or r.province_code is null)
)

select
    (select count(*) from catalogue) as catalogue,
    (select count(*) from catalogue where action_code in (select action_code from committed)) as committed
