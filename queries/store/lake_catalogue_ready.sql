-- Run on PostgreSQL itself: whether DuckLake's catalogue is made (it creates its tables, the snapshot table among
-- them, in one transaction on the first ATTACH).
select to_regclass('ducklake_snapshot') is not null as ready
