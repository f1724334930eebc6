-- The dictionary that codes obstacle texts into themes (DOMAIN.md, "Obstacles"), edited by admins; filled from
-- data/reference/obstacle_themes.csv when this migration is applied. A text matching no theme is "lainnya".
create table obstacle_themes (
    theme varchar primary key,
    position integer not null,             -- the order themes are listed and coloured in
    name varchar not null,
    name_en varchar not null,
    words varchar not null default '',     -- Indonesian words and phrases, ";"-separated, matched after stemming
    words_en varchar not null default ''   -- English words and phrases, ";"-separated, matched as written
);
