-- Refused crosswalk imports (DOMAIN.md: a refused file is stored not at all, yet recorded in the history with its
-- problems), as catalogue_refusals records refused catalogues (migration 012): no crosswalk row, no original, only
-- the attempt. Numbered with the uploads (ingest/next_upload_id counts this table too). A crosswalk names no plan
-- period of its own (a file may hold several pairs) and no K/L. No primary key (the shared store has none): the
-- number is allocated by the code that writes, inside its transaction.
create table crosswalk_refusals (
    upload_id integer not null,
    file_name varchar not null,             -- as the user named it; for display only
    sha256 varchar not null,
    uploaded_at timestamp not null,
    uploaded_by varchar not null,
    error_count integer not null,
    errors varchar not null                 -- JSON list of problems, as uploads.errors
);
