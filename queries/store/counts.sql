select
    (select count(*) from uploads) as uploads,
    (select count(*) from uploads where status = 'refused') as refused,
    (select count(*) from submission_rows) as rows_stored,
    (select count(*) from current_rows) as rows_active,
    (select count(*) from active_slices) as slices,
    (select count(*) from uploads where is_demo) as demo_uploads
