-- Benchmark fixture only: $row_count synthetic submission rows spread over every K/L, year 2022-2024,
-- quarter and pillar (one upload per K/L, year and quarter); about 60 action codes per pillar.
insert into submission_rows
with codes as (
    select
        (select list(code order by code) from agencies) as agency_codes,
        (select list(code order by code) from provinces) as province_codes
),

numbered as (
    select
        i,
        i % (49 * 3 * 4 * 3) as slice,
        (hash(i) % 1000000)::bigint as noise
    from range($row_count) as r(i)
),

placed as (
    select
        n.i,
        n.noise,
        n.slice % 49 as agency_index,
        (n.slice // 49) % 3 + 1 as pillar,
        (n.slice // 147) % 4 + 1 as quarter,
        2022 + n.slice // 588 as year,
        n.slice % 49 + 49 * (n.slice // 147) + 1 as upload_id,
        c.agency_codes,
        c.province_codes
    from numbered as n, codes as c
)

select
    upload_id,
    year,
    quarter,
    list_extract(agency_codes, (agency_index + 1)::bigint) as agency_code,
    pillar,
    pillar || '.' || ((i // 1764) % 5 + 1) || '.' || ((i // 8820) % 12 + 1) as action_code,
    'Aksi sintetis' as action,
    list_extract(province_codes, noise % 40 + 1) as province_code,
    noise % 10 < 7 as committed,
    ['not_started', 'in_progress', 'completed', 'not_implemented'][(noise // 10) % 4 + 1] as status,
    case when noise % 3 = 0 then null else 100.0 end as target,
    case when noise % 3 = 0 then null else ((noise // 40) % 130)::double end as realization,
    null as output,
    -- One row in five reports an obstacle: eight kinds, each written in about 500 ways (as real texts vary), so
    -- that the obstacle page codes thousands of distinct texts; half of them have a follow-up.
    case when noise % 5 = 0 then [
        'Keterbatasan anggaran akibat refocusing',
        'Koordinasi antarinstansi belum optimal',
        'Kekurangan personel pelaksana',
        'Belum ada payung hukum di daerah',
        'Data sasaran belum mutakhir',
        'Akses ke lokasi sulit',
        'Jadwal kegiatan terlambat',
        'Penolakan sebagian masyarakat'
    ][(noise // 5) % 8 + 1] || ' (catatan ' || (noise // 40) % 500 || ')' end as obstacles,
    case when noise % 5 = 0 and noise % 2 = 0 then 'Ditindaklanjuti pada triwulan berikutnya' end as follow_up,
    null as notes,
    null as extra,
    'bench' as source_sheet,
    i as source_row
from placed
