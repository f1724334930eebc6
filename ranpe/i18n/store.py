"""Texts of the shared store (DuckLake on PostgreSQL): its catalogue unreachable, on a page and on the command line."""

TEXTS = {
    "store.unavailable": (
        "Penyimpanan bersama tidak dapat dihubungi (PostgreSQL): {detail}. Coba lagi setelah server basis data "
        "berjalan kembali.",
        "The shared store cannot be reached (PostgreSQL): {detail}. Try again once the database server is back.",
    ),
    "store.cannot_open": (
        "Basis data tidak dapat dibuka: {detail}. Berkas yang ditulis DuckDB versi lain tidak terbaca: buat ulang "
        "(mis. hapus berkasnya lalu `python -m ranpe demo`, atau pulihkan cadangan dengan `restore-backup`).",
        "The database cannot be opened: {detail}. A file written by another DuckDB version cannot be read: rebuild "
        "it (e.g. delete the file, then `python -m ranpe demo`, or restore a backup with `restore-backup`).",
    ),
    "store.unavailable_page": (
        "Data tidak dapat dibaca saat ini: server basis data (PostgreSQL) tidak dapat dihubungi. Tidak ada data "
        "yang hilang. Muat ulang halaman ini sebentar lagi.",
        "The data cannot be read right now: the database server (PostgreSQL) cannot be reached. No data is lost. "
        "Reload this page in a moment.",
    ),
    "store.tidy_done": (
        "Penyimpanan bersama dirapikan: {snapshots} snapshot DuckLake yang lebih tua dari {days} hari kedaluwarsa, "
        "{files} berkas data dihapus ({kb} KB). Semua versi data tetap tersimpan.",
        "Shared store tidied: {snapshots} DuckLake snapshots older than {days} days expired, {files} data files "
        "deleted ({kb} KB). Every version of the data is kept.",
    ),
    "store.tidy_dry_run": (
        "Uji coba, tidak ada yang diubah: {snapshots} snapshot DuckLake yang lebih tua dari {days} hari akan "
        "kedaluwarsa, {files} berkas data yang sudah disisihkan akan dihapus ({kb} KB).",
        "Dry run, nothing changed: {snapshots} DuckLake snapshots older than {days} days would expire, {files} data "
        "files already set aside would be deleted ({kb} KB).",
    ),
    "store.tidy_embedded": (
        "Basis data tertanam ({path}): tidak ada yang perlu dirapikan; DuckDB memakai ulang ruang baris yang dihapus "
        "di dalam berkasnya.",
        "Embedded store ({path}): nothing to tidy; DuckDB reuses the space of deleted rows inside its file.",
    ),
    "ws.audit.store_tidy": ("rapikan penyimpanan", "store tidy-up"),
}
