-- The measures that need the catalogue, for the counted rows: report coverage (catalogue actions of the year with
-- at least one counted row ÷ catalogue actions of the year) and lead commitment (actions planned, i.e. in the
-- counted rows, that their own lead K/L committed ÷ actions planned). Within the pillar filter, and with a K/L
-- filter the actions it leads or supports. catalogue_total = 0: the year's period has no catalogue. The counted
-- rows are read twice: materialised once.
with counted as materialized (
    select action_code, agency_code, committed
    from counted_rows(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
),

year_catalogue as (
    select version_id, action_code, lead_agency, pillar
    from catalogue_of_year
    where year = $year
),

catalogue as (
    select c.action_code
    from year_catalogue as c
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

planned as (
    select distinct action_code
    from counted
),

committed_by_lead as (
    select distinct k.action_code
    from counted as k
    inner join year_catalogue as c on k.action_code = c.action_code and k.agency_code = c.lead_agency
    where k.committed
)

select
    (select count(*) from year_catalogue) as catalogue_total,
    (select count(*) from catalogue) as catalogue,
    (select count(*) from catalogue where action_code in (select action_code from planned)) as reported,
    (select count(*) from planned) as planned,
    (select count(*) from committed_by_lead) as committed_by_lead
