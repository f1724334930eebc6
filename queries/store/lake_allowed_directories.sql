-- The shared store only, before external access is switched off: its data files' folder stays reachable.
set allowed_directories = [$data_path]
