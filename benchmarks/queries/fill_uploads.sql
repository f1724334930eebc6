-- Benchmark fixture only: one stored upload for every upload_id the synthetic rows use.
insert into uploads (upload_id, file_name, sha256, content_key, uploaded_at, uploaded_by, row_count, status)
select
    upload_id,
    'bench_' || upload_id || '.csv',
    'bench',
    'bench|' || upload_id,
    make_timestamp(max(year), max(quarter) * 3, 20, 9, 0, 0),
    'bench',
    count(*),
    'stored'
from submission_rows
group by upload_id
