-- Benchmark baseline only: every active row, as a naive page would load them all into pandas.
select year, quarter, agency_code, pillar, action_code, province_code, committed, status, target, realization
from current_rows
