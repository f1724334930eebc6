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
}
