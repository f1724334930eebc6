select code, name, name_en, legal_basis, first_year, last_year, group_word, group_word_en, illustrative
from periods
order by first_year, code
