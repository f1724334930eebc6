insert into periods (code, name, name_en, legal_basis, first_year, last_year, group_word, group_word_en, illustrative)
values ($code, $name, $name_en, $legal_basis, $first_year, $last_year, $group_word, $group_word_en, $illustrative)
