-- The next upload id, allocated inside the serialised write (the shared store has no sequences): above every id
-- ever used, counting the uploads since removed (the demo's), which the audit log still names, and the refused
-- catalogue and crosswalk imports, numbered with the uploads.
select greatest(
    (select coalesce(max(upload_id), 0) from uploads),
    (select coalesce(max(upload_id), 0) from catalogue_refusals),
    (select coalesce(max(upload_id), 0) from crosswalk_refusals),
    (select coalesce(max(try_cast(json_extract_string(details, '$.upload_id') as integer)), 0) from audit_log)
) + 1 as upload_id
