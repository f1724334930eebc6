-- Whether the period of a year has an action catalogue (the catalogue rules are skipped when it has none), by the
-- catalogue active at $as_of (null: now).
select exists (
    select 1
    from periods as p
    inner join active_catalogue_at($as_of) as v on p.code = v.period_code
    where $year between p.first_year and p.last_year
) as has_catalogue
