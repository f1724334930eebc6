select version from data_version
