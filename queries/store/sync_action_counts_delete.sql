-- Run by every write transaction before it commits: the sums of a slice version no longer active go.
delete from action_counts as c
where not exists (
    select 1
    from active_slices as s
    where s.agency_code = c.agency_code
        and s.year = c.year
        and s.quarter = c.quarter
        and s.pillar = c.pillar
        and s.upload_id = c.upload_id
)
