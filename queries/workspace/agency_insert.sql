insert into agencies (code, name, short_name, name_en, aliases, active_from, active_to)
values ($code, $name, $short_name, $name_en, $aliases, $active_from, $active_to)
