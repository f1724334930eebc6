select content
from upload_originals
where archive_path = $archive_path
