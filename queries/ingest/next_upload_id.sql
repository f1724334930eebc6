select nextval('upload_id_seq') as upload_id
