insert into catalogue_activations (activation_id, period_code, version_id, activated_at, activated_by)
values ($activation_id, $period, $version_id, $activated_at, $activated_by)
