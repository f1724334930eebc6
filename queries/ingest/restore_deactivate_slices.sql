-- The slices of the upload being restored lose their active version (ingest/restore_activate_slices follows).
delete from active_slices
where (agency_code, year, quarter, pillar) in (
    select agency_code, year, quarter, pillar from submission_rows where upload_id = $upload_id
)
