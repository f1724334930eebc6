-- The K/L expected to report in a year: those with any active row that year, and, when asked, every K/L
-- the reference data lists as active that year.
with reporting as (
    select distinct agency_code as code
    from active_slices
    where year = $year
),

listed as (
    select code
    from agencies
    where $include_reference
        and (active_from is null or active_from <= $year)
        and (active_to is null or active_to >= $year)
)

select e.code, a.short_name, a.name, a.name_en
from (select code from reporting union select code from listed) as e
left join agencies as a on e.code = a.code
order by coalesce(a.short_name, e.code)
