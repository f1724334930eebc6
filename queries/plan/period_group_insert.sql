insert into period_groups (period_code, number, name, name_en, short_name, short_name_en, working_group, aliases)
values ($period, $number, $name, $name_en, $short_name, $short_name_en, $working_group, $aliases)
