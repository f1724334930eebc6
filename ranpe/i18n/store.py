"""Texts of the shared store (DuckLake on PostgreSQL): its catalogue unreachable, on a page and on the command line."""

TEXTS = {
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
    # One text per fault of the shared store (StoreUnavailable.kind), the same on a page and on the command line
    # (which adds the error's own line beneath). "unreachable" is store.unavailable_page's text.
    "store.fault_unreachable": (
        "Data tidak dapat dibaca atau disimpan saat ini: server basis data (PostgreSQL) tidak dapat dihubungi. Tidak "
        "ada data yang hilang dan tidak ada yang tersimpan setengah. Coba lagi sebentar lagi.",
        "The data cannot be read or stored right now: the database server (PostgreSQL) cannot be reached. No data is "
        "lost and nothing was half-stored. Try again in a moment.",
    ),
    "store.fault_conflict": (
        "Penulisan lain mengubah penyimpanan bersama pada saat yang sama, dan percobaan ulang tidak berhasil. Tidak "
        "ada yang tersimpan dari penulisan ini; server basis data berjalan. Coba lagi.",
        "Another write changed the shared store at the same moment, and trying again did not get through. Nothing of "
        "this write was stored; the database server is running. Try again.",
    ),
    "store.fault_data_missing": (
        "Folder data penyimpanan bersama ({path}) tidak ada atau tidak terpasang. Tidak ada yang tersimpan. Minta "
        "pengelola memasang kembali folder RANPE_LAKE_DATA.",
        "The shared store's data folder ({path}) is missing or not mounted. Nothing was stored. Ask the operator to "
        "mount the RANPE_LAKE_DATA folder again.",
    ),
    "store.fault_data_unwritable": (
        "Folder data penyimpanan bersama ({path}) tidak dapat ditulisi (hanya-baca atau tanpa izin). Tidak ada yang "
        "tersimpan setengah. Minta pengelola memberi izin tulis, lalu coba lagi.",
        "The shared store's data folder ({path}) cannot be written (read-only or no permission). Nothing was "
        "half-stored. Ask the operator to make it writable, then try again.",
    ),
    "store.fault_data_full": (
        "Folder data penyimpanan bersama ({path}) penuh. Tidak ada yang tersimpan setengah. Minta pengelola "
        "mengosongkan ruang (mis. `python -m ranpe tidy`), lalu coba lagi.",
        "The shared store's data folder ({path}) is full. Nothing was half-stored. Ask the operator to free space "
        "(e.g. `python -m ranpe tidy`), then try again.",
    ),
    "store.fault_catalogue_newer": (
        "Katalog penyimpanan bersama ditulis oleh versi DuckLake yang lebih baru ({found}; versi ini membaca "
        "{expected}). Perbarui aplikasi; tidak ada yang diubah.",
        "The shared store's catalogue was written by a newer DuckLake ({found}; this version reads {expected}). "
        "Upgrade the app; nothing was changed.",
    ),
    "store.fault_catalogue_older": (
        "Katalog penyimpanan bersama berasal dari versi DuckLake yang lebih lama ({found}; versi ini membaca "
        "{expected}). Tidak ada yang diubah; pengelola perlu memutakhirkan katalognya (lihat docs/reliability.md).",
        "The shared store's catalogue is of an older DuckLake ({found}; this version reads {expected}). Nothing was "
        "changed; the operator must upgrade the catalogue (see docs/reliability.md).",
    ),
    "store.fault_failed": (
        "Penyimpanan bersama tidak dapat dibuka. Tidak ada yang diubah.",
        "The shared store cannot be opened. Nothing was changed.",
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
