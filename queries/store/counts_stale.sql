-- Run by every write transaction before it commits: how many slice versions active_slices and counted_slices do not
-- share (0: the sums the measures read are up to date, nothing to do).
select count(*) as stale
from (
    (
        select agency_code, year, quarter, pillar, upload_id
        from active_slices
        except
        select agency_code, year, quarter, pillar, upload_id
        from counted_slices
    )
    union all
    (
        select agency_code, year, quarter, pillar, upload_id
        from counted_slices
        except
        select agency_code, year, quarter, pillar, upload_id
        from active_slices
    )
)
