-- K/L commitment rate: that K/L's committed action codes over its action codes.
with actions as (
    select agency_code, action_code, bool_or(committed) as committed
    from counted_actions(
        $year, $quarter, $pillar, $agency, $province, $national_only, sel_as_of := $as_of
    )
    group by agency_code, action_code
)

select
    a.agency_code,
    g.short_name,
    g.name,
    g.name_en,
    count(*) as planned,
    count(*) filter (where a.committed) as committed,
    count(*) filter (where a.committed) / count(*) as rate
from actions as a
left join agencies as g on a.agency_code = g.code
group by a.agency_code, g.short_name, g.name, g.name_en
order by rate desc, planned desc, a.agency_code
