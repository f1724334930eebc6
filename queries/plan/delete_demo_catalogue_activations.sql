-- The demo's catalogue versions go with the demo: their rows of catalogue_activations.
delete from catalogue_activations
where version_id in (select version_id from catalogue_versions where is_demo)
