delete from catalogue_versions
where is_demo
