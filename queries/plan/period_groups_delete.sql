delete from period_groups
where period_code = $period
