insert into obstacle_themes (theme, position, name, name_en, words, words_en)
values ($theme, $position, $name, $name_en, $words, $words_en)
