"""Texts of figures as of a date: the dashboard's date filter, the source line, the CLI's --as-of."""

TEXTS = {
    "as_of.filter": ("Data per tanggal", "Data as of"),
    "as_of.filter_help": (
        "Angka seperti tersimpan pada akhir tanggal itu: unggahan, penggantian dan pemulihan sesudahnya "
        "diabaikan. Kosongkan untuk data terkini.",
        "Figures as stored at the end of that day: uploads, replacements and restores after it are ignored. "
        "Leave it empty for the current data.",
    ),
    "as_of.banner": (
        "Angka seperti tersimpan per {date}, bukan data terkini: unggahan, penggantian dan pemulihan sesudahnya "
        "diabaikan.",
        "Figures as stored on {date}, not the current data: uploads, replacements and restores after it are ignored.",
    ),
    "as_of.source": ("Data per {date} (seperti tersimpan saat itu)", "Data as of {date} (as stored then)"),
    "as_of.empty_view": (
        "Per {date} belum ada data tersimpan untuk filter ini. Kosongkan tanggal «Data per tanggal» untuk data "
        "terkini.",
        "Nothing was stored for these filters as of {date}. Clear the «Data as of» date for the current data.",
    ),
    "as_of.bad_date": (
        "«{value}» bukan tanggal ISO 8601 (contoh: 2023-10-10 atau 2023-10-10T14:30:05)",
        "«{value}» is not an ISO 8601 date (e.g. 2023-10-10 or 2023-10-10T14:30:05)",
    ),
    "as_of.nothing_stored": (
        "Per {date} belum ada data tersimpan. Kosongkan tanggal «Data per tanggal» untuk data terkini.",
        "Nothing was stored as of {date}. Clear the «Data as of» date for the current data.",
    ),
    "as_of.no_data": ("Tidak ada data untuk tahun {year} per {date}", "No data for year {year} as of {date}"),
}
