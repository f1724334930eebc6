-- Undoing an upload: its slices lose their active version (workspace/undo_activate_slices follows; parallel lists).
delete from active_slices
where (agency_code, year, quarter, pillar) in (
    select unnest($agencies), unnest($years), unnest($quarters), unnest($pillars)
)
