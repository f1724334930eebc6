-- A period's catalogue version (active at $as_of; null: now); no row when it has none.
select v.version_id, v.period_code, v.file_name, v.sha256, v.imported_at, v.action_count
from active_catalogue_at($as_of) as a
inner join catalogue_versions as v on a.version_id = v.version_id
where a.period_code = $period
