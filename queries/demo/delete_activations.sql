delete from slice_activations
where upload_id in (select upload_id from uploads where is_demo)
