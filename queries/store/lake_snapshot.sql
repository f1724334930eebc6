-- The shared store's current DuckLake snapshot: its data version (every commit of any process moves it).
select id from lake.current_snapshot()
