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
    working_group varchar not null default '',
    aliases varchar not null default ''
);

-- Today's pillars become the groups of the first period (the period itself comes from periods.csv, seeded in the
-- same transaction); names and aliases edited in this store are kept.
insert into period_groups
select 'RANPE-2020', pillar, name, name_en, working_group, aliases
from pillars;
