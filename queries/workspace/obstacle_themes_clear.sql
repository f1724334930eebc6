delete from obstacle_themes
