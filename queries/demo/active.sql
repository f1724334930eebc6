-- Whether any demo upload currently provides active rows.
select exists (
    select 1
    from active_slices as s
    inner join uploads as u on s.upload_id = u.upload_id
    where u.is_demo
) as active
