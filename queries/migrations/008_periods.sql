-- Plan periods and their groups (DOMAIN.md, "The plan itself"). A period has its own list of groups: the three
-- pillars of RAN PE 2020–2024, the themes of a later period. A group is numbered within its period; the year of a
-- submission row says which period (and so which list) its pillar number belongs to. No primary keys or
-- sequences: the shared store (DuckLake) has none; uniqueness is kept by the code that writes these tables.
create table periods (
    code varchar not null,
    name varchar not null,
    name_en varchar not null,
    legal_basis varchar not null default '',
    first_year integer not null,
    last_year integer not null,
    group_word varchar not null,           -- Pilar, Tema
    group_word_en varchar not null,        -- Pillar, Theme
    illustrative boolean not null default false
);

create table period_groups (
    period_code varchar not null,
    number integer not null,
    name varchar not null,
    name_en varchar not null,
    short_name varchar not null default '',    -- as charts name it ("Pencegahan"); the name when blank
    short_name_en varchar not null default '',
    working_group varchar not null default '',
    aliases varchar not null default ''
);

-- Today's pillars become the groups of the first period (the period itself comes from periods.csv, seeded in the
-- same transaction); names and aliases edited in this store are kept. Every reader now reads period_groups, so the
-- pillars table goes.
insert into period_groups
select
    'RANPE-2020',
    pillar,
    name,
    name_en,
    case pillar when 1 then 'Pencegahan' when 2 then 'Penegakan hukum'
        when 3 then 'Kemitraan dan kerja sama internasional' else '' end,
    case pillar when 1 then 'Prevention' when 2 then 'Law enforcement'
        when 3 then 'International partnership and cooperation' else '' end,
    working_group,
    aliases
from pillars;

drop table pillars;
