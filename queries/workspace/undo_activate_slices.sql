-- Undoing an upload: the earlier version of each slice becomes the active one again (parallel lists), after
-- workspace/undo_deactivate_slices in the same transaction.
insert into active_slices
select
    unnest($agencies) as agency_code,
    unnest($years) as year,
    unnest($quarters) as quarter,
    unnest($pillars) as pillar,
    unnest($upload_ids) as upload_id,
    $activated_at as activated_at
