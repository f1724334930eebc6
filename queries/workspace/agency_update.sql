update agencies
set name = $name,
    short_name = $short_name,
    name_en = $name_en,
    aliases = $aliases,
    active_from = $active_from,
    active_to = $active_to
where code = $code
