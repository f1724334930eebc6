-- Refused catalogue imports (DOMAIN.md: a refused file is stored not at all, yet recorded in the history with its
-- problems). A refused catalogue leaves no version and no original: only the attempt, as a refused upload does in
-- uploads. Numbered with the uploads (ingest/next_upload_id counts both tables): one number per file received, so
-- that the upload history lists submissions and catalogue refusals in one sequence. No primary key (the shared
-- store has none): the number is allocated by the code that writes, inside its transaction.
create table catalogue_refusals (
    upload_id integer not null,
    period_code varchar,                    -- given at import or named by the file; null when neither
    file_name varchar not null,             -- as the user named it; for display only
    sha256 varchar not null,
    uploaded_at timestamp not null,
    uploaded_by varchar not null,
    error_count integer not null,
    errors varchar not null                 -- JSON list of problems, as uploads.errors
);
