"""Texts of the leadership dashboard: frame, filters, pages, charts."""

TEXTS = {
    # frame and navigation
    "dash.section": ("Dasbor", "Dashboard"),
    "dash.section_workspace": ("Ruang kerja", "Workspace"),
    "dash.page.overview": ("Ringkasan", "Overview"),
    "dash.page.pillars": ("Pilar", "Pillars"),
    "dash.page.agencies": ("K/L", "Agencies"),
    "dash.page.regions": ("Wilayah", "Regions"),
    "dash.page.trends": ("Tren", "Trends"),
    "dash.page.upload": ("Unggah", "Upload"),
    "dash.page.history": ("Riwayat", "History"),
    "dash.page.completeness": ("Kelengkapan", "Completeness"),
    "dash.page.reference": ("Data rujukan", "Reference data"),
    "dash.page.checks": ("Pemeriksaan data", "Data checks"),
    "dash.language": ("Bahasa", "Language"),
    "dash.filters": ("Filter", "Filters"),
    "dash.filter.latest_quarter": ("Terakhir dilaporkan", "Latest reported"),
    "dash.filter.all_pillars": ("Semua pilar", "All pillars"),
    "dash.filter.all_agencies": ("Semua K/L", "All ministries/agencies"),
    "dash.filter.all_provinces": ("Semua provinsi", "All provinces"),
    "dash.filter.national": ("Nasional (tanpa lokasi)", "National (no location)"),
    "dash.filter.reset": ("Atur ulang filter", "Reset filters"),
    "dash.filter.no_years": ("Belum ada data", "No data yet"),
    "dash.demo_banner": (
        "DATA DEMO — angka di dasbor ini adalah contoh rekaan, bukan laporan K/L yang sebenarnya.",
        "DEMO DATA — the figures on this dashboard are made up for illustration, not real K/L reports.",
    ),
    "dash.demo_loading": ("Memuat data demo untuk penggunaan pertama…", "Loading demo data for the first start…"),
    "dash.demo_loaded": ("Data demo dimuat", "Demo data loaded"),
    "dash.empty_store": (
        "Belum ada data. Unggah laporan triwulanan K/L di Ruang kerja → Unggah.",
        "No data yet. Upload the K/L quarterly reports under Workspace → Upload.",
    ),
    "dash.empty_view": (
        "Tidak ada baris untuk filter ini. Coba pilih triwulan lain, atau atur ulang filter di bilah samping.",
        "No rows for these filters. Try another quarter, or reset the filters in the sidebar.",
    ),
    "dash.drill_hint": (
        "Klik batang, sel atau provinsi untuk menyaring semua halaman.",
        "Click a bar, a cell or a province to filter every page.",
    ),
    # filter descriptions in titles
    "dash.desc.year": ("Tahun {year}", "Year {year}"),
    "dash.desc.latest": ("triwulan terakhir tiap K/L", "each K/L's latest quarter"),
    "dash.desc.pillar": ("Pilar {pillar}", "Pillar {pillar}"),
    "dash.desc.all": ("semua pilar, K/L dan wilayah", "all pillars, K/L and regions"),
    "dash.as_of": ("Data per {date} (unggahan terakhir)", "Data as of {date} (latest upload)"),
    "dash.as_of_none": ("Belum ada unggahan", "No uploads yet"),
    "dash.source": (
        "Sumber: laporan triwulanan K/L, Sekber RAN PE (Pantau RAN PE)",
        "Source: K/L quarterly reports, RAN PE joint secretariat (Pantau RAN PE)",
    ),
    "dash.source_demo": ("Sumber: DATA DEMO (rekaan)", "Source: DEMO DATA (made up)"),
    # pillar short names
    "dash.pillar.1": ("Pencegahan", "Prevention"),
    "dash.pillar.2": ("Penegakan hukum", "Law enforcement"),
    "dash.pillar.3": ("Kemitraan internasional", "International partnership"),
    "dash.pillar_label": ("Pilar {pillar} · {name}", "Pillar {pillar} · {name}"),
    "dash.all_pillars_line": ("Semua pilar", "All pillars"),
    # KPIs
    "dash.kpi.commitment": ("Tingkat komitmen", "Commitment rate"),
    "dash.kpi.commitment_help": (
        "Aksi yang dikomitmenkan minimal satu K/L ÷ aksi yang direncanakan (kode aksi berbeda).",
        "Actions committed by at least one K/L ÷ distinct actions planned.",
    ),
    "dash.kpi.committed_of": ("{committed} dari {planned} aksi", "{committed} of {planned} actions"),
    "dash.kpi.involvement": ("Keterlibatan K/L", "K/L involvement"),
    "dash.kpi.involvement_help": (
        "K/L dengan minimal satu aksi dikomitmenkan ÷ K/L yang melapor.",
        "K/L with at least one committed action ÷ K/L with any row.",
    ),
    "dash.kpi.involved_of": ("{involved} dari {total} K/L", "{involved} of {total} K/L"),
    "dash.kpi.target": ("Capaian target", "Target achievement"),
    "dash.kpi.target_help": (
        "Realisasi ÷ target, maksimal 100% per baris, dirata-rata atas baris yang bertarget.",
        "Realization ÷ target, capped at 100% per row, averaged over rows with a target.",
    ),
    "dash.kpi.completeness": ("Kelengkapan laporan", "Reporting completeness"),
    "dash.kpi.completeness_help": (
        "K/L yang melapor untuk triwulan ini ÷ K/L yang diharapkan (yang punya baris tahun ini).",
        "K/L that reported for the quarter ÷ K/L expected (those with any row this year).",
    ),
    "dash.kpi.submitted_of": ("{submitted} dari {expected} K/L, {quarter}", "{submitted} of {expected} K/L, {quarter}"),
    "dash.kpi.delta": ("{delta} poin vs {period}", "{delta} pts vs {period}"),
    "dash.kpi.no_previous": ("tidak ada data {period}", "no data for {period}"),
    "dash.kpi.compare_note": (
        "Perubahan dibandingkan dengan triwulan sebelumnya ({period}).",
        "Change compared with the previous quarter ({period}).",
    ),
    # chart titles
    "dash.chart.by_pillar": ("Tingkat komitmen per pilar", "Commitment rate by pillar"),
    "dash.chart.by_focus_area": ("Tingkat komitmen per area fokus", "Commitment rate by focus area"),
    "dash.chart.by_agency": ("Tingkat komitmen per K/L", "Commitment rate by K/L"),
    "dash.chart.agency_pillar": ("Tingkat komitmen K/L × pilar", "Commitment rate, K/L × pillar"),
    "dash.chart.map": ("Tingkat komitmen per provinsi", "Commitment rate by province"),
    "dash.chart.trend": ("Tingkat komitmen per triwulan", "Commitment rate by quarter"),
    "dash.chart.agency_trend": ("Tingkat komitmen {agency} per triwulan", "{agency}: commitment rate by quarter"),
    "dash.chart.status": ("Status pelaksanaan per triwulan", "Implementation status by quarter"),
    "dash.axis.rate": ("Tingkat komitmen", "Commitment rate"),
    "dash.axis.action_plans": ("Rencana aksi (baris)", "Action plans (rows)"),
    "dash.axis.quarter": ("Triwulan", "Quarter"),
    "dash.axis.focus_area": ("Area fokus", "Focus area"),
    "dash.bar_text": ("{rate} ({committed}/{planned})", "{rate} ({committed}/{planned})"),
    "dash.hover.rate": (
        "Tingkat komitmen: {rate}<br>{committed} dari {planned}",
        "Commitment rate: {rate}<br>{committed} of {planned}",
    ),
    "dash.status.none": ("Tidak diisi", "Not given"),
    "dash.trend_all_years": ("semua tahun", "all years"),
    # map
    "dash.map.focus": ("Provinsi fokus", "Focus province"),
    "dash.map.no_rows": ("tidak ada baris", "no rows"),
    "dash.map.papua_group": (
        "{name}: wilayah lama, kini {count} provinsi — lihat titik dan tabel",
        "{name}: former province, now {count} provinces — see dots and table",
    ),
    "dash.map.focus_note": (
        "Garis tepi hitam tebal: lima provinsi fokus (Sulawesi Tengah, NTB, Jawa Timur, Jawa Barat, Jawa Tengah).",
        "Thick black outline: the five focus provinces (Central Sulawesi, West Nusa Tenggara, East, West and "
        "Central Java).",
    ),
    "dash.map.papua_note": (
        "Batas wilayah sebelum pemekaran Papua 2022: poligon Papua dan Papua Barat digambar abu-abu; nilai "
        "provinsi barunya ditampilkan sebagai titik dan di tabel.",
        "Boundaries predate the 2022 division of Papua: the Papua and Papua Barat polygons are drawn grey; "
        "their new provinces' values are shown as dots and in the table.",
    ),
    "dash.map.attribution": (
        "Batas provinsi © kontributor OpenStreetMap (ODbL 1.0), melalui geoBoundaries gbOpen IDN ADM1 "
        "(Runfola dkk. 2020, PLoS ONE 15(4): e0231866), disederhanakan.",
        "Province boundaries © OpenStreetMap contributors (ODbL 1.0), via geoBoundaries gbOpen IDN ADM1 "
        "(Runfola et al. 2020, PLoS ONE 15(4): e0231866), simplified.",
    ),
    "dash.national_card": ("Nasional (tanpa lokasi)", "National (no location)"),
    "dash.national_rows": ("{committed} dari {planned} rencana aksi", "{committed} of {planned} action plans"),
    "dash.regions.table": (
        "Provinsi × pilar (rencana aksi dikomitmenkan ÷ rencana aksi)",
        "Province × pillar (committed action plans ÷ action plans)",
    ),
    "dash.regions.focus_table": ("Lima provinsi fokus", "The five focus provinces"),
    "dash.col.province": ("Provinsi", "Province"),
    "dash.col.total": ("Semua pilar", "All pillars"),
    "dash.col.focus": ("Fokus", "Focus"),
    "dash.col.planned": ("Direncanakan", "Planned"),
    "dash.col.committed": ("Dikomitmenkan", "Committed"),
    "dash.col.rate": ("Tingkat", "Rate"),
    "dash.col.agency": ("K/L", "K/L"),
    "dash.col.agency_name": ("Nama K/L", "Ministry/agency"),
    # pages
    "dash.pillars.actions": ("Aksi {pillar}", "Actions, {pillar}"),
    "dash.pillars.showing": (
        "Menampilkan {shown} dari {total} rencana aksi.",
        "Showing {shown} of {total} action plans.",
    ),
    "dash.agencies.table": ("Semua K/L menurut tingkat komitmen", "All K/L by commitment rate"),
    "dash.agencies.profile": ("Profil {agency}", "Profile: {agency}"),
    "dash.agencies.pick": (
        "Pilih satu K/L (klik batangnya atau gunakan filter K/L) untuk melihat profilnya.",
        "Pick one K/L (click its bar or use the K/L filter) to see its profile.",
    ),
    "dash.agencies.obstacles": ("Hambatan yang dilaporkan", "Obstacles reported"),
    "dash.agencies.no_obstacles": ("Tidak ada hambatan dilaporkan.", "No obstacles reported."),
    "dash.trends.completeness": ("Kelengkapan laporan {year} per triwulan", "Reporting completeness {year} by quarter"),
}
