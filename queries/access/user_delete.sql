-- A user's row, removed (or about to be written anew by access/user_insert).
delete from users
where name = $name
