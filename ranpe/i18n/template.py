"""Texts of the submission template (sheets, instructions, drop-down messages) and of the demo data loader."""

TEXTS = {
    "template.sheet.data": ("Laporan", "Report"),
    "template.sheet.instructions": ("Petunjuk", "Instructions"),
    "template.sheet.lists": ("Daftar Referensi", "Reference lists"),
    "template.title": (
        "Templat Laporan Triwulanan RAN PE",
        "RAN PE quarterly report template",
    ),
    "template.intro": (
        "Isi satu baris untuk setiap aksi yang dilaporkan, per provinsi bila aksi dilaksanakan di daerah. "
        "Kolom bertanda * wajib diisi. Gunakan pilihan (drop-down) yang tersedia.",
        "Fill in one row per action reported, one per province when the action is carried out in a region. "
        "Columns marked * are required. Use the drop-down choices provided.",
    ),
    "template.deadline": (
        "Batas waktu: laporan triwulan disampaikan paling lambat 15 hari setelah triwulan berakhir "
        "(TW I: 15 April, TW II: 15 Juli, TW III: 15 Oktober, TW IV: 15 Januari tahun berikutnya).",
        "Deadline: each quarterly report is due at the latest 15 days after the quarter ends "
        "(Q1: 15 April, Q2: 15 July, Q3: 15 October, Q4: 15 January of the following year).",
    ),
    "template.rules": (
        "Satu baris = satu aksi satu K/L pada satu triwulan (dan satu provinsi). Jangan mengubah judul kolom; "
        "kolom tambahan boleh ditambahkan di sebelah kanan. Unggahan ulang untuk K/L, tahun, triwulan dan {word} "
        "yang sama menggantikan versi sebelumnya.",
        "One row = one K/L's action in one quarter (and one province). Do not change the column headers; extra "
        "columns may be added on the right. A new upload for the same K/L, year, quarter and {word} replaces the "
        "earlier version.",
    ),
    "template.table.column": ("Kolom", "Column"),
    "template.table.required": ("Wajib diisi", "Required"),
    "template.table.explanation_id": ("Penjelasan", "Explanation (Indonesian)"),
    "template.table.explanation_en": ("Penjelasan (bahasa Inggris)", "Explanation"),
    "template.table.accepted": ("Isian yang diterima", "Accepted values"),
    "template.required.yes": ("Ya", "Yes"),
    "template.required.no": ("Tidak", "No"),
    "template.example_title": (
        "Contoh pengisian (baris contoh ini tidak ikut tersimpan saat diunggah)",
        "Example (this example row is not stored when the file is uploaded)",
    ),
    "template.help.year": ("Tahun pelaporan.", "Reporting year."),
    "template.help.quarter": ("Triwulan yang dilaporkan.", "Quarter reported."),
    "template.help.agency": (
        "Kementerian/Lembaga pelapor: kode, singkatan atau nama lengkap.",
        "Reporting K/L (ministry/agency): code, short name or full name.",
    ),
    "template.help.pillar": ("{Word} RAN PE dari aksi.", "RAN PE {word} of the action."),
    "template.help.action_code": (
        "Kode aksi sesuai matriks RAN PE: {word}.fokus.nomor, misalnya 1.2.3.",
        "Action code from the RAN PE matrix: {word}.focus area.number, e.g. 1.2.3.",
    ),
    "template.help.action": ("Nama rencana aksi.", "Name of the action plan."),
    "template.help.province": (
        "Provinsi tempat aksi dilaksanakan; kosongkan atau isi Nasional untuk aksi tingkat pusat.",
        "Province where the action is carried out; leave blank or write National for central-level actions.",
    ),
    "template.help.committed": (
        "Apakah K/L mengkomitmenkan aksi ini pada tahun berjalan.",
        "Whether the K/L commits to this action in the current year.",
    ),
    "template.help.status": ("Status pelaksanaan pada akhir triwulan.", "Implementation status at quarter end."),
    "template.help.target": (
        "Target tahunan (angka; persentase ditulis tanpa tanda %).",
        "Annual target (a number; a percentage without the % sign).",
    ),
    "template.help.realization": (
        "Realisasi kumulatif sampai akhir triwulan, dalam satuan yang sama dengan target.",
        "Cumulative realization at quarter end, in the same unit as the target.",
    ),
    "template.help.output": (
        "Keluaran atau produk pengetahuan yang dihasilkan.",
        "Output or knowledge product delivered.",
    ),
    "template.help.obstacles": ("Hambatan atau kendala yang dihadapi.", "Obstacles or constraints met."),
    "template.help.follow_up": (
        "Tindak lanjut atau penyelesaian masalah atas hambatan.",
        "Follow-up or resolution of the obstacles.",
    ),
    "template.help.notes": ("Keterangan tambahan.", "Additional notes."),
    "template.accepted.year": ("2020–2030", "2020–2030"),
    "template.accepted.quarter": ("TW I–TW IV, 1–4, I–IV, Q1–Q4", "Q1–Q4, 1–4, I–IV, TW I–TW IV"),
    "template.accepted.agency": (
        "Lihat Daftar K/L pada lembar Daftar Referensi",
        "See the K/L list on the Reference lists sheet",
    ),
    "template.accepted.pillar": (
        "1–{last}, I–{roman}, {Word} 1, atau nama {word}",
        "1–{last}, I–{roman}, {Word} 1, or the {word}'s name",
    ),
    "template.accepted.action_code": ("Teks, misalnya 1.2.3", "Text, e.g. 1.2.3"),
    "template.accepted.text": ("Teks bebas", "Free text"),
    "template.accepted.province": (
        "Nama atau kode BPS provinsi; kosong, - atau Nasional",
        "Province name or BPS code; blank, - or National",
    ),
    "template.accepted.committed": ("Ya/Tidak, Y/T, 1/0", "Yes/No, Y/N, 1/0"),
    "template.accepted.status": (
        "Belum dimulai, Dalam proses, Selesai, Tidak terlaksana",
        "Not started, In progress, Completed, Not implemented",
    ),
    "template.accepted.number": ("Angka ≥ 0, misalnya 1.234,5", "A number ≥ 0, e.g. 1,234.5"),
    "template.list.pillar": ("Daftar {Word}", "{Word} list"),
    "template.list.pillar_name": ("Nama {Word}", "{Word} name"),
    "template.list.agency": ("Daftar K/L", "K/L list"),
    "template.list.agency_code": ("Kode K/L", "K/L code"),
    "template.list.agency_name": ("Nama lengkap K/L", "K/L full name"),
    "template.list.agency_name_en": ("Nama K/L (Inggris)", "K/L name in English"),
    "template.list.province": ("Daftar Provinsi", "Province list"),
    "template.list.province_code": ("Kode BPS", "BPS code"),
    "template.list.focus": ("Wilayah fokus", "Focus region"),
    "template.list.committed": ("Daftar Komitmen", "Commitment choices"),
    "template.list.status": ("Daftar Status", "Status choices"),
    "template.list.quarter": ("Daftar Triwulan", "Quarter choices"),
    "template.validation.error_title": ("Isian tidak sesuai", "Value not accepted"),
    "template.validation.error": (
        "Pilih salah satu isian dari daftar.",
        "Choose one of the values in the list.",
    ),
    "template.validation.year": ("Isi tahun 2020–2030.", "Enter a year from 2020 to 2030."),
    "template.example.action": (
        "Penyuluhan pencegahan ekstremisme bagi pelajar",
        "Awareness sessions on preventing extremism for students",
    ),
    "template.example.output": ("Laporan kegiatan dan daftar hadir", "Activity report and attendance list"),
    "template.example.obstacles": (
        "Jadwal kegiatan bergeser karena agenda daerah",
        "Schedule moved because of regional events",
    ),
    "template.example.follow_up": (
        "Koordinasi ulang jadwal dengan pemerintah daerah",
        "Schedule agreed again with the regional government",
    ),
    "demo.progress.year": ("Data demo {year}: {files} berkas", "Demo data {year}: {files} files"),
    "demo.progress.removed": ("Data demo lama dihapus: {count} unggahan", "Earlier demo data removed: {count} uploads"),
    "demo.progress.done": (
        "Data demo selesai dimuat: {count} unggahan dalam {seconds} detik",
        "Demo data loaded: {count} uploads in {seconds} s",
    ),
}
