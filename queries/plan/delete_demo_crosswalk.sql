delete from crosswalk
where is_demo
