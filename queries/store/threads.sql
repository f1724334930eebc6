-- How many threads DuckDB runs each query on in this process (Store(threads=...): the web app reads on one).
set threads = $threads
