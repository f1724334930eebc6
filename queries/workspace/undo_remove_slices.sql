-- Undoing an upload: the slices it added (no earlier version) have no active version any more.
delete from active_slices
where upload_id = $upload_id
