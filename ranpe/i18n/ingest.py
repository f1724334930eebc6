"""Texts of the ingest: what a refused file is told, what a stored file reports."""

TEXTS = {
    # What a value should have been.
    "expect.year": ("tahun 2020–2030 (angka atau teks)", "a year 2020–2030 (number or text)"),
    "expect.quarter": (
        'triwulan 1–4, I–IV, "TW III", "Triwulan III", "Q3" atau "TW 3"',
        'a quarter 1–4, I–IV, "TW III", "Triwulan III", "Q3" or "TW 3"',
    ),
    "expect.agency": (
        "kode, nama singkat, nama lengkap atau alias K/L dari daftar rujukan",
        "a K/L code, short name, full name or alias from the reference list",
    ),
    "expect.pillar": (
        '{word} 1–{last}, I–{roman}, "{Word} 2" atau nama {word} dari {period}',
        'a {word} 1–{last}, I–{roman}, "{Word} 2" or a {word}\'s name of {period}',
    ),
    "expect.action_code": ("kode aksi berupa teks, misalnya 1.2.3", "an action code as text, such as 1.2.3"),
    "expect.province": (
        'kode BPS, nama atau alias provinsi; kosong, "-" atau "Nasional" untuk nasional',
        'a province\'s BPS code, name or alias; blank, "-" or "Nasional" for national',
    ),
    "expect.committed": ("Ya/Tidak, Y/T, Yes/No, 1/0 atau ✓", "Ya/Tidak, Y/T, Yes/No, 1/0 or ✓"),
    "expect.status": (
        "Belum dimulai, Dalam proses, Selesai atau Tidak terlaksana",
        "Not started, In progress, Completed or Not implemented",
    ),
    "expect.number": ("angka ≥ 0, misalnya 1.234,5 atau 85%", "a number ≥ 0, such as 1,234.5 or 85%"),
    "expect.number_ambiguous": (
        'angka yang jelas: "{value}" bisa berarti {thousands} (ribuan) atau {decimal} (desimal), dan tidak ada '
        "angka lain di berkas ini yang menunjukkan gayanya; tulis {thousands_spelling} untuk {thousands} atau "
        "{decimal_spelling} untuk {decimal}",
        'an unambiguous number: "{value}" may mean {thousands} (thousands) or {decimal} (a decimal), and no other '
        "number in this file shows its style; write {thousands_spelling} for {thousands} or {decimal_spelling} "
        "for {decimal}",
    ),
    "expect.number_conflict": (
        'angka yang jelas: "{value}" bisa berarti {thousands} (ribuan) atau {decimal} (desimal), dan berkas ini '
        "memakai gaya Indonesia (1.234,5) dan Inggris (1,234.5) sekaligus; tulis {thousands_spelling} untuk "
        "{thousands} atau {decimal_spelling} untuk {decimal}",
        'an unambiguous number: "{value}" may mean {thousands} (thousands) or {decimal} (a decimal), and this '
        "file mixes Indonesian (1.234,5) and English (1,234.5) styles; write {thousands_spelling} for {thousands} "
        "or {decimal_spelling} for {decimal}",
    ),
    # Row and file problems.
    "problem.invalid": ("Nilai tidak sah; yang diharapkan: {expected}", "Invalid value; expected: {expected}"),
    "problem.did_you_mean": ("Mungkin maksudnya {suggestion}?", "Did you mean {suggestion}?"),
    "problem.required": ("Wajib diisi: {field}", "Required: {field}"),
    "problem.missing_column": (
        "Kolom {field} tidak ada; tambahkan kolomnya atau isi {field} saat mengunggah",
        "Column {field} is missing; add the column or give {field} at upload",
    ),
    "problem.missing_required_column": ("Kolom wajib {field} tidak ada", "Required column {field} is missing"),
    "problem.contradicts_given": (
        "Bertentangan dengan {field} yang diberikan saat unggah ({given})",
        "Contradicts the {field} given at upload ({given})",
    ),
    "problem.duplicate_column": (
        'Kolom "{other}" dan kolom ini sama-sama berarti {field}',
        'This column and "{other}" both mean {field}',
    ),
    "problem.duplicate_key": (
        "Baris ini dan baris {other_row} (lembar {other_sheet}) punya kunci yang sama (tahun, triwulan, K/L, "
        "kode aksi, provinsi) dengan isi yang berbeda",
        "This row and row {other_row} (sheet {other_sheet}) have the same key (year, quarter, K/L, action "
        "code, province) with different contents",
    ),
    "warning.duplicate_identical": (
        "Baris ini sama persis dengan baris {other_row} (lembar {other_sheet}); dihitung sekali",
        "This row is identical to row {other_row} (sheet {other_sheet}); counted once",
    ),
    "problem.formula_no_value": (
        "Rumus tanpa nilai tersimpan; buka dan simpan ulang berkas di Excel, atau tulis nilainya",
        "A formula with no stored value; open and save the file in Excel again, or type the value",
    ),
    "problem.no_header": (
        "Tidak ada lembar terlihat dengan baris judul kolom yang dikenali (minimal tiga kolom kontrak di 20 "
        "baris pertama)",
        "No visible sheet has a recognisable header row (at least three contract columns within the first 20 rows)",
    ),
    "problem.no_rows": ("Ada baris judul kolom tetapi tidak ada baris data", "There is a header row but no data rows"),
    "problem.too_big": (
        "Berkas {size} MB melebihi batas {limit} MB",
        "The file is {size} MB, over the limit of {limit} MB",
    ),
    "problem.too_big_unpacked": (
        "Isi berkas bila dibuka {size} MB melebihi batas {limit} MB",
        "The file unpacks to {size} MB, over the limit of {limit} MB",
    ),
    "problem.zip_bomb": (
        "Berkas dikompresi secara tidak wajar (rasio {ratio}:1); ditolak demi keamanan",
        "The file is compressed abnormally (ratio {ratio}:1); refused for safety",
    ),
    "problem.too_many_rows": (
        "Lembar {sheet} punya {rows} baris, melebihi batas {limit}",
        "Sheet {sheet} has {rows} rows, over the limit of {limit}",
    ),
    "problem.empty_file": ("Berkas kosong", "The file is empty"),
    "problem.macro": (
        "Buku kerja dengan makro (.xlsm) tidak diterima; simpan sebagai .xlsx",
        "Macro-enabled workbooks (.xlsm) are not accepted; save as .xlsx",
    ),
    "problem.bad_extension": (
        "Hanya berkas .xlsx atau .csv yang diterima",
        "Only .xlsx or .csv files are accepted",
    ),
    "problem.not_xlsx": (
        "Berkas ini bukan buku kerja Excel .xlsx yang sah (isinya {found})",
        "This file is not a valid Excel .xlsx workbook (its content is {found})",
    ),
    "problem.not_csv": (
        "Berkas ini bukan teks CSV (isinya {found})",
        "This file is not CSV text (its content is {found})",
    ),
    "problem.xml_entities": (
        "Berkas memuat deklarasi DTD/entitas XML; ditolak demi keamanan",
        "The file contains an XML DTD/entity declaration; refused for safety",
    ),
    "problem.encoding": (
        "Teks CSV tidak dapat dibaca sebagai UTF-8 atau Windows-1252",
        "The CSV text cannot be read as UTF-8 or Windows-1252",
    ),
    "problem.unreadable": ("Berkas tidak dapat dibaca: {detail}", "The file cannot be read: {detail}"),
    "problem.too_many_errors": (
        "… dan {more} masalah lain (total {total}); perbaiki yang di atas lalu unggah ulang",
        "… and {more} more problems ({total} in all); fix the ones above and upload again",
    ),
    "found.zip": ("arsip ZIP", "a ZIP archive"),
    "found.ole": (
        "buku kerja Excel lama (.xls) atau dokumen biner Office",
        "an old Excel (.xls) or binary Office document",
    ),
    "found.binary": ("data biner", "binary data"),
    "found.text": ("teks", "text"),
    "found.pdf": ("dokumen PDF", "a PDF document"),
    # Results.
    "result.stored": ("Disimpan: {rows} baris (unggahan #{upload_id})", "Stored: {rows} rows (upload #{upload_id})"),
    "result.replaced": (
        "Menggantikan {count} kombinasi K/L–tahun–triwulan–pilar yang sudah ada",
        "Replaced {count} existing K/L–year–quarter–pillar combinations",
    ),
    "result.unchanged": (
        "Tidak berubah: isi yang sama sudah diimpor pada {when} (unggahan #{upload_id})",
        "Unchanged: the same content was first imported on {when} (upload #{upload_id})",
    ),
    "result.refused": (
        "Ditolak: {count} masalah; tidak ada yang disimpan",
        "Refused: {count} problems; nothing was stored",
    ),
    "sheet.read": ("dibaca", "read"),
    "sheet.hidden": ("dilewati (tersembunyi)", "skipped (hidden)"),
    "sheet.no_header": (
        "dilewati (tanpa baris judul kolom, mis. petunjuk)",
        "skipped (no header row, e.g. instructions)",
    ),
    "column.extra": ("kolom tambahan (disimpan apa adanya)", "extra column (kept as is)"),
    "column.row_number": ("nomor urut (diabaikan)", "running number (ignored)"),
    "column.letter": ("Kolom {letter}", "Column {letter}"),
    "given.unknown_agency": ("K/L tidak dikenal: {value}", "Unknown K/L: {value}"),
    "given.bad_year": ("Tahun tidak sah: {value}", "Invalid year: {value}"),
    "given.bad_quarter": ("Triwulan tidak sah: {value}", "Invalid quarter: {value}"),
    "store.in_use": (
        "Basis data {path} sedang dipakai proses lain (mis. aplikasi yang berjalan). Hentikan aplikasi "
        "atau unggah lewat aplikasi.",
        "The database {path} is in use by another process (e.g. the running app). Stop the app or upload "
        "through the app.",
    ),
}
