"""Texts of the data checks: rule names and messages, the checks page, its export and the CLI."""

TEXTS = {
    # The rules, as named in tables (short) and explained (help).
    "check.rule.not_committed_but_done": ("Tidak dikomitmenkan, tetapi terlaksana", "Not committed, yet done"),
    "check.rule.completed_below_target": ("Selesai di bawah target", "Completed below target"),
    "check.rule.realization_above_target": ("Realisasi jauh di atas target", "Realization far above target"),
    "check.rule.realization_decreased": ("Realisasi turun dari triwulan sebelumnya", "Realization lower than before"),
    "check.rule.action_dropped": ("Aksi hilang dari laporan berikutnya", "Action missing from the next report"),
    "check.rule.action_not_in_catalogue": ("Kode aksi tidak ada di matriks", "Action code not in the catalogue"),
    "check.rule.action_not_assigned": (
        "K/L bukan penanggung jawab atau pendukung",
        "K/L neither leads nor supports the action",
    ),
    "check.rule.rate_parts_disagree": (
        "Persentase tidak cocok dengan angkanya",
        "Stated rate disagrees with its parts",
    ),
    "check.help.not_committed_but_done": (
        "Komitmen “Tidak”, tetapi status Selesai atau realisasi di atas 0.",
        "Committed “No”, yet status Completed or a realization above 0.",
    ),
    "check.help.completed_below_target": (
        "Status Selesai, tetapi realisasi di bawah target.",
        "Status Completed, yet a realization below the target.",
    ),
    "check.help.realization_above_target": (
        "Realisasi lebih dari {factor}× target (ambang yang dapat diatur; target 0 tidak diperiksa).",
        "Realization more than {factor}× the target (a configurable threshold; a target of 0 is not checked).",
    ),
    "check.help.realization_decreased": (
        "Realisasi suatu (K/L, aksi, provinsi) lebih rendah daripada di triwulan sebelumnya pada tahun yang sama.",
        "Realization of one (K/L, action, province) lower than in an earlier quarter of the same year.",
    ),
    "check.help.action_dropped": (
        "Aksi yang dilaporkan K/L pada satu triwulan tidak ada di laporan berikutnya untuk pilar/tema itu pada tahun "
        "yang sama.",
        "An action a K/L reported in one quarter is missing from its next report for that pillar/theme in the same "
        "year.",
    ),
    "check.help.action_not_in_catalogue": (
        "Kode aksi yang tidak ada di matriks rencana aksi periode itu.",
        "An action code not in the period's action catalogue.",
    ),
    "check.help.action_not_assigned": (
        "K/L melaporkan aksi yang tidak dipimpin maupun didukungnya menurut matriks.",
        "A K/L reports an action it neither leads nor supports according to the catalogue.",
    ),
    "check.help.rate_parts_disagree": (
        "Teks baris (aksi, keluaran, hambatan, tindak lanjut, keterangan) menyebut persentase dengan angkanya, "
        "misalnya “12 dari 14 (79%)”, dan angkanya memberi persentase lain (selisih 1 poin atau lebih).",
        "A row's text (action, output, obstacles, follow-up, notes) states a rate with its parts, such as "
        "“12 of 14 (79%)”, and the parts give another rate (1 point apart or more).",
    ),
    "check.skip.no_catalogue": (
        "Belum ada matriks rencana aksi (katalog aksi) untuk periode ini, jadi pemeriksaan ini dilewati.",
        "No action catalogue (plan matrix) exists yet for the period, so this check is skipped.",
    ),
    # Messages of findings.
    "check.msg.not_committed_but_done": (
        "Komitmen “Tidak”, tetapi {reasons}",
        "Committed “No”, yet {reasons}",
    ),
    "check.reason.completed": ("status Selesai", "status Completed"),
    "check.reason.realization": ("realisasi {realization}", "realization {realization}"),
    "check.and": (" dan ", " and "),
    "check.msg.completed_below_target": (
        "Status Selesai, tetapi realisasi {realization} di bawah target {target}",
        "Status Completed, yet realization {realization} is below target {target}",
    ),
    "check.msg.realization_above_target": (
        "Realisasi {realization} adalah {ratio}× target {target} (ambang {factor}×)",
        "Realization {realization} is {ratio}× target {target} (threshold {factor}×)",
    ),
    "check.msg.realization_decreased": (
        "Realisasi {realization} lebih rendah daripada {earlier} di {quarter} ({place})",
        "Realization {realization} is lower than {earlier} in {quarter} ({place})",
    ),
    "check.msg.action_dropped": (
        "Dilaporkan di {quarter}, tetapi tidak ada di laporan triwulan ini",
        "Reported in {quarter}, yet missing from this quarter's report",
    ),
    "check.msg.action_dropped_rows": (
        "Dilaporkan di {quarter} dalam {rows} baris (yang disebut: baris pertamanya), tetapi tidak ada di laporan "
        "triwulan ini",
        "Reported in {quarter} in {rows} rows (the one named: its first), yet missing from this quarter's report",
    ),
    "check.msg.rate_parts_disagree": (
        "{field}: “{excerpt}” — {count} dari {total} adalah {computed}%, bukan {stated}%",
        "{field}: “{excerpt}” — {count} of {total} is {computed}%, not {stated}%",
    ),
    "check.more_findings": (
        "{more} temuan pemeriksaan data lainnya tidak dicantumkan (semuanya {total}); setelah disimpan, semuanya ada "
        "di halaman Pemeriksaan data.",
        "{more} more data-check findings are not listed ({total} in all); once stored, the Data checks page lists "
        "them all.",
    ),
    "check.place": ("{file}, sheet {sheet}, baris {row}", "{file}, sheet {sheet}, row {row}"),
    "check.place_upload": ("unggahan #{upload_id}: {where}", "upload #{upload_id}: {where}"),
    "check.place_this_file": ("berkas ini: {where}", "this file: {where}"),
    # The checks page.
    "check.page.intro": (
        "Pemeriksaan atas baris dan laporan yang tersimpan, untuk ditinjau sebelum laporan naik ke pimpinan. "
        "Setiap temuan adalah peringatan, bukan penolakan, dan menyebut berkas, sheet dan baris Excel-nya; "
        "temuan yang sama muncul sebagai peringatan saat berkas diunggah.",
        "Checks across the stored rows and reports, to review before a report goes to leadership. Each finding "
        "is a warning, never a refusal, and names its file, sheet and Excel row; the same findings show as "
        "warnings when a file is uploaded.",
    ),
    "check.page.all_quarters": ("Semua triwulan", "All quarters"),
    "check.page.all_agencies": ("Semua K/L", "All K/L"),
    "check.page.view": ("{year} · {quarter} · {agency}", "{year} · {quarter} · {agency}"),
    "check.page.no_data": (
        "Belum ada data tersimpan untuk diperiksa. Unggah laporan di halaman Unggah.",
        "No stored data to check yet. Upload reports on the Upload page.",
    ),
    "check.page.findings_metric": ("Temuan", "Findings"),
    "check.page.findings_value": ("{count} baris", "{count} rows"),
    "check.page.findings_help": (
        "Satu temuan menyebut satu baris: baris yang salah, atau untuk aksi yang hilang, baris pertamanya di "
        "laporan sebelumnya.",
        "Each finding names one row: the row in question or, for a missing action, its first row in the earlier "
        "report.",
    ),
    "check.page.agencies_metric": ("K/L dengan temuan", "K/L with findings"),
    "check.page.agencies_value": ("{count} dari {total} K/L", "{count} of {total} K/L"),
    "check.page.rules_metric": ("Aturan dengan temuan", "Rules with findings"),
    "check.page.rules_value": ("{count} dari {total} aturan", "{count} of {total} rules"),
    "check.page.rules_help": (
        "Aturan yang dijalankan dan menemukan sesuatu; aturan yang dilewati tidak dihitung.",
        "Rules run that found something; skipped rules are not counted.",
    ),
    "check.page.checked": (
        "Diperiksa: {rows} baris (rencana aksi) — {view}. Triwulan sebelumnya pada tahun itu tetap dibaca untuk "
        "membandingkan.",
        "Checked: {rows} rows (action plans) — {view}. Earlier quarters of the year are still read to compare against.",
    ),
    "check.page.skipped_title": ("Tidak dijalankan:", "Not run:"),
    "check.page.skipped": ("{rule} — {reason}", "{rule} — {reason}"),
    "check.page.counts": ("Temuan per aturan dan K/L — {view}", "Findings per rule and K/L — {view}"),
    "check.page.counts_help": (
        "Jumlah temuan (baris) per K/L dan aturan; warna makin gelap, makin banyak. Pilih satu baris K/L untuk "
        "melihat temuannya saja.",
        "Findings (rows) per K/L and rule; the darker, the more. Select one K/L's row to list its findings only.",
    ),
    "check.page.total": ("Jumlah", "Total"),
    "check.page.rows": ("Baris yang terkena — {view}", "Rows concerned — {view}"),
    "check.page.rows_shown": ("{shown} dari {total} temuan terpilih", "{shown} of {total} findings selected"),
    "check.page.rows_capped": (
        "Tabel memuat {limit} temuan pertama; unduhan memuat semuanya.",
        "The table lists the first {limit} findings; the downloads hold them all.",
    ),
    "check.page.rule_filter": ("Aturan", "Rule"),
    "check.page.rule_filter_all": ("Semua aturan", "All rules"),
    "check.page.selected_agency": ("K/L terpilih di tabel: {agency}", "K/L selected in the table: {agency}"),
    "check.page.none": ("Tidak ada temuan untuk {view}.", "No findings for {view}."),
    "check.page.download_xlsx": ("Unduh temuan (.xlsx)", "Download findings (.xlsx)"),
    "check.page.download_csv": ("Unduh temuan (.csv)", "Download findings (.csv)"),
    "check.page.file": ("temuan-pemeriksaan-data", "data-check-findings"),
    "check.page.threshold": (
        "Ambang “realisasi jauh di atas target”: lebih dari {factor}× target",
        "Threshold for “realization far above target”: more than {factor}× the target",
    ),
    "check.page.threshold_help": (
        "Realisasi yang melebihi target lebih dari faktor ini ditandai. Berlaku untuk halaman ini, pratinjau "
        "unggahan dan perintah check.",
        "A realization above its target by more than this factor is flagged. Applies to this page, the upload "
        "preview and the check command.",
    ),
    "check.page.threshold_input": ("Faktor (×)", "Factor (×)"),
    "check.page.threshold_admin_only": ("Hanya admin yang dapat mengubah ambang.", "Only an admin can change it."),
    "check.page.threshold_bad": (
        "Faktor harus lebih dari 1 dan paling banyak 100.",
        "The factor must be above 1 and at most 100.",
    ),
    # Columns of the findings table and its export.
    "check.col.rule": ("Aturan", "Rule"),
    "check.col.agency_code": ("Kode K/L", "K/L code"),
    "check.col.agency": ("K/L", "K/L"),
    "check.col.upload": ("Unggahan", "Upload"),
    "check.col.message": ("Pesan", "Message"),
    "check.export.findings_sheet": ("Temuan", "Findings"),
    "check.export.rules_sheet": ("Aturan", "Rules"),
    "check.export.status": ("Keadaan", "State"),
    "check.export.run": ("dijalankan", "run"),
    "check.export.skipped": ("dilewati", "skipped"),
    "check.export.description": ("Penjelasan", "Description"),
    # The command line.
    "check.cli.title": (
        "Pemeriksaan data — {view}: {count} temuan",
        "Data checks — {view}: {count} findings",
    ),
    "check.cli.skipped": ("dilewati: {rule} — {reason}", "skipped: {rule} — {reason}"),
    "check.cli.none": ("Tidak ada temuan.", "No findings."),
}
