"""Texts of the plan periods: the contract's refusals, the period admin (CLI and Data rujukan), the badge of an
illustrative period."""

TEXTS = {
    "expect.year_in_period": (
        "tahun dalam salah satu periode rencana aksi: {periods}",
        "a year within a plan period: {periods}",
    ),
    "given.year_no_period": (
        "Tahun {value} tidak termasuk periode rencana aksi mana pun; periode yang ada: {periods}",
        "Year {value} is in no plan period; the periods are: {periods}",
    ),
    "period.illustrative": (
        "Ilustratif: periode {period} dan temanya adalah contoh, bukan rencana aksi resmi.",
        "Illustrative: the period {period} and its themes are an example, not an official action plan.",
    ),
    "period.badge": ("ILUSTRATIF", "ILLUSTRATIVE"),
    # A group's key number beside the group chart ("Pilar 1: …", "Tema 4: 50% (2 dari 4 aksi)"), in any period.
    "period.key.group": (
        "{group}: {rate} ({committed} dari {planned} aksi)",
        "{group}: {rate} ({committed} of {planned} actions)",
    ),
    # A table's group column where rows may come from years of different periods (or the year is not at hand).
    "field.group": ("Pilar/Tema", "Pillar/Theme"),
    "period.tab": ("Periode rencana", "Plan periods"),
    "period.tab_help": (
        "Periode rencana aksi dan kelompoknya (pilar, tema). Tahun laporan menentukan periodenya: kolom Pilar/Tema "
        "dibaca sebagai kelompok periode itu. Tahun periode tidak boleh bertumpang tindih.",
        "Plan periods and their groups (pillars, themes). A report's year says its period: the Pillar/Theme column is "
        "read as a group of that period. Periods' years may not overlap.",
    ),
    "period.choose": ("Periode", "Period"),
    "period.new": ("+ Periode baru", "+ New period"),
    "period.groups_help": (
        "Kelompok: nomor 1–12, nama (Indonesia dan Inggris), alias dipisah titik koma.",
        "Groups: number 1–12, names (Indonesian and English), aliases separated by semicolons.",
    ),
    "period.col.group_word_en": ("Sebutan kelompok (Inggris)", "Group word (English)"),
    # Chart titles in a period whose groups are not pillars (a pillar period keeps dash.chart.*).
    "period.chart.by_group": ("Tingkat komitmen per {word} (aksi)", "Commitment rate by {word} (actions)"),
    "period.chart.agency_group": (
        "Tingkat komitmen K/L × {word} (aksi K/L itu)",
        "Commitment rate, K/L × {word} (its own actions)",
    ),
    "period.template": ("Periode rencana aksi templat", "The template's plan period"),
    "period.error.period_in_use": (
        "Periode {code} dipakai oleh baris tersimpan tahun {years}; tidak dapat dihapus",
        "Period {code} is used by stored rows of {years}; it cannot be removed",
    ),
    "period.removed": ("Periode {code} dihapus.", "Period {code} removed."),
    "period.col.code": ("Kode", "Code"),
    "period.col.name": ("Nama", "Name"),
    "period.col.name_en": ("Nama (Inggris)", "Name (English)"),
    "period.col.legal_basis": ("Dasar hukum", "Legal basis"),
    "period.col.years": ("Tahun", "Years"),
    "period.col.group_word": ("Sebutan kelompok", "Group word"),
    "period.col.groups": ("Kelompok", "Groups"),
    "period.col.illustrative": ("Ilustratif", "Illustrative"),
    "period.col.number": ("Nomor", "Number"),
    "period.col.aliases": ("Alias", "Aliases"),
    "period.list.empty": ("Belum ada periode.", "No period yet."),
    "period.added": ("Periode {code} disimpan ({groups} kelompok).", "Period {code} saved ({groups} groups)."),
    "period.error.code": (
        "Kode periode wajib diisi: huruf, angka, '-' atau '_' (nilai: \"{value}\")",
        "A period code is required: letters, digits, '-' or '_' (value: \"{value}\")",
    ),
    "period.error.required": ("Wajib diisi: {field}", "Required: {field}"),
    "period.error.years": (
        'Tahun periode tidak sah: "{value}" (contoh: 2026-2029, di antara 2020 dan 2030)',
        'Invalid period years: "{value}" (e.g. 2026-2029, between 2020 and 2030)',
    ),
    "period.error.overlap": (
        "Tahun {first}–{last} bertumpang tindih dengan periode {other} ({other_first}–{other_last})",
        "Years {first}–{last} overlap the period {other} ({other_first}–{other_last})",
    ),
    "period.error.exists": (
        "Periode {code} sudah ada (gunakan ubah untuk mengubahnya)",
        "Period {code} exists already (edit it instead)",
    ),
    "period.error.unknown": ("Periode {code} tidak ada", "No period {code}"),
    "period.error.no_groups": ("Periode harus punya paling sedikit satu kelompok", "A period needs at least one group"),
    "period.error.too_many_groups": (
        "Paling banyak {max} kelompok per periode (ada {count})",
        "At most {max} groups per period ({count} given)",
    ),
    "period.error.groups_file": (
        "{file}: tidak dapat dibaca ({detail})",
        "{file}: cannot be read ({detail})",
    ),
    "period.error.groups_header": (
        "{file}: kolom wajib tidak ada: {missing} (kolom: number,name,name_en,aliases)",
        "{file}: required columns missing: {missing} (columns: number,name,name_en,aliases)",
    ),
    "period.error.group_number": (
        '{file}, baris {row}, kolom number: "{value}" bukan nomor 1–{max}',
        '{file}, row {row}, column number: "{value}" is not a number 1–{max}',
    ),
    "period.error.group_duplicate": (
        "{file}, baris {row}, kolom number: nomor {value} sudah dipakai",
        "{file}, row {row}, column number: number {value} is used twice",
    ),
    "period.error.group_name": (
        "{file}, baris {row}, kolom {column}: wajib diisi",
        "{file}, row {row}, column {column}: required",
    ),
    "period.error.groups_in_use": (
        "Kelompok {numbers} dipakai oleh baris tersimpan tahun {first}–{last}; tidak dapat dihapus",
        "Groups {numbers} are used by stored rows of {first}–{last}; they cannot be removed",
    ),
    "period.error.years_in_use": (
        "Baris tersimpan tahun {years} tidak lagi termasuk periode mana pun",
        "Stored rows of {years} would be in no period",
    ),
}
