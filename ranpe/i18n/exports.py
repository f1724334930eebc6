"""Texts of the briefing exports: chart images, the slide deck and PDF, data files."""

TEXTS = {
    # file-name stems, one per chart or table (lowercase, no spaces)
    "exports.slug.by_pillar": ("komitmen-per-pilar", "commitment-by-pillar"),
    "exports.slug.by_focus_area": ("komitmen-per-area-fokus", "commitment-by-focus-area"),
    "exports.slug.by_agency": ("komitmen-per-kl", "commitment-by-agency"),
    "exports.slug.agency_pillar": ("komitmen-kl-pilar", "commitment-agency-pillar"),
    "exports.slug.map": ("peta-komitmen-provinsi", "commitment-map-by-province"),
    "exports.slug.trend": ("tren-komitmen", "commitment-trend"),
    "exports.slug.status": ("status-per-triwulan", "status-by-quarter"),
    "exports.slug.completeness": ("kelengkapan-laporan", "reporting-completeness"),
    "exports.slug.actions": ("rencana-aksi", "action-plans"),
    "exports.slug.by_province": ("komitmen-per-provinsi", "commitment-by-province"),
    "exports.slug.pack": ("bahan-paparan", "briefing-pack"),
    "exports.title.actions": ("Rencana aksi yang dihitung", "Action plans counted"),
    # the pack
    "exports.pack.title": ("Bahan paparan RAN PE", "RAN PE briefing pack"),
    "exports.pack.subtitle": ("Pemantauan pelaksanaan RAN PE", "Monitoring of RAN PE implementation"),
    "exports.pack.period": ("Periode: {period}", "Period: {period}"),
    "exports.pack.filters": ("Filter: {filters}", "Filters: {filters}"),
    "exports.pack.as_of": ("Data per: {date}", "Data as of: {date}"),
    "exports.pack.made": ("Dibuat: {date}", "Made: {date}"),
    "exports.pack.periods": ("{first} – {last}", "{first} – {last}"),
    "exports.pack.demo_band": ("DATA DEMO (rekaan) — bukan data resmi", "DEMO DATA (made up) — not official figures"),
    "exports.pack.kpi_title": ("Angka utama", "Key figures"),
    "exports.pack.key_numbers": ("Angka kunci", "Key numbers"),
    "exports.pack.lowest_title": ("K/L dengan tingkat komitmen terendah", "K/L with the lowest commitment rate"),
    "exports.pack.lowest_none": ("Tidak ada K/L dengan data.", "No K/L with data."),
    "exports.pack.lowest_shown": (
        "{shown} dari {total} K/L, tingkat terendah lebih dulu. Tabel lengkap: ekspor data {file}.",
        "{shown} of {total} K/L, lowest rate first. Full table: data export {file}.",
    ),
    "exports.pack.agencies_shown": (
        "Ditampilkan {shown} dari {total} K/L: {half} tertinggi dan {half} terendah. "
        "Tabel lengkap: ekspor data {file}.",
        "Showing {shown} of {total} K/L: the {half} highest and the {half} lowest. Full table: data export {file}.",
    ),
    # what a slide's figures count (DOMAIN.md, the measures)
    "exports.unit.line": ("satuan: {unit}", "unit: {unit}"),
    "exports.unit.actions": ("aksi (kode aksi berbeda)", "actions (distinct action codes)"),
    "exports.unit.action_plans": (
        "rencana aksi (aksi satu K/L di satu tempat)",
        "action plans (one K/L's action in one place)",
    ),
    "exports.unit.agency_actions": ("aksi tiap K/L", "each K/L's actions"),
    "exports.unit.obstacle_texts": ("teks hambatan", "obstacle texts"),
    "exports.pack.obstacles_title": ("Hambatan yang dilaporkan", "Obstacles reported"),
    "exports.pack.obstacles_count": (
        "{count} rencana aksi melaporkan hambatan; {shown} yang paling sering disebut:",
        "{count} action plans report obstacles; the {shown} most often named:",
    ),
    "exports.pack.obstacles_none": ("Tidak ada hambatan dilaporkan.", "No obstacles reported."),
    "exports.pack.obstacle_where": ("{plans} rencana aksi: {agencies}", "{plans} action plans: {agencies}"),
    "exports.pack.follow_up": ("Tindak lanjut", "Follow-up"),
    "exports.pack.page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "exports.pack.building": ("Menyusun bahan paparan…", "Building the briefing pack…"),
    "exports.pack.step_data": ("Membaca data", "Reading the data"),
    "exports.pack.step_chart": ("Menggambar grafik: {chart}", "Drawing chart: {chart}"),
    "exports.pack.step_file": ("Menulis berkas {kind}", "Writing the {kind} file"),
    "exports.pack.ready": ("Bahan paparan siap", "Briefing pack ready"),
    "exports.pack.cached": (
        "Diambil dari cache (data dan filter tidak berubah)",
        "From cache (data and filters unchanged)",
    ),
    "exports.pack.none": ("Tidak ada data untuk filter ini.", "No data for these filters."),
    # key numbers under each chart
    "exports.key.agencies_full": (
        "{count} K/L mengkomitmenkan semua aksinya",
        "{count} K/L committed all their actions",
    ),
    "exports.key.agencies_zero": (
        "{count} K/L belum mengkomitmenkan satu pun aksi",
        "{count} K/L committed no action yet",
    ),
    "exports.key.agencies_involved": (
        "Keterlibatan K/L: {rate} ({involved} dari {total} K/L)",
        "K/L involvement: {rate} ({involved} of {total} K/L)",
    ),
    "exports.key.national": (
        "Nasional (tanpa lokasi): {rate} ({committed} dari {planned} rencana aksi)",
        "National (no location): {rate} ({committed} of {planned} action plans)",
    ),
    "exports.key.focus_high": (
        "Provinsi fokus tertinggi: {name} {rate} ({committed} dari {planned} rencana aksi)",
        "Highest focus province: {name} {rate} ({committed} of {planned} action plans)",
    ),
    "exports.key.focus_low": (
        "Provinsi fokus terendah: {name} {rate} ({committed} dari {planned} rencana aksi)",
        "Lowest focus province: {name} {rate} ({committed} of {planned} action plans)",
    ),
    "exports.key.trend_latest": (
        "{period}: {rate} ({committed} dari {planned} aksi; {series})",
        "{period}: {rate} ({committed} of {planned} actions; {series})",
    ),
    "exports.key.trend_change": (
        "Perubahan dari {period}: {delta} poin persentase",
        "Change from {period}: {delta} percentage points",
    ),
    "exports.key.target_unit": (
        "rata-rata rencana aksi yang bertarget (realisasi ÷ target, maks. 100%)",
        "mean over action plans with a target (realization ÷ target, at most 100%)",
    ),
    "exports.key.trend_best": (
        "Tertinggi: {period} {rate} ({committed} dari {planned} aksi)",
        "Highest: {period} {rate} ({committed} of {planned} actions)",
    ),
    "exports.key.none": ("–", "–"),
    # data files
    "exports.sheet.data": ("Data", "Data"),
    "exports.sheet.about": ("Keterangan", "About"),
    "exports.about.title": ("Judul", "Title"),
    "exports.about.filters": ("Filter", "Filters"),
    "exports.about.as_of": ("Data per", "Data as of"),
    "exports.about.source": ("Sumber", "Source"),
    "exports.about.exported": ("Diekspor", "Exported"),
    "exports.about.rows": ("Jumlah baris", "Rows"),
    "exports.about.numbers": ("Angka", "Numbers"),
    "exports.about.numbers_rule": (
        "Tingkat dalam persen dengan satu desimal; jumlah sebagai bilangan bulat; target dan realisasi seperti "
        "dilaporkan K/L. CSV: pemisah titik koma, desimal koma.",
        "Rates in percent with one decimal; counts as whole numbers; target and realization as the K/L reported "
        "them. CSV: comma separated, decimal point.",
    ),
    "exports.col.rate_pct": ("Tingkat (%)", "Rate (%)"),
    "exports.col.in_pct": ("{name} (%)", "{name} (%)"),
    "exports.col.period": ("Periode", "Period"),
    "exports.col.series": ("Seri", "Series"),
    "exports.col.pillar_name": ("Nama pilar", "Pillar name"),
    "exports.col.actions_planned": ("Aksi direncanakan", "Actions planned"),
    "exports.col.actions_committed": ("Aksi dikomitmenkan", "Actions committed"),
    # web
    "exports.web.png": ("PNG", "PNG"),
    "exports.web.svg": ("SVG", "SVG"),
    "exports.web.xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "exports.web.csv": ("CSV", "CSV"),
    "exports.web.download_chart": ("Unduh grafik", "Download chart"),
    "exports.web.download_table": ("Unduh tabel", "Download table"),
    "exports.web.pack_header": ("Bahan paparan", "Briefing pack"),
    "exports.web.pack_help": (
        "Slide (.pptx) dan PDF untuk filter yang dipilih: angka utama, grafik, K/L terendah, hambatan.",
        "Slides (.pptx) and PDF for the chosen filters: key figures, charts, lowest K/L, obstacles.",
    ),
    "exports.web.pack_lang": ("Bahasa bahan paparan", "Language of the pack"),
    "exports.web.marking": ("Klasifikasi (opsional)", "Classification marking (optional)"),
    "exports.web.build": ("Susun bahan paparan", "Build the briefing pack"),
    "exports.web.pptx": ("Unduh slide (.pptx)", "Download slides (.pptx)"),
    "exports.web.pdf": ("Unduh PDF", "Download PDF"),
    "exports.web.failed": ("Ekspor gagal: {error}", "Export failed: {error}"),
    # command line
    "exports.cli.written": ("{path} ditulis ({size} byte)", "{path} written ({size} bytes)"),
    "exports.cli.bad_suffix": ("Berkas keluaran harus berakhiran {suffixes}", "The output file must end in {suffixes}"),
    "exports.cli.no_data": ("Tidak ada data untuk tahun {year}", "No data for year {year}"),
}
