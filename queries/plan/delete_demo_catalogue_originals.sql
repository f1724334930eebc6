-- Inside the removal of the demo's catalogues, before their versions are deleted (shared store): their original
-- files go with them.
delete from upload_originals
where archive_path in (select archive_path from catalogue_versions where is_demo and archive_path is not null)
