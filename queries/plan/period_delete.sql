delete from periods
where code = $code
