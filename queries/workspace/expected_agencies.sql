-- The K/L of a year on the completeness page: those with any active row that year (reported: the K/L expected
-- by the reporting-completeness measure of DOMAIN.md) and those the reference data lists as active that year
-- (listed), each flagged; ordered by short name, case-insensitively.
with reporting as (
    select distinct agency_code as code
    from active_slices
    where year = $year
),

listed as (
    select code
    from agencies
    where (active_from is null or active_from <= $year)
        and (active_to is null or active_to >= $year)
)

select
    e.code,
    a.short_name,
    a.name,
    a.name_en,
    e.code in (select r.code from reporting as r) as reported,
    e.code in (select l.code from listed as l) as listed
from (select code from reporting union select code from listed) as e
left join agencies as a on e.code = a.code
order by lower(coalesce(a.short_name, e.code)), e.code
