insert into upload_originals values ($archive_path, $content)
