-- Run by every write transaction before it commits: a change of the active version of any slice, whichever write
-- made it (ingest, restore, demo removal, ...), goes into the history of activations (figures as of a date), at
-- the time active_slices gives it; a slice no longer active is empty from $now on. Compared with the last
-- activation recorded, so that running it again records nothing. Ids follow the highest one, in the order below
-- (allocated here, inside the serialised write: the shared store has no sequences).
insert into slice_activations (activation_id, agency_code, year, quarter, pillar, upload_id, activated_at, cause)
with last_recorded as (
    select agency_code, year, quarter, pillar, upload_id, activated_at
    from slice_activations
    qualify row_number() over (partition by agency_code, year, quarter, pillar order by activation_id desc) = 1
),

changes as (
    select
        a.agency_code,
        a.year,
        a.quarter,
        a.pillar,
        a.upload_id,
        a.activated_at,
        case when a.activated_at = u.uploaded_at then 'upload' else 'reactivated' end as cause
    from active_slices as a
    left join last_recorded as l using (agency_code, year, quarter, pillar)
    left join uploads as u on a.upload_id = u.upload_id
    where l.upload_id is distinct from a.upload_id
        or a.activated_at > l.activated_at

    union all

    select l.agency_code, l.year, l.quarter, l.pillar, null, $now, 'emptied'
    from last_recorded as l
    anti join active_slices as a using (agency_code, year, quarter, pillar)
    where l.upload_id is not null
)

select
    (select coalesce(max(activation_id), 0) from slice_activations)
    + row_number() over (order by agency_code, year, quarter, pillar, upload_id, activated_at, cause),
    agency_code,
    year,
    quarter,
    pillar,
    upload_id,
    activated_at,
    cause
from changes
order by all
