delete from settings
where key = $key
