-- The slices an upload holds lose their active version (ingest/activate_slices follows).
delete from active_slices
where (agency_code, year, quarter, pillar) in (select agency_code, year, quarter, pillar from incoming_rows)
