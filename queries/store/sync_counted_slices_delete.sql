-- Run after the sums are brought up to date (sync_*_counts_*): the slice versions summed are now the active ones.
delete from counted_slices
