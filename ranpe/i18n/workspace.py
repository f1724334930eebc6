"""Texts of the analyst workspace: upload, history, completeness, reference data, sign-in and the audit log."""

TEXTS = {
    "ws.all": ("Semua", "All"),
    "ws.save": ("Simpan", "Save"),
    # Roles and access.
    "ws.role.viewer": ("pemirsa", "viewer"),
    "ws.role.analyst": ("analis", "analyst"),
    "ws.role.admin": ("admin", "admin"),
    "ws.access.needs_role": (
        "Halaman ini untuk peran {role} ke atas; peran Anda: {current}.",
        "This page is for the {role} role and above; your role: {current}.",
    ),
    "ws.auth.off": (
        "Masuk (sign-in) tidak aktif: setiap pengguna dapat mengunggah dan mengubah data.",
        "Sign-in is off: everyone can upload and change data.",
    ),
    "ws.auth.mode.off": ("masuk tidak aktif", "sign-in is off"),
    "ws.auth.mode.local": ("pengguna lokal", "local users"),
    "ws.auth.mode.oidc": ("OIDC (st.login)", "OIDC (st.login)"),
    "ws.auth.sign_in": ("Masuk", "Sign in"),
    "ws.auth.sign_out": ("Keluar", "Sign out"),
    "ws.auth.please_sign_in": ("Silakan masuk untuk melanjutkan.", "Please sign in to continue."),
    "ws.auth.user_name": ("Nama pengguna", "User name"),
    "ws.auth.password": ("Kata sandi", "Password"),
    "ws.auth.wrong": ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
    "ws.auth.locked": (
        "Terlalu banyak percobaan gagal; coba lagi dalam {seconds} detik.",
        "Too many failed attempts; try again in {seconds} seconds.",
    ),
    "ws.auth.signed_in_as": ("Masuk sebagai {name} ({role})", "Signed in as {name} ({role})"),
    # Table columns.
    "ws.col.file": ("Berkas", "File"),
    "ws.col.sheet": ("Sheet", "Sheet"),
    "ws.col.row": ("Baris", "Row"),
    "ws.col.column": ("Kolom", "Column"),
    "ws.col.value": ("Nilai", "Value"),
    "ws.col.expected": ("Yang diharapkan", "Expected"),
    "ws.col.severity": ("Tingkat", "Severity"),
    "ws.col.sheet_status": ("Keadaan", "State"),
    "ws.col.header_row": ("Baris judul kolom", "Header row"),
    "ws.col.header": ("Judul kolom di berkas", "Header in the file"),
    "ws.col.field": ("Menjadi", "Became"),
    "ws.col.rows": ("Baris", "Rows"),
    "ws.col.status": ("Status", "Status"),
    "ws.col.errors": ("Kesalahan", "Errors"),
    "ws.col.warnings": ("Peringatan", "Warnings"),
    "ws.col.when": ("Waktu", "When"),
    "ws.col.who": ("Oleh", "By"),
    "ws.col.periods": ("Periode", "Periods"),
    "ws.col.version": ("Versi", "Version"),
    "ws.col.committed": ("Dikomitmenkan", "Committed"),
    "ws.col.active": ("Aktif", "Active"),
    "ws.col.change": ("Perubahan", "Change"),
    "ws.col.committed_before": ("Komitmen sebelum", "Committed before"),
    "ws.col.committed_after": ("Komitmen sesudah", "Committed after"),
    "ws.col.flipped": ("Komitmen berubah", "Commitment flipped"),
    "ws.col.code": ("Kode", "Code"),
    "ws.col.full_name": ("Nama lengkap", "Full name"),
    "ws.col.deadline": ("Batas waktu", "Deadline"),
    "ws.col.days_overdue": ("Hari terlambat", "Days overdue"),
    "ws.col.rate": ("Tingkat pelaporan", "Reporting rate"),
    "ws.col.action": ("Tindakan", "Action"),
    "ws.col.details": ("Rincian", "Details"),
    "ws.col.old_value": ("Nilai lama", "Old value"),
    "ws.col.new_value": ("Nilai baru", "New value"),
    "ws.col.role": ("Peran", "Role"),
    "ws.col.rows_now": ("Barisnya sekarang", "Its rows now"),
    "ws.col.after_undo": ("Sesudah dibatalkan", "After undoing"),
    "ws.col.version_now": ("Versi sekarang", "Version now"),
    "ws.col.rows_restored": ("Baris yang dipulihkan", "Rows restored"),
    "ws.col.in_rate": ("Dihitung di tingkat", "Counted in the rate"),
    "ws.col.expected_kl": ("K/L diharapkan", "K/L expected"),
    "ws.col.rows_in_file": ("Baris di berkas", "Rows in the file"),
    "ws.col.effect": ("Bila disimpan", "When stored"),
    "ws.col.kl": ("K/L", "K/L"),
    "ws.col.period": ("Periode", "Period"),
    "ws.col.replaced_when": ("Diunggah", "Uploaded"),
    "ws.col.replaced_file": ("Berkasnya", "Its file"),
    "ws.col.replaced_rows": ("Barisnya", "Its rows"),
    "ws.severity.error": ("kesalahan", "error"),
    "ws.severity.warning": ("peringatan", "warning"),
    "ws.status.checked": ("siap disimpan", "ready to store"),
    "ws.status.refused": ("ditolak", "refused"),
    "ws.status.stored": ("disimpan", "stored"),
    "ws.status.unchanged": ("tidak berubah", "unchanged"),
    "ws.mapping.extra": ("(kolom tambahan, disimpan terpisah)", "(extra column, kept aside)"),
    "ws.mapping.row_number": ("(nomor baris)", "(row number)"),
    "ws.report.problems_sheet": ("Masalah", "Problems"),
    "ws.report.files_sheet": ("Berkas", "Files"),
    # Upload.
    "ws.upload.title": ("Unggah laporan", "Upload reports"),
    "ws.upload.intro": (
        "Periksa berkas .xlsx/.csv dari K/L sebelum disimpan. Berkas yang memuat kesalahan tidak disimpan sama "
        "sekali; semua masalahnya ditampilkan dan dapat diunduh untuk dikirim kembali ke K/L.",
        "Check .xlsx/.csv files from the K/L before storing them. A file with errors is not stored at all; every "
        "problem is shown and can be downloaded to send back to the K/L.",
    ),
    "ws.upload.template": ("Unduh templat laporan", "Download the report template"),
    "ws.upload.template_help": (
        "Templat berisi judul kolom yang dikenali, daftar pilihan dan petunjuk pengisian.",
        "The template holds the recognised headers, lists of choices and instructions.",
    ),
    "ws.upload.template_id": ("Templat (Bahasa Indonesia)", "Template (Indonesian)"),
    "ws.upload.template_en": ("Templat (Bahasa Inggris)", "Template (English)"),
    "ws.upload.template_file": ("templat-laporan-ran-pe.xlsx", "ran-pe-report-template.xlsx"),
    "ws.upload.files": ("Berkas", "Files"),
    "ws.upload.choose": ("Pilih satu atau beberapa berkas .xlsx atau .csv", "Choose one or more .xlsx or .csv files"),
    "ws.upload.choose_help": ("Paling besar {limit} MB per berkas.", "At most {limit} MB per file."),
    "ws.upload.drop_button": ("Pilih berkas", "Choose files"),
    "ws.upload.drop_limit": ("Paling besar {limit} MB per berkas • {types}", "At most {limit} MB per file • {types}"),
    "ws.upload.drop_here": ("Tarik dan lepas berkas di sini", "Drag and drop files here"),
    "ws.upload.given": (
        "Untuk berkas tanpa kolom tahun, triwulan atau K/L",
        "For files without a year, quarter or K/L column",
    ),
    "ws.upload.given_help": (
        "Nilai yang dipilih berlaku untuk seluruh berkas; nilai di berkas yang bertentangan adalah kesalahan.",
        "A value chosen here applies to the whole file; a value in the file that contradicts it is an error.",
    ),
    "ws.upload.from_file": ("(dari berkas)", "(from the file)"),
    "ws.upload.nothing_yet": (
        "Belum ada berkas. Pilih berkas di atas: isinya diperiksa dulu, belum disimpan.",
        "No file yet. Choose files above: they are checked first, not stored yet.",
    ),
    "ws.upload.checking": ("Memeriksa berkas…", "Checking files…"),
    "ws.upload.checking_file": ("Memeriksa {file}…", "Checking {file}…"),
    "ws.upload.too_big": (
        "Berkas terlalu besar: {size} MB (batas {limit} MB).",
        "The file is too big: {size} MB (limit {limit} MB).",
    ),
    "ws.upload.ready": (
        "**{file}**: siap disimpan, {rows} baris tanpa kesalahan.",
        "**{file}**: ready to store, {rows} rows without errors.",
    ),
    "ws.upload.refused": (
        "**{file}**: tidak dapat disimpan, {count} kesalahan. Perbaiki berkasnya lalu unggah lagi.",
        "**{file}**: cannot be stored, {count} errors. Fix the file and upload it again.",
    ),
    "ws.upload.found": (
        "Baris dibaca: **{rows}** · K/L: **{agencies}** · Periode: **{periods}** · Pilar: **{pillars}**",
        "Rows read: **{rows}** · K/L: **{agencies}** · Periods: **{periods}** · Pillars: **{pillars}**",
    ),
    "ws.upload.filter_all": ("Semua", "All"),
    "ws.upload.record_refusals": ("Catat penolakan di riwayat", "Record the refusal in the history"),
    "ws.upload.understood": ("Yang terbaca dari berkas", "What was understood of the file"),
    "ws.upload.sheets": ("Sheet yang dibaca dan dilewati", "Sheets read and skipped"),
    "ws.upload.mapping": ("Kolom → isian", "Column → field"),
    "ws.upload.warnings": (
        "{count} peringatan (misalnya baris kembar yang identik, dihitung sekali).",
        "{count} warnings (such as identical duplicate rows, counted once).",
    ),
    "ws.upload.problems": ("Masalah", "Problems"),
    "ws.upload.problems_capped": (
        "Total {total} kesalahan; yang ditampilkan dibatasi.",
        "{total} errors in all; the list shown is capped.",
    ),
    "ws.upload.problems_shown": ("{shown} dari {total} masalah", "{shown} of {total} problems"),
    "ws.upload.search": ("Cari", "Search"),
    "ws.upload.error_report": ("Unduh laporan kesalahan (.xlsx)", "Download the error report (.xlsx)"),
    "ws.upload.error_report_file": ("laporan-kesalahan.xlsx", "error-report.xlsx"),
    "ws.upload.refused_recorded": (
        "Berkas yang ditolak dicatat di riwayat beserta kesalahannya saat Anda menekan tombol di bawah; tidak ada "
        "barisnya yang disimpan.",
        "Refused files are recorded in the history with their errors when you press the button below; none of "
        "their rows are stored.",
    ),
    "ws.upload.store": ("Simpan ({count} berkas siap)", "Store ({count} files ready)"),
    "ws.upload.storing": ("Menyimpan…", "Storing…"),
    "ws.upload.storing_file": ("Menyimpan {file}…", "Storing {file}…"),
    "ws.upload.done": ("Selesai", "Done"),
    "ws.upload.stored_detail": (
        "K/L {agencies}; periode {periods}; pilar {pillars}",
        "K/L {agencies}; periods {periods}; pillars {pillars}",
    ),
    "ws.upload.replaced_slice": (
        "menggantikan {agency} {year} {quarter} pilar {pillar} (sebelumnya unggahan #{previous})",
        "replaces {agency} {year} {quarter} pillar {pillar} (previously upload #{previous})",
    ),
    "ws.upload.rows_preview": ("Baris sebagaimana akan disimpan", "The rows as they will be stored"),
    "ws.upload.rows_preview_count": (
        "{shown} baris pertama dari {total}; nama dibaca dari data rujukan.",
        "The first {shown} of {total} rows; names as read from the reference data.",
    ),
    "ws.upload.plan": ("Yang diganti dan yang baru", "What it replaces and what it adds"),
    "ws.upload.plan_summary": (
        "Menyimpan berkas ini menggantikan {replaced} kombinasi K/L–tahun–triwulan–pilar dan menambah {added} "
        "yang baru; kombinasi lain tidak berubah, versi yang diganti tetap di riwayat.",
        "Storing this file replaces {replaced} K/L–year–quarter–pillar combinations and adds {added} new ones; "
        "other combinations are untouched, and the replaced versions stay in the history.",
    ),
    "ws.upload.plan_new": ("baru (belum ada versi)", "new (no version yet)"),
    "ws.upload.plan_replaces": ("menggantikan unggahan #{upload_id}", "replaces upload #{upload_id}"),
    # History.
    "ws.history.title": ("Riwayat unggahan", "Upload history"),
    "ws.history.intro": (
        "Setiap unggahan: siapa, kapan, berkas, baris dan status. Versi lama dapat dipulihkan atau dibandingkan.",
        "Every upload: who, when, file, rows and status. Earlier versions can be restored or compared.",
    ),
    "ws.history.uploads": ("Unggahan", "Uploads"),
    "ws.history.none": ("Belum ada unggahan.", "No uploads yet."),
    "ws.history.one_upload": ("Satu unggahan", "One upload"),
    "ws.history.choose_upload": ("Unggahan", "Upload"),
    "ws.history.download_original": ("Unduh berkas asli", "Download the original file"),
    "ws.history.no_original": (
        "Berkas asli unggahan #{upload_id} tidak ada.",
        "The original of upload #{upload_id} is not available.",
    ),
    "ws.history.confirm_restore": (
        "Saya yakin: jadikan unggahan #{upload_id} versi aktif lagi (versi sekarang tetap di riwayat)",
        "I am sure: make upload #{upload_id} the active version again (the current version stays in the history)",
    ),
    "ws.history.restore": ("Pulihkan unggahan #{upload_id}", "Restore upload #{upload_id}"),
    "ws.history.restored": (
        "Unggahan #{upload_id} aktif lagi untuk {count} kombinasi K/L–tahun–triwulan–pilar.",
        "Upload #{upload_id} is active again for {count} K/L–year–quarter–pillar combinations.",
    ),
    "ws.history.cannot_restore": (
        "Unggahan #{upload_id} tidak dapat dipulihkan (tidak ada atau ditolak).",
        "Upload #{upload_id} cannot be restored (it does not exist or was refused).",
    ),
    "ws.history.is_active": ("Unggahan ini adalah versi aktif.", "This upload is the active version."),
    "ws.history.chain": ("Versi per K/L dan triwulan", "Versions per K/L and quarter"),
    "ws.history.chain_help": (
        "Setiap pilar dari laporan satu K/L untuk satu triwulan, semua versinya dari yang tertua; ● = aktif.",
        "Each pillar of one K/L's report for one quarter, every version oldest first; ● = active.",
    ),
    "ws.history.no_chain": ("Tidak ada laporan untuk pilihan ini.", "No report for this choice."),
    "ws.history.one_version": ("Hanya ada satu versi.", "There is only one version."),
    "ws.history.compare": ("Bandingkan dua versi", "Compare two versions"),
    "ws.history.older": ("Versi lama", "Older version"),
    "ws.history.newer": ("Versi baru", "Newer version"),
    "ws.history.flipped": ("Komitmen berubah", "Commitments flipped"),
    "ws.history.no_differences": ("Kedua versi sama.", "The two versions are the same."),
    "ws.upload_status.active": ("aktif", "active"),
    "ws.upload_status.partly_active": (
        "aktif untuk {active} dari {held} kombinasi",
        "active for {active} of {held} combinations",
    ),
    "ws.upload_status.replaced": ("digantikan", "replaced"),
    "ws.history.undo_title": ("Batalkan unggahan ini", "Undo this upload"),
    "ws.history.undo_help": (
        "Setiap kombinasi K/L–tahun–triwulan–pilar yang kini datang dari unggahan ini kembali ke versi sebelumnya; "
        "kombinasi tanpa versi sebelumnya tidak lagi dihitung. Kombinasi lain tidak berubah, dan unggahan ini tetap "
        "di riwayat serta dapat dipulihkan.",
        "Each K/L–year–quarter–pillar combination this upload now provides goes back to its previous version; a "
        "combination with no previous version is no longer counted. Other combinations are untouched, and this "
        "upload stays in the history and can be restored.",
    ),
    "ws.history.undo_confirm": (
        "Saya yakin: batalkan unggahan #{upload_id} untuk {count} kombinasi seperti pada tabel",
        "I am sure: undo upload #{upload_id} for the {count} combinations in the table",
    ),
    "ws.history.undo": ("Batalkan unggahan #{upload_id}", "Undo upload #{upload_id}"),
    "ws.history.undone": (
        "Unggahan #{upload_id} dibatalkan: {back} kombinasi kembali ke versi sebelumnya, {removed} kini tanpa versi.",
        "Upload #{upload_id} undone: {back} combinations are back to their previous version, {removed} now have "
        "no version.",
    ),
    "ws.history.cannot_undo": (
        "Unggahan #{upload_id} tidak dapat dibatalkan: tidak ada kombinasi yang kini datang darinya.",
        "Upload #{upload_id} cannot be undone: no combination comes from it now.",
    ),
    "ws.history.restore_title": ("Pulihkan unggahan ini", "Restore this upload"),
    "ws.history.restore_help": (
        "Unggahan ini menjadi versi aktif lagi untuk kombinasi pada tabel; versi yang sekarang tetap di riwayat.",
        "This upload becomes the active version again for the combinations in the table; the current versions "
        "stay in the history.",
    ),
    "ws.history.no_version": ("tanpa versi (tidak dihitung)", "no version (not counted)"),
    "ws.history.rows": ("{rows} baris", "{rows} rows"),
    "ws.history.chain_of": (
        "Versi setiap kombinasi unggahan #{upload_id}",
        "Versions of each combination of upload #{upload_id}",
    ),
    "ws.history.chain_of_help": (
        "Setiap kombinasi K/L–tahun–triwulan–pilar yang dimuat unggahan ini, semua versinya dari yang tertua; "
        "● = aktif, ◀ = unggahan yang dipilih.",
        "Each K/L–year–quarter–pillar combination this upload holds, every version oldest first; ● = active, "
        "◀ = the chosen upload.",
    ),
    "ws.history.compare_help": (
        "Baris per baris, pada kombinasi yang dimuat kedua versi.",
        "Row by row, over the combinations both versions hold.",
    ),
    "ws.upload_status.refused": ("ditolak", "refused"),
    "ws.upload_status.demo": ("demo", "demo"),
    "ws.change.added": ("Baris baru", "Rows added"),
    "ws.change.removed": ("Baris dihapus", "Rows removed"),
    "ws.change.changed": ("Baris berubah", "Rows changed"),
    "ws.change.same": ("Sama", "Same"),
    # Completeness.
    "ws.completeness.title": ("Kelengkapan pelaporan", "Reporting completeness"),
    "ws.completeness.intro": (
        "Per K/L dan triwulan: dilaporkan tepat waktu, terlambat, atau belum, terhadap batas waktu tiap triwulan.",
        "Per K/L and quarter: reported on time, late, or missing, against each quarter's deadline.",
    ),
    "ws.completeness.include_reference": (
        "Tampilkan juga K/L data rujukan yang belum punya laporan tahun ini",
        "Also show the reference data's K/L with no report this year",
    ),
    "ws.completeness.include_help": (
        "Mereka masuk matriks dan daftar pengingat, tetapi tidak dihitung di tingkat pelaporan: yang diharapkan "
        "adalah K/L yang punya laporan di tahun ini (definisi tingkat kelengkapan di dasbor).",
        "They join the matrix and the reminder list but are not counted in the reporting rate: the K/L expected "
        "are those with any report this year (the dashboard's completeness definition).",
    ),
    "ws.completeness.expected_help": (
        "Tingkat pelaporan = K/L yang melapor untuk triwulan itu ÷ {count} K/L yang diharapkan, yaitu yang punya "
        "laporan di {year} (seperti di dasbor).",
        "Reporting rate = K/L that reported for the quarter ÷ the {count} K/L expected, those with any report in "
        "{year} (as on the dashboard).",
    ),
    "ws.completeness.reference_only": (
        "{count} K/L lain aktif pada {year} menurut data rujukan tetapi belum punya laporan; mereka tidak dihitung "
        "di tingkat pelaporan: {names}",
        "{count} more K/L are active in {year} in the reference data but have no report; they are not counted in "
        "the reporting rate: {names}",
    ),
    "ws.completeness.no_reports_yet": (
        "Belum ada K/L yang melapor untuk {year}. Yang diharapkan di bawah adalah {count} K/L yang aktif pada {year} "
        "menurut data rujukan.",
        "No K/L has reported for {year} yet. The K/L expected below are the {count} active in {year} in the "
        "reference data.",
    ),
    "ws.completeness.rate_counts": (
        "{submitted} dari {expected} K/L melapor",
        "{submitted} of {expected} K/L reported",
    ),
    "ws.completeness.rate_not_due": (
        "belum jatuh tempo ({due}); {submitted} dari {expected} K/L sudah melapor",
        "not yet due ({due}); {submitted} of {expected} K/L have reported so far",
    ),
    "ws.completeness.in_rate": ("ya", "yes"),
    "ws.completeness.not_in_rate": (
        "tidak: hanya di data rujukan, tanpa laporan tahun ini",
        "no: in the reference data only, no report this year",
    ),
    "ws.completeness.deadlines": (
        "Batas waktu: {days} hari setelah triwulan berakhir",
        "Deadlines: {days} days after the quarter ends",
    ),
    "ws.completeness.deadlines_help": (
        "Tepat waktu = versi pertama tiba paling lambat pada batas waktu.",
        "On time = the first version arrived by the deadline.",
    ),
    "ws.completeness.days": ("Hari setelah triwulan berakhir", "Days after the quarter ends"),
    "ws.completeness.set_date": ("Tetapkan tanggal triwulan ini", "Set this quarter's date"),
    "ws.completeness.clear_date": ("Kembali ke aturan umum", "Back to the general rule"),
    "ws.completeness.none": (
        "Tidak ada K/L yang diharapkan melapor untuk {year}: belum ada laporan, dan data rujukan tidak mencatat K/L "
        "yang aktif pada tahun itu.",
        "No K/L is expected to report for {year}: there is no report, and the reference data lists no K/L active "
        "that year.",
    ),
    "ws.completeness.rate": ("Pelaporan {quarter}", "Reporting {quarter}"),
    "ws.completeness.rate_help": (
        "Tepat waktu {on_time}, terlambat {late}, belum {missing}, belum jatuh tempo {not_due}",
        "On time {on_time}, late {late}, missing {missing}, not yet due {not_due}",
    ),
    "ws.completeness.matrix": ("K/L × triwulan", "K/L × quarter"),
    "ws.completeness.legend": (
        "✓ tepat waktu · ! terlambat · ✗ belum melapor (lewat batas waktu) · … belum jatuh tempo",
        "✓ on time · ! late · ✗ missing (past the deadline) · … not yet due",
    ),
    "ws.completeness.not_reported": ("Belum melapor", "Not reported"),
    "ws.completeness.not_reported_count": (
        "{count} K/L belum melapor untuk {quarter} (batas waktu {due}).",
        "{count} K/L have not reported for {quarter} (deadline {due}).",
    ),
    "ws.completeness.all_reported": (
        "Semua K/L sudah melapor untuk {quarter}.",
        "Every K/L has reported for {quarter}.",
    ),
    "ws.completeness.download_xlsx": ("Unduh matriks (.xlsx)", "Download the matrix (.xlsx)"),
    "ws.completeness.download_csv": ("Unduh daftar belum melapor (.csv)", "Download the not-reported list (.csv)"),
    "ws.completeness.file": ("kelengkapan-pelaporan", "reporting-completeness"),
    "ws.completeness.missing_file": ("belum-melapor", "not-reported"),
    "ws.completeness.matrix_sheet": ("Matriks", "Matrix"),
    "ws.completeness.rates_sheet": ("Tingkat per triwulan", "Rate per quarter"),
    "ws.completeness.missing_sheet": ("Belum melapor", "Not reported"),
    "ws.state.on_time": ("tepat waktu", "on time"),
    "ws.state.late": ("terlambat", "late"),
    "ws.state.missing": ("belum", "missing"),
    "ws.state.not_due": ("belum jatuh tempo", "not yet due"),
    "ws.deadline.bad_days": ("Jumlah hari tidak sah: {days}", "Invalid number of days: {days}"),
    # Reference data.
    "ws.reference.title": ("Data rujukan", "Reference data"),
    "ws.reference.intro": (
        "Perubahan dicatat dan berlaku mulai unggahan berikutnya; laporan yang sudah tersimpan tidak diubah.",
        "Changes are audited and apply from the next upload; stored reports are not rewritten.",
    ),
    "ws.reference.agencies": ("K/L", "K/L"),
    "ws.reference.provinces": ("Provinsi", "Provinces"),
    "ws.reference.changes": ("Riwayat perubahan", "Change history"),
    "ws.reference.changes_help": (
        "Setiap perubahan data rujukan: nilai lama dan baru.",
        "Every reference-data edit: old and new value.",
    ),
    "ws.reference.audit": ("Log audit", "Audit log"),
    "ws.reference.users": ("Pengguna", "Users"),
    "ws.reference.users_help": (
        "Mode masuk: {mode}. Pengguna lokal dikelola dengan `python -m ranpe users add|list|set-role|remove|passwd` "
        "(berkas {path}).",
        "Sign-in mode: {mode}. Local users are managed with `python -m ranpe users add|list|set-role|remove|passwd` "
        "(file {path}).",
    ),
    "ws.reference.edit_agency": ("Ubah K/L", "Edit a K/L"),
    "ws.reference.rename_help": (
        "K/L yang berganti nama (misalnya reorganisasi kementerian 2024) tetap memakai kodenya dan riwayatnya; "
        "nama lamanya otomatis menjadi alias.",
        "A renamed K/L (such as the 2024 reorganisation of ministries) keeps its code and history; its former "
        "names become aliases automatically.",
    ),
    "ws.reference.add_agency": ("Tambah K/L", "Add a K/L"),
    "ws.reference.add": ("Tambah", "Add"),
    "ws.reference.name": ("Nama resmi", "Official name"),
    "ws.reference.short_name": ("Nama singkat", "Short name"),
    "ws.reference.name_en": ("Nama dalam bahasa Inggris", "English name"),
    "ws.reference.aliases": ("Alias (satu per baris)", "Aliases (one per line)"),
    "ws.reference.aliases_inline": ("Alias (pisahkan dengan ;)", "Aliases (separated by ;)"),
    "ws.reference.aliases_help": (
        "Ejaan lain yang dipakai K/L di berkasnya; tidak boleh sama dengan ejaan entri lain.",
        "Other spellings used in files; none may equal another entry's spelling.",
    ),
    "ws.reference.active_from": ("Aktif sejak tahun", "Active from year"),
    "ws.reference.active_to": ("Aktif sampai tahun", "Active to year"),
    "ws.reference.active_years": ("Tahun aktif", "Active years"),
    "ws.reference.saved": ("{code}: {count} isian diubah", "{code}: {count} fields changed"),
    "ws.reference.added": ("{code} ditambahkan", "{code} added"),
    "ws.ref.bad_code": (
        "Kode tidak sah: {code} (2–32 huruf besar, angka atau _)",
        "Invalid code: {code} (2–32 capital letters, digits or _)",
    ),
    "ws.ref.code_exists": ("Kode {code} sudah ada", "Code {code} exists already"),
    "ws.ref.unknown_code": ("Kode {code} tidak ada", "Code {code} does not exist"),
    "ws.ref.name_required": ("Nama resmi dan nama singkat wajib diisi", "The official and short names are required"),
    "ws.ref.bad_year": ("Tahun tidak sah: {value}", "Invalid year: {value}"),
    "ws.ref.bad_years": (
        "Tahun aktif sejak ({active_from}) lebih besar dari sampai ({active_to})",
        "Active from ({active_from}) is after active to ({active_to})",
    ),
    "ws.ref.clash": (
        'Ejaan "{spelling}" sudah dipakai oleh {other}',
        'The spelling "{spelling}" is already used by {other}',
    ),
    # Audit log.
    "ws.audit.upload": ("unggah", "upload"),
    "ws.audit.replace": ("unggah (menggantikan)", "upload (replacing)"),
    "ws.audit.refuse": ("unggahan ditolak", "upload refused"),
    "ws.audit.restore": ("pulihkan", "restore"),
    "ws.audit.undo": ("batalkan unggahan", "undo an upload"),
    "ws.audit.remove_demo": ("hapus data demo", "remove demo data"),
    "ws.audit.reference_change": ("ubah data rujukan", "reference change"),
    "ws.audit.setting": ("ubah pengaturan", "setting change"),
    "ws.audit.export": ("ekspor", "export"),
    "ws.audit.sign_in": ("masuk", "sign-in"),
    "ws.audit.sign_in_failed": ("gagal masuk", "failed sign-in"),
    "ws.audit.sign_out": ("keluar", "sign-out"),
}
