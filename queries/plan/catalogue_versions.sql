-- Every catalogue version (of one period, or of all when $period is null), newest first.
select
    v.version_id,
    v.period_code,
    v.file_name,
    v.imported_at,
    v.imported_by,
    v.action_count,
    v.is_demo,
    a.version_id is not null as active
from catalogue_versions as v
left join active_catalogue as a on v.version_id = a.version_id
where $period is null or v.period_code = $period
order by v.version_id desc
