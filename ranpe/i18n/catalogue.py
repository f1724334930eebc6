"""Texts of the action catalogue, the crosswalk between periods and the measures that need the catalogue."""

TEXTS = {
    # The catalogue's fields (column names in problems, templates and tables).
    "field.period": ("Periode", "Period"),
    "field.focus_area": ("Fokus Kegiatan", "Focus area"),
    "field.lead_agency": ("Penanggung Jawab", "Lead agency"),
    "field.supporting_agencies": ("Instansi Terkait", "Supporting agencies"),
    "field.indicator": ("Indikator", "Indicator"),
    "field.unit": ("Satuan", "Unit"),
    "field.years": ("Tahun Pelaksanaan", "Years"),
    "field.from_period": ("Periode asal", "From period"),
    "field.from_code": ("Kode asal", "From code"),
    "field.to_period": ("Periode tujuan", "To period"),
    "field.to_code": ("Kode tujuan", "To code"),
    "field.relation": ("Hubungan", "Relation"),
    # Values expected.
    "expect.catalogue_group": (
        "nomor {word} {groups}, angka romawi, nama atau alias {word} periode ini",
        "a group number {groups}, a roman numeral, or a name or alias of this period's groups ({word})",
    ),
    "expect.catalogue_years": (
        'tahun dalam periode {first}–{last}: "2021–2024", "2022, 2023", satu tahun, atau kosong (semua tahun)',
        'years within the period {first}–{last}: "2021–2024", "2022, 2023", one year, or blank (every year)',
    ),
    "expect.catalogue_period": (
        "kode atau nama periode rencana aksi ({periods})",
        "a plan period's code or name ({periods})",
    ),
    "expect.crosswalk_relation": (
        "same, split, merged, new atau ended",
        "same, split, merged, new or ended",
    ),
    "expect.crosswalk_code": (
        "kode aksi yang ada di katalog periode {period}",
        "an action code of period {period}'s catalogue",
    ),
    # Problems of a catalogue file.
    "catalogue.no_header": (
        "Tidak ada lembar dengan judul kolom katalog aksi (misalnya Kode Aksi, Aksi, Pilar/Tema, Penanggung Jawab)",
        "No sheet has the catalogue's column headers (such as Action code, Action, Pillar/Theme, Lead agency: "
        "the lead K/L)",
    ),
    "catalogue.no_period": (
        "Periode tidak diketahui: tambahkan kolom Periode atau pilih periode saat mengimpor ({periods})",
        "The period is unknown: add a Period column or choose the period at import ({periods})",
    ),
    "catalogue.unknown_period": (
        'Periode "{value}" tidak ada; periode yang ada: {periods}',
        'There is no period "{value}"; the periods are: {periods}',
    ),
    "catalogue.other_period": (
        "Baris ini untuk periode lain; satu berkas katalog memuat satu periode ({period})",
        "This row is for another period; one catalogue file holds one period ({period})",
    ),
    "catalogue.duplicate_code": (
        "Kode aksi ini sudah ada di baris {other_row} (lembar {other_sheet})",
        "This action code is already in row {other_row} (sheet {other_sheet})",
    ),
    "catalogue.target_outside_years": (
        "Target untuk tahun {year}, padahal aksi ini tidak dilaksanakan pada tahun itu",
        "A target for {year}, a year this action is not carried out in",
    ),
    "catalogue.stored": (
        "Tersimpan: {count} aksi, katalog {period} versi {version} (kini aktif)",
        "Stored: {count} actions, catalogue {period} version {version} (now active)",
    ),
    "catalogue.unchanged": (
        "Tidak berubah: berkas yang sama sudah menjadi katalog aktif (versi {version}, {when})",
        "Unchanged: the same file is already the active catalogue (version {version}, {when})",
    ),
    "catalogue.checked": (
        "Diperiksa: {count} aksi untuk {period}, siap disimpan",
        "Checked: {count} actions for {period}, ready to store",
    ),
    "catalogue.restored": (
        "Katalog {period} versi {version} kini aktif kembali",
        "Catalogue {period} version {version} is active again",
    ),
    "catalogue.no_such_version": ("Tidak ada versi katalog {version}", "There is no catalogue version {version}"),
    "catalogue.none": (
        "Belum ada katalog aksi untuk periode {period}",
        "There is no action catalogue for period {period} yet",
    ),
    "catalogue.active": ("aktif", "active"),
    "catalogue.table.title": ("Katalog aksi", "Action catalogue"),
    "catalogue.col.version": ("Versi", "Version"),
    "catalogue.col.file": ("Berkas", "File"),
    "catalogue.col.imported_at": ("Diimpor", "Imported"),
    "catalogue.col.imported_by": ("Oleh", "By"),
    "catalogue.col.actions": ("Aksi", "Actions"),
    "catalogue.col.active": ("Aktif", "Active"),
    "exports.slug.unreported_actions": ("aksi-belum-dilaporkan", "unreported-actions"),
    "exports.slug.lead_supporting": ("kl-memimpin-mendukung", "agencies-leading-supporting"),
    "exports.slug.catalogue": ("katalog-aksi", "action-catalogue"),
    # The catalogue template.
    "catalogue.template.sheet": ("Katalog Aksi", "Action catalogue"),
    "catalogue.template.title": ("Templat Katalog Aksi {period}", "Action catalogue template, {period}"),
    "catalogue.template.intro": (
        "Satu baris untuk setiap aksi periode ini. Kolom bertanda * wajib diisi. Satu berkas memuat satu periode; "
        "setiap impor menjadi versi baru katalog (versi lama tetap tersimpan dan dapat diaktifkan kembali).",
        "One row per action of the period. Columns marked * are required. One file holds one period; each import "
        "becomes a new version of the catalogue (earlier versions are kept and can be made active again).",
    ),
    "catalogue.template.period": (
        "Periode: isi {period} di kolom Periode (cukup di baris pertama), atau pilih periode saat mengimpor.",
        "Period: write {period} in the Period column (the first row is enough), or choose the period at import.",
    ),
    "catalogue.template.years": (
        'Tahun Pelaksanaan: "2021–2024", "2022, 2023" atau satu tahun, dalam {first}–{last}; kosong = semua tahun '
        "periode.",
        'Years: "2021–2024", "2022, 2023" or one year, within {first}–{last}; blank = every year of the period.',
    ),
    "catalogue.template.agencies": (
        "Penanggung Jawab: satu K/L (kode, singkatan, nama lengkap atau alias). Instansi Terkait: beberapa K/L "
        "dipisahkan titik koma, koma atau baris baru.",
        "Lead agency: one K/L (code, short name, full name or alias). Supporting agencies: several K/L separated "
        "by semicolons, commas or line breaks.",
    ),
    "catalogue.template.targets": (
        'Target: satu kolom Target, atau satu kolom per tahun seperti "Target {year}".',
        'Target: one Target column, or one column per year such as "Target {year}".',
    ),
    # Crosswalk.
    "crosswalk.relation.same": ("sama", "same"),
    "crosswalk.relation.split": ("dipecah", "split"),
    "crosswalk.relation.merged": ("digabung", "merged"),
    "crosswalk.relation.new": ("baru", "new"),
    "crosswalk.relation.ended": ("berakhir", "ended"),
    "crosswalk.no_header": (
        "Tidak ada judul kolom from_period, from_code, to_period, to_code, relation",
        "No header with the columns from_period, from_code, to_period, to_code, relation",
    ),
    "crosswalk.code_required": (
        "Wajib diisi untuk hubungan {relation}: {field}",
        "Required for the relation {relation}: {field}",
    ),
    "crosswalk.code_not_allowed": (
        "Harus kosong untuk hubungan {relation}: {field}",
        "Must be blank for the relation {relation}: {field}",
    ),
    "crosswalk.same_period": (
        "Periode asal dan tujuan sama; crosswalk menghubungkan satu periode ke periode berikutnya",
        "The from and to periods are the same; a crosswalk links one period to the next",
    ),
    "crosswalk.duplicate": (
        "Baris ini sama dengan baris {other_row}",
        "This row repeats row {other_row}",
    ),
    "crosswalk.stored": (
        "Tersimpan: {count} baris crosswalk ({pairs})",
        "Stored: {count} crosswalk rows ({pairs})",
    ),
    "crosswalk.title": ("Kesinambungan antarperiode", "Across periods"),
    "crosswalk.trend_title": ("Aksi dari periode ke periode", "Actions from period to period"),
    "crosswalk.trend_caption": (
        "Setiap aksi katalog periode ini per tahun, mengikuti crosswalk ke kode padanannya di periode lain: "
        "✓ dikomitmenkan, ○ dilaporkan tanpa komitmen, – tidak ada laporan.",
        "Each catalogue action of this period, year by year, following the crosswalk to its counterpart codes in "
        "the other period: ✓ committed, ○ reported, not committed, – no report.",
    ),
    "exports.slug.trend_across_periods": ("aksi-antarperiode", "actions-across-periods"),
    "crosswalk.no_counterpart": ("tanpa padanan di periode lain", "no counterpart in the other period"),
    # Data checks that need the catalogue (the rules' names and help are in checks.py).
    "check.msg.action_not_in_catalogue": (
        "Kode aksi ini tidak ada di katalog aksi {period}",
        "This action code is not in the {period} action catalogue",
    ),
    "check.msg.action_not_assigned": (
        "K/L ini bukan penanggung jawab ({lead}) maupun instansi terkait aksi ini menurut katalog {period}",
        "This K/L neither leads (the lead is {lead}) nor supports this action by the {period} catalogue",
    ),
    # Measures and pages.
    "measure.coverage": ("Cakupan laporan", "Report coverage"),
    "measure.coverage.help": (
        "Aksi katalog tahun ini yang punya paling sedikit satu laporan ÷ aksi katalog tahun ini",
        "Catalogue actions of the year with at least one report ÷ catalogue actions of the year",
    ),
    "measure.lead_commitment": ("Komitmen penanggung jawab", "Lead commitment"),
    "measure.cumulative": ("Capaian kumulatif", "Cumulative implementation"),
    "measure.cumulative_through": ("Capaian kumulatif s.d. {year}", "Cumulative implementation through {year}"),
    "measure.cumulative.help": (
        "Aksi katalog {period} yang dikomitmenkan pada paling sedikit satu tahun periode itu sampai {year} ÷ aksi "
        "katalog",
        "{period} catalogue actions committed in at least one year of the period up to {year} ÷ catalogue actions",
    ),
    "measure.lead_commitment.help": (
        "Aksi yang direncanakan dan dikomitmenkan oleh K/L penanggung jawabnya sendiri ÷ aksi yang direncanakan",
        "Planned actions committed by their own lead K/L ÷ actions planned",
    ),
    "measure.of": ("{part} dari {whole} aksi", "{part} of {whole} actions"),
    "measure.of_period": ("{part} dari {whole} aksi {period}", "{part} of {whole} actions of {period}"),
    "unreported.title": ("Aksi belum dilaporkan", "Unreported actions"),
    "unreported.caption": (
        "Aksi katalog {period} tahun {year} yang belum punya laporan, dengan penanggung jawabnya",
        "Actions of the {period} catalogue for {year} with no report yet, with their lead K/L",
    ),
    "unreported.none": ("Semua aksi katalog sudah dilaporkan", "Every catalogue action has been reported"),
    "lead.title": ("Memimpin dan mendukung", "Leading and supporting"),
    "lead.led": ("Dipimpin", "Led"),
    "lead.led_committed": ("Dipimpin, dikomitmenkan", "Led, committed"),
    "lead.supported": ("Didukung", "Supported"),
    "lead.supported_committed": ("Didukung, dikomitmenkan", "Supported, committed"),
    "upload.catalogue.title": ("Katalog aksi (matriks rencana aksi)", "Action catalogue (action plan matrix)"),
    "upload.catalogue.period": ("Periode katalog", "Catalogue period"),
    "upload.catalogue.period_from_file": ("Dari kolom Periode di berkas", "From the file's Period column"),
    "upload.catalogue.file": ("Berkas katalog (.xlsx/.csv)", "Catalogue file (.xlsx/.csv)"),
    "upload.catalogue.template": ("Unduh templat katalog", "Download the catalogue template"),
    "upload.catalogue.template_file": ("templat_katalog_aksi.xlsx", "action_catalogue_template.xlsx"),
    "upload.catalogue.store": ("Simpan katalog", "Store the catalogue"),
    "upload.catalogue.versions": ("Versi katalog", "Catalogue versions"),
    "upload.catalogue.restore": ("Aktifkan kembali versi {version}", "Make version {version} active again"),
}
