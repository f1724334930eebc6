-- Two versions of a submission row by row, matched on (year, quarter, K/L, pillar, action code, province),
-- restricted to the (K/L, year, quarter, pillar) slices both uploads hold: added, removed, changed or same.
with shared_slices as (
    select distinct agency_code, year, quarter, pillar
    from submission_rows
    where upload_id = $old_upload_id
    intersect
    select distinct agency_code, year, quarter, pillar
    from submission_rows
    where upload_id = $new_upload_id
),

old_rows as (
    select r.*
    from submission_rows as r
    inner join shared_slices using (agency_code, year, quarter, pillar)
    where r.upload_id = $old_upload_id
),

new_rows as (
    select r.*
    from submission_rows as r
    inner join shared_slices using (agency_code, year, quarter, pillar)
    where r.upload_id = $new_upload_id
),

matched as (
    select
        coalesce(n.year, o.year) as year,
        coalesce(n.quarter, o.quarter) as quarter,
        coalesce(n.agency_code, o.agency_code) as agency_code,
        coalesce(n.pillar, o.pillar) as pillar,
        coalesce(n.action_code, o.action_code) as action_code,
        coalesce(n.province_code, o.province_code) as province_code,
        o.upload_id is not null as in_old,
        n.upload_id is not null as in_new,
        o.committed as old_committed,
        n.committed as new_committed,
        o.status as old_status,
        n.status as new_status,
        o.target as old_target,
        n.target as new_target,
        o.realization as old_realization,
        n.realization as new_realization,
        o.action is distinct from n.action
        or o.output is distinct from n.output
        or o.obstacles is distinct from n.obstacles
        or o.follow_up is distinct from n.follow_up
        or o.notes is distinct from n.notes as text_changed
    from old_rows as o
    full outer join new_rows as n
        on o.year = n.year
        and o.quarter = n.quarter
        and o.agency_code = n.agency_code
        and o.pillar = n.pillar
        and o.action_code = n.action_code
        and o.province_code is not distinct from n.province_code
)

select
    *,
    case
        when not in_old then 'added'
        when not in_new then 'removed'
        when old_committed is distinct from new_committed
            or old_status is distinct from new_status
            or old_target is distinct from new_target
            or old_realization is distinct from new_realization
            or text_changed then 'changed'
        else 'same'
    end as change,
    in_old and in_new and old_committed is distinct from new_committed as committed_flipped
from matched
order by agency_code, year, quarter, pillar, action_code, province_code nulls first
