-- Inside the removal of the demo data, before its uploads are deleted: their original files go with them.
delete from upload_originals
where archive_path in (select archive_path from uploads where is_demo and archive_path is not null)
