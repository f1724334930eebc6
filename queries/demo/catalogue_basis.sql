-- What the demo's catalogue of a period is made from: per action, K/L and year of the period, the stored rows.
select
    action_code,
    min(pillar) as pillar,
    min(action) as action,
    agency_code,
    year,
    bool_or(committed) as committed,
    count(*) as row_count
from current_rows
where year between $first_year and $last_year
group by action_code, agency_code, year
order by action_code, agency_code, year
