-- The rules that read one row at a time, over the staged rows of the view's quarter (every quarter when $quarter is
-- null), one finding per row and rule broken:
-- - not_committed_but_done: committed "Tidak" (no), yet status Selesai (completed) or a realization above 0;
-- - completed_below_target: status Selesai (completed), yet a realization below the target;
-- - realization_above_target: a realization above its target by more than $factor times (a target of 0 sets no
--   scale and is left out);
-- - rate_parts_disagree: a text of a row that states a rate with its parts ("12 dari 14 aksi (79%)", "12 of 14 …
--   79%") where the parts give another rate: 100 × count ÷ total differs from the stated percentage by 1 point or
--   more (rounding is allowed). Counts may carry thousands separators ("1.250 dari 2.000"); a percentage may have
--   decimals ("62,5%"). Only the first such statement of each text is read; a digit or a sentence break (. ; or a
--   new line) between the parts and the percentage stops a match.
with in_view as (
    select *
    from checked_rows
    where $quarter is null or quarter = $quarter
),

texts as (
    unpivot (
        select *
        from in_view
        where contains(action, '%')
            or contains(output, '%')
            or contains(obstacles, '%')
            or contains(follow_up, '%')
            or contains(notes, '%')
    )
    on action, output, obstacles, follow_up, notes
    into name field value text
),

stated as (
    select
        *,
        regexp_extract(
            text,
            '(?i)((\d[\d.,]*)\s*(?:dari|of)\s*(\d[\d.,]*)[^0-9%.;\n]*?(\d+(?:[.,]\d+)?)\s*%)',
            ['whole', 'count', 'total', 'percent']
        ) as found
    from texts
    where contains(text, '%')
),

parsed as (
    select
        *,
        try_cast(regexp_replace(found.count, '[.,]', '', 'g') as double) as stated_count,
        try_cast(regexp_replace(found.total, '[.,]', '', 'g') as double) as stated_total,
        try_cast(replace(found.percent, ',', '.') as double) as stated_percent
    from stated
    where found.count <> ''
),

findings as (
    select
        *,
        'not_committed_but_done' as rule,
        to_json(struct_pack(
            completed := coalesce(status = 'completed', false),
            realization := realization
        ))::varchar as details
    from in_view
    where not committed
        and (status = 'completed' or realization > 0)

    union all by name

    select
        *,
        'completed_below_target' as rule,
        to_json(struct_pack(target := target, realization := realization))::varchar as details
    from in_view
    where status = 'completed'
        and realization < target

    union all by name

    select
        *,
        'realization_above_target' as rule,
        to_json(struct_pack(
            target := target,
            realization := realization,
            ratio := realization / target,
            factor := $factor
        ))::varchar as details
    from in_view
    where target > 0
        and realization > target * $factor

    union all by name

    select
        *,
        'rate_parts_disagree' as rule,
        to_json(struct_pack(
            field := field,
            excerpt := found.whole,
            count := stated_count,
            total := stated_total,
            percent := stated_percent,
            computed := 100 * stated_count / stated_total
        ))::varchar as details
    from parsed
    where stated_total > 0
        and abs(100 * stated_count / stated_total - stated_percent) >= 1
)

select
    rule,
    agency_code,
    action_code,
    year,
    quarter,
    province_code,
    upload_id,
    file_name,
    source_sheet,
    source_row,
    incoming,
    details
from findings
