-- The demo's catalogue versions go with the demo: their rows of catalogue_actions.
delete from catalogue_actions
where version_id in (select version_id from catalogue_versions where is_demo)
