-- The data date: when the latest stored upload arrived, and whether any stored upload is demo data.
select
    max(uploaded_at) as as_of,
    count(*) as uploads_stored,
    coalesce(bool_or(is_demo), false) as any_demo
from uploads
where status = 'stored'
