-- The next catalogue version id and activation id (allocated inside the writing transaction).
select
    (select coalesce(max(version_id), 0) + 1 from catalogue_versions) as version_id,
    (select coalesce(max(activation_id), 0) + 1 from catalogue_activations) as activation_id
