"""Texts of the leadership dashboard: frame, filters, pages, charts."""

TEXTS = {
    # frame and navigation
    "dash.section": ("Dasbor", "Dashboard"),
    "dash.section_workspace": ("Ruang kerja", "Workspace"),
    "dash.page.overview": ("Ringkasan", "Overview"),
    "dash.page.pillars": ("Pilar", "Pillars"),
    "dash.page.agencies": ("K/L", "K/L"),
    "dash.page.regions": ("Wilayah", "Regions"),
    "dash.page.trends": ("Tren", "Trends"),
    "dash.page.about": ("Tentang angka", "About the figures"),
    "dash.page.upload": ("Unggah", "Upload"),
    "dash.page.history": ("Riwayat", "History"),
    "dash.page.completeness": ("Kelengkapan", "Completeness"),
    "dash.page.reference": ("Data rujukan", "Reference data"),
    "dash.page.checks": ("Pemeriksaan data", "Data checks"),
    "dash.language": ("Bahasa", "Language"),
    "dash.filters": ("Filter", "Filters"),
    "dash.filter.latest_quarter": ("Terakhir dilaporkan", "Latest reported"),
    "dash.filter.all_pillars": ("Semua pilar", "All pillars"),
    "dash.filter.all_agencies": ("Semua K/L", "All K/L"),
    "dash.filter.all_provinces": ("Semua provinsi", "All provinces"),
    "dash.filter.national": ("Nasional (tanpa lokasi)", "National (no location)"),
    "dash.filter.reset": ("Atur ulang filter", "Reset filters"),
    "dash.filter.no_years": ("Belum ada data", "No data yet"),
    "dash.filter.no_data": ("{label} (tanpa data {year})", "{label} (no data in {year})"),
    "dash.filter.show_all": (
        "Tampilkan juga K/L dan provinsi tanpa data {year}",
        "Also list K/L and provinces with no data in {year}",
    ),
    "dash.filter.active": ("Filter aktif (× menghapus satu filter)", "Active filters (× clears one)"),
    "dash.filter.clear": ("Hapus filter {filter}", "Clear the {filter} filter"),
    "dash.filter.clear_year": ("Kembali ke tahun terbaru ({year})", "Back to the latest year ({year})"),
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
    # {every}: the year's groups, "semua pilar" / "all themes".
    "dash.desc.all": ("{every}, K/L dan wilayah", "{every}, K/L and regions"),
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
    "dash.pillar.3": ("Kemitraan dan kerja sama internasional", "International partnership and cooperation"),
    "dash.pillar_label": ("Pilar {pillar} · {name}", "Pillar {pillar} · {name}"),
    "dash.all_pillars_line": ("Semua pilar", "All pillars"),
    # KPIs
    "dash.kpi.commitment": ("Tingkat komitmen", "Commitment rate"),
    "dash.kpi.commitment_help": (
        "Aksi yang dikomitmenkan minimal satu K/L ÷ aksi yang direncanakan (kode aksi berbeda): tiap aksi dihitung "
        "sekali, berapa pun K/L dan lokasi yang merencanakannya.",
        "Actions committed by at least one K/L ÷ distinct actions planned (distinct action codes): each action "
        "counts once, however many K/L and places plan it.",
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
        "Realisasi ÷ target, maksimal 100% per rencana aksi (baris), dirata-rata atas rencana aksi yang bertarget.",
        "Realization ÷ target, capped at 100% per action plan (row), averaged over the action plans with a target.",
    ),
    "dash.kpi.completeness": ("Kelengkapan laporan", "Reporting completeness"),
    "dash.kpi.completeness_help": (
        "K/L yang melapor untuk triwulan ini ÷ K/L yang diharapkan (yang punya baris tahun ini), dalam filter "
        "pilar/tema dan K/L. Filter provinsi tidak berlaku: laporan dikirim per K/L, bukan per provinsi.",
        "K/L that reported for the quarter ÷ K/L expected (those with any row this year), within the pillar/theme and "
        "K/L filters. The province filter does not apply: reports are sent per K/L, not per province.",
    ),
    "dash.kpi.submitted_of": ("{submitted} dari {expected} K/L, {quarter}", "{submitted} of {expected} K/L, {quarter}"),
    "dash.kpi.delta": ("{delta} poin vs {period}", "{delta} pts vs {period}"),
    "dash.kpi.target_of": (
        "rata-rata {rows} rencana aksi bertarget",
        "average of {rows} action plans with a target",
    ),
    "dash.kpi.headline_note": (
        "Tingkat komitmen {rate} = {committed} dari {planned} aksi (kode aksi berbeda) yang dikomitmenkan minimal "
        "satu K/L; tiap aksi dihitung sekali, berapa pun K/L dan lokasi yang merencanakannya.",
        "Commitment rate {rate} = {committed} of {planned} actions (distinct action codes) committed by at least "
        "one K/L; each action counts once, however many K/L and places plan it.",
    ),
    "dash.kpi.no_previous": ("tidak ada data {period}", "no data for {period}"),
    "dash.kpi.compare_note": (
        "Perubahan dibandingkan dengan triwulan sebelumnya ({period}).",
        "Change compared with the previous quarter ({period}).",
    ),
    # chart titles
    "dash.chart.by_pillar": ("Tingkat komitmen per pilar (aksi)", "Commitment rate by pillar (actions)"),
    "dash.chart.by_focus_area": ("Tingkat komitmen per area fokus (aksi)", "Commitment rate by focus area (actions)"),
    "dash.chart.by_agency": ("Tingkat komitmen per K/L (aksi K/L itu)", "Commitment rate by K/L (its own actions)"),
    "dash.chart.agency_pillar": (
        "Tingkat komitmen K/L × pilar (aksi K/L itu)",
        "Commitment rate, K/L × pillar (its own actions)",
    ),
    "dash.chart.map": ("Tingkat komitmen per provinsi (rencana aksi)", "Commitment rate by province (action plans)"),
    "dash.chart.trend": ("Tingkat komitmen per triwulan (aksi)", "Commitment rate by quarter (actions)"),
    "dash.chart.agency_trend": (
        "Tingkat komitmen {agency} per triwulan (aksi)",
        "{agency}: commitment rate by quarter (actions)",
    ),
    "dash.chart.status": (
        "Status pelaksanaan per triwulan (rencana aksi)",
        "Implementation status by quarter (action plans)",
    ),
    "dash.axis.rate": ("Tingkat komitmen", "Commitment rate"),
    "dash.axis.rate_actions": ("Aksi dikomitmenkan (%)", "Actions committed (%)"),
    "dash.axis.rate_own_actions": ("Aksi K/L itu dikomitmenkan (%)", "Its actions committed (%)"),
    "dash.axis.rate_agencies": ("K/L yang melapor (%)", "K/L reporting (%)"),
    "dash.colorbar.actions": ("% aksi", "% of<br>actions"),
    "dash.colorbar.action_plans": ("% rencana<br>aksi", "% of action<br>plans"),
    "dash.unit.actions": ("aksi", "actions"),
    "dash.unit.action_plans": ("rencana aksi", "action plans"),
    "dash.unit.agencies": ("K/L", "K/L"),
    "dash.hover.action_plans": ("{count} rencana aksi", "{count} action plans"),
    "dash.trend_span": ("{first} – {last}", "{first} – {last}"),
    "dash.about_link": ("Definisi angka: Tentang angka", "Definitions: About the figures"),
    "dash.axis.action_plans": ("Rencana aksi (baris)", "Action plans (rows)"),
    "dash.axis.quarter": ("Triwulan", "Quarter"),
    "dash.axis.focus_area": ("Area fokus", "Focus area"),
    "dash.bar_text": ("{rate} ({committed}/{planned} {unit})", "{rate} ({committed}/{planned} {unit})"),
    "dash.hover.rate": (
        "Tingkat komitmen: {rate}<br>{committed} dari {planned} {unit} dikomitmenkan",
        "Commitment rate: {rate}<br>{committed} of {planned} {unit} committed",
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
    "dash.national_card_help": (
        "Rencana aksi tanpa lokasi yang dikomitmenkan ÷ rencana aksi tanpa lokasi (baris dihitung, bukan aksi).",
        "Committed action plans with no location ÷ action plans with no location (rows counted, not actions).",
    ),
    "dash.national_rows": ("{committed} dari {planned} rencana aksi", "{committed} of {planned} action plans"),
    "dash.regions.table": (
        "Provinsi × {group} (rencana aksi dikomitmenkan ÷ rencana aksi)",
        "Province × {group} (committed action plans ÷ action plans)",
    ),
    "dash.regions.focus_table": ("Lima provinsi fokus", "The five focus provinces"),
    "dash.col.province": ("Provinsi", "Province"),
    "dash.col.focus": ("Fokus", "Focus"),
    "dash.col.planned": ("Aksi direncanakan", "Actions planned"),
    "dash.col.committed": ("Aksi dikomitmenkan", "Actions committed"),
    "dash.col.rate": ("Tingkat", "Rate"),
    "dash.col.agency": ("K/L", "K/L"),
    "dash.col.agency_name": ("Nama K/L", "K/L name"),
    "dash.col.action_plans": ("Rencana aksi", "Action plans"),
    "dash.col.rate_action_plans": ("Tingkat (rencana aksi)", "Rate (action plans)"),
    # pages
    # {pillar}: the chosen group ("Tema 4 · …") or every group ("semua tema").
    "dash.pillars.actions": ("Aksi — {pillar}", "Actions — {pillar}"),
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
    "dash.agencies.obstacle_where": (
        "kode aksi {codes}; {plans} rencana aksi; {quarters}",
        "action codes {codes}; action plans: {plans}; {quarters}",
    ),
    "dash.trends.completeness": (
        "Kelengkapan laporan {year} per triwulan (K/L)",
        "Reporting completeness {year} by quarter (K/L)",
    ),
    "dash.desc.province_not_applied": (
        "filter provinsi tidak berlaku (laporan per K/L)",
        "province filter not applied (reports are per K/L)",
    ),
    # what each page counts, where its figures use different units
    "dash.units.overview": (
        "Satuan: angka utama, grafik {group} dan tren menghitung **aksi** (kode aksi berbeda); peta menghitung "
        "**rencana aksi** (aksi satu K/L di satu tempat), jadi persentasenya berbeda dari angka utama; keterlibatan "
        "dan kelengkapan menghitung **K/L**; capaian target dirata-rata atas **rencana aksi** bertarget.",
        "Units: the headline, the {group} chart and the trend count **actions** (distinct action codes); the map "
        "counts **action plans** (one K/L's action in one place), so its percentages differ from the headline; "
        "involvement and completeness count **K/L**; target achievement is averaged over **action plans** with a "
        "target.",
    ),
    "dash.units.pillars": (
        "Satuan: grafik menghitung **aksi** (kode aksi berbeda); tabel di bawah mendaftar **rencana aksi** (satu "
        "baris per K/L dan tempat), jadi satu aksi bisa muncul beberapa kali.",
        "Units: the charts count **actions** (distinct action codes); the table below lists **action plans** (one "
        "row per K/L and place), so one action can appear several times.",
    ),
    "dash.units.agencies": (
        "Satuan: tingkat tiap K/L = **aksi K/L itu** yang dikomitmenkan ÷ aksinya. Jumlah tabel menghitung K/L × "
        "aksi (aksi yang direncanakan tiga K/L dihitung tiga kali): {committed} ÷ {planned} = {rate}, tidak sama "
        "dengan tingkat komitmen utama ({headline_committed} ÷ {headline_planned} aksi = {headline_rate}), yang "
        "menghitung tiap aksi sekali. Tabel aksi di profil mendaftar **rencana aksi**.",
        "Units: each K/L's rate = **its own actions** committed ÷ its actions. The table's totals count K/L × "
        "action (an action planned by three K/L counts three times): {committed} ÷ {planned} = {rate}, not the "
        "headline commitment rate ({headline_committed} ÷ {headline_planned} actions = {headline_rate}), which "
        "counts each action once. The profile's action table lists **action plans**.",
    ),
    "dash.units.regions": (
        "Satuan: wilayah menghitung **rencana aksi** (satu aksi satu K/L di satu tempat): {committed} ÷ {planned} "
        "rencana aksi = {rate} di semua tempat, tidak sama dengan tingkat komitmen utama ({headline_committed} ÷ "
        "{headline_planned} aksi = {headline_rate}), yang menghitung tiap aksi sekali.",
        "Units: regions count **action plans** (one K/L's action in one place): {committed} ÷ {planned} action "
        "plans = {rate} over every place, not the headline commitment rate ({headline_committed} ÷ "
        "{headline_planned} actions = {headline_rate}), which counts each action once.",
    ),
    "dash.units.trends": (
        "Satuan: tren tingkat komitmen menghitung **aksi** (tiap triwulan seperti bila triwulan itu dipilih); "
        "status menghitung **rencana aksi**; kelengkapan menghitung **K/L**.",
        "Units: the commitment trend counts **actions** (each quarter as if that quarter were chosen); the "
        "statuses count **action plans**; completeness counts **K/L**.",
    ),
    "dash.units.link": ("Definisi dan contoh hitungan", "Definitions and worked examples"),
    # the About the figures page
    "dash.about.intro": (
        "Setiap angka di dasbor menghitung salah satu dari tiga satuan. Definisinya mengikuti spesifikasi RAN PE; "
        "contoh hitungan di bawah memakai data yang tersimpan untuk filter yang dipilih di bilah samping.",
        "Every figure on the dashboard counts one of three units. The definitions follow the RAN PE "
        "specification; the worked examples below use the stored data for the filters chosen in the sidebar.",
    ),
    "dash.about.units": ("Tiga satuan", "Three units"),
    "dash.about.unit_actions": (
        "**Aksi** — kode aksi berbeda; satu aksi dihitung sekali, berapa pun K/L dan tempat yang merencanakannya. "
        "Dalam tampilan ini: {count} aksi.",
        "**Actions** — distinct action codes; an action counts once, however many K/L and places plan it. "
        "In this view: {count} actions.",
    ),
    "dash.about.unit_action_plans": (
        "**Rencana aksi** — satu baris laporan: aksi satu K/L di satu tempat (provinsi, atau nasional bila tanpa "
        "lokasi). Dalam tampilan ini: {count} rencana aksi.",
        "**Action plans** — one reported row: one K/L's action in one place (a province, or national when it has "
        "no location). In this view: {count} action plans.",
    ),
    "dash.about.unit_agencies": (
        "**K/L** — kementerian dan lembaga yang melaksanakan aksi. Dalam tampilan ini: {count} K/L.",
        "**K/L** — the ministries and agencies that carry out the actions. In this view: {count} K/L.",
    ),
    "dash.about.counted_rows": (
        "Baris yang dihitung: untuk tiap pasangan K/L dan pilar/tema, baris triwulan terakhir yang dilaporkannya pada "
        "tahun yang dipilih (atau baris triwulan yang dipilih) — laporan terakhir K/L adalah keadaannya saat ini; "
        "lalu filter pilar/tema, K/L dan provinsi diterapkan pada baris itu.",
        "The rows counted: for each K/L and pillar/theme, the rows of its latest reported quarter in the chosen year "
        "(or of the chosen quarter) — a K/L's latest report is its current state; then the pillar/theme, K/L and "
        "province filters apply to those rows.",
    ),
    "dash.about.example": (
        "Contoh untuk tampilan ini (filter di atas): {example}",
        "Worked example for this view (the filters above): {example}",
    ),
    "dash.about.equation": ("{committed} ÷ {planned} = {rate}", "{committed} ÷ {planned} = {rate}"),
    "dash.about.no_rows": (
        "Tidak ada baris untuk filter ini, jadi tidak ada contoh hitungan; definisinya tetap berlaku.",
        "No rows for these filters, so no worked examples; the definitions still hold.",
    ),
    "dash.about.commitment": ("Tingkat komitmen (aksi)", "Commitment rate (actions)"),
    "dash.about.commitment_def": (
        "Aksi yang dikomitmenkan minimal satu K/L ÷ aksi yang direncanakan (kode aksi berbeda dalam baris yang "
        "dihitung). Angka utama di Ringkasan, grafik per pilar/tema dan per area fokus.",
        "Actions committed by at least one K/L ÷ distinct actions planned (distinct action codes in the rows "
        "counted). The overview's headline, the pillar/theme and focus-area charts.",
    ),
    "dash.about.commitment_by_pillar": ("Per pilar/tema:", "By pillar/theme:"),
    "dash.about.involvement": ("Keterlibatan K/L (K/L)", "K/L involvement (K/L)"),
    "dash.about.involvement_def": (
        "K/L dengan minimal satu aksi dikomitmenkan ÷ K/L yang punya baris.",
        "K/L with at least one committed action ÷ K/L with any row.",
    ),
    "dash.about.agency": ("Tingkat komitmen per K/L (aksi K/L itu)", "Commitment rate by K/L (its own actions)"),
    "dash.about.agency_def": (
        "Aksi K/L itu yang dikomitmenkan ÷ aksi K/L itu (kode aksi berbeda dalam barisnya). Halaman K/L: peringkat, "
        "peta panas K/L × pilar/tema, tabel.",
        "That K/L's committed action codes ÷ its action codes. The Agencies page: ranking, K/L × pillar/theme heat "
        "map, table.",
    ),
    "dash.about.agency_example": ("{agency}: {equation}", "{agency}: {equation}"),
    "dash.about.agency_sum": (
        "Dijumlah atas semua K/L (K/L × aksi): {equation}. Ini bukan tingkat komitmen ({headline}): aksi yang "
        "direncanakan beberapa K/L dihitung sekali untuk tiap K/L.",
        "Summed over every K/L (K/L × action): {equation}. This is not the commitment rate ({headline}): an "
        "action planned by several K/L counts once for each of them.",
    ),
    "dash.about.region": ("Tingkat komitmen per wilayah (rencana aksi)", "Regional commitment rate (action plans)"),
    "dash.about.region_def": (
        "Rencana aksi yang dikomitmenkan ÷ rencana aksi di provinsi itu: di sini baris dihitung, bukan aksi "
        "berbeda. Baris nasional (tanpa lokasi) membentuk kelompok sendiri. Peta dan halaman Wilayah.",
        "Committed action plans ÷ action plans located in the province: here rows are counted, not distinct "
        "actions. National (non-located) rows form their own group. The map and the Regions page.",
    ),
    "dash.about.region_example": ("{province}: {equation}", "{province}: {equation}"),
    "dash.about.region_all": (
        "Semua tempat bersama: {equation} — lebih rendah dari tingkat komitmen ({headline}) karena tiap rencana "
        "aksi dihitung, bukan tiap aksi sekali.",
        "Every place together: {equation} — unlike the commitment rate ({headline}), each action plan counts, not "
        "each action once.",
    ),
    "dash.about.target": ("Capaian target (rencana aksi)", "Target achievement (action plans)"),
    "dash.about.target_def": (
        "Realisasi ÷ target, maksimal 100% per rencana aksi, dirata-rata atas rencana aksi yang bertarget.",
        "Realization ÷ target, capped at 100% per action plan, averaged over the action plans with a target.",
    ),
    "dash.about.target_example": (
        "rata-rata atas {rows} rencana aksi bertarget = {rate}",
        "average over {rows} action plans with a target = {rate}",
    ),
    "dash.about.completeness": ("Kelengkapan laporan (K/L)", "Reporting completeness (K/L)"),
    "dash.about.completeness_def": (
        "K/L yang melapor untuk satu triwulan ÷ K/L yang diharapkan (yang punya baris tahun itu), dalam filter "
        "pilar/tema dan K/L; filter provinsi tidak berlaku karena laporan dikirim per K/L. Tanpa triwulan dipilih: "
        "triwulan terakhir yang dilaporkan K/L mana pun.",
        "K/L that reported for a quarter ÷ K/L expected (those with any row that year), within the pillar/theme and "
        "K/L filters; the province filter does not apply, as reports are sent per K/L. With no quarter chosen: the "
        "latest quarter any K/L reported.",
    ),
    "dash.about.completeness_example": ("{quarter}: {equation}", "{quarter}: {equation}"),
    "dash.about.trend": ("Tren per triwulan", "Trends by quarter"),
    "dash.about.trend_def": (
        "Tiap triwulan dihitung seperti bila triwulan itu dipilih, untuk semua triwulan yang tersimpan; filter "
        "pilar/tema, K/L dan provinsi berlaku, filter tahun dan triwulan tidak. Judul grafik menyebut triwulan pertama "
        "dan terakhir yang digambar.",
        "Each quarter is counted as if that quarter were chosen, for every stored quarter; the pillar/theme, K/L and "
        "province filters apply, the year and quarter filters do not. The chart's subtitle names the first and "
        "last quarter drawn.",
    ),
    "dash.about.change": ("Perubahan terhadap triwulan sebelumnya", "Change against the previous quarter"),
    "dash.about.change_def": (
        "Kartu di Ringkasan membandingkan angka dengan triwulan sebelumnya pada filter yang sama, dalam poin "
        "persentase; perubahan yang dibulatkan menjadi 0,0 ditampilkan tanpa panah dan tanpa warna.",
        "The overview's cards compare each figure with the previous quarter under the same filters, in percentage "
        "points; a change that rounds to 0.0 is shown with no arrow and no colour.",
    ),
}
