-- The archived files of the demo's catalogue versions (removed with the demo).
select version_id, archive_path
from catalogue_versions
where is_demo
