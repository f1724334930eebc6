-- The shared store only: the original bytes of each upload (the embedded store keeps them as files in uploads/).
create table if not exists upload_originals (archive_path varchar not null, content blob not null)
