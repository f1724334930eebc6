-- Run by every write transaction before it commits, after sync_action_counts_delete: the active rows of each active
-- slice version not summed yet, summed (see migration 010). Nothing to do when no slice changed.
insert into action_counts
with missing as (
    select agency_code, year, quarter, pillar, upload_id
    from active_slices
    except
    select agency_code, year, quarter, pillar, upload_id
    from counted_slices
)

select
    r.agency_code,
    r.year,
    r.quarter,
    r.pillar,
    r.upload_id,
    r.action_code,
    r.province_code is null,
    count(*),
    count(*) filter (where r.committed),
    sum(least(r.realization / r.target, 1.0)::decimal(38, 18))
        filter (where r.target > 0 and r.realization is not null),
    count(*) filter (where r.target > 0 and r.realization is not null)
from current_rows as r
inner join missing as m
    on r.agency_code = m.agency_code
    and r.year = m.year
    and r.quarter = m.quarter
    and r.pillar = m.pillar
    and r.upload_id = m.upload_id
group by all
