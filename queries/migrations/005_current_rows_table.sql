-- The active rows become a table kept up by every write (ingest, restore, demo removal) in the same
-- transaction, instead of a view joining every stored version with active_slices on each read: the
-- dashboard's measures at 10 million rows spent most of their time in that join.
drop macro table counted_rows;

create table current_rows_table as
select *
from current_rows;

drop view current_rows;

alter table current_rows_table rename to current_rows;

create macro counted_rows(sel_year, sel_quarter, sel_pillar, sel_agency, sel_province, national_only) as table
with latest as (
    select agency_code, pillar, max(quarter) as quarter
    from active_slices
    where year = sel_year
        and (sel_quarter is null or quarter = sel_quarter)
    group by agency_code, pillar
)
select r.*
from current_rows as r
inner join latest as l
    on r.agency_code = l.agency_code
    and r.pillar = l.pillar
    and r.quarter = l.quarter
where r.year = sel_year
    and (sel_pillar is null or r.pillar = sel_pillar)
    and (sel_agency is null or r.agency_code = sel_agency)
    and (sel_province is null or r.province_code = sel_province)
    and (not coalesce(national_only, false) or r.province_code is null);
