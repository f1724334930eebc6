-- Run by every write transaction before it commits, after sync_place_counts_delete: the active rows of each active
-- slice version not summed yet, summed per province (see migration 010).
insert into place_counts
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
    r.province_code,
    count(*),
    count(*) filter (where r.committed)
from current_rows as r
inner join missing as m
    on r.agency_code = m.agency_code
    and r.year = m.year
    and r.quarter = m.quarter
    and r.pillar = m.pillar
    and r.upload_id = m.upload_id
group by all
