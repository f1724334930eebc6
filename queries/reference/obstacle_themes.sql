-- The obstacle-theme dictionary, in its order.
select theme, name, name_en, words, words_en
from obstacle_themes
order by position, theme
