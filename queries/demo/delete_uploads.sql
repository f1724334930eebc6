delete from uploads
where is_demo
