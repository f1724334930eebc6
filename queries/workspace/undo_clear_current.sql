-- Undoing an upload: its rows leave the active rows (they stay stored as its version).
delete from current_rows
where upload_id = $upload_id
