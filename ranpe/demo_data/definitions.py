"""The demo data set's fixed figures and names: each year's plan (DOMAIN.md's published figures for 2023), the K/L and
their pillars, focus areas and actions, units, obstacles, the spellings and headers the files use, the illustrative
second period, and the catalogues' sizes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

SEED = 20230901
YEARS = (2021, 2022, 2023, 2024)
QUARTERS = (1, 2, 3, 4)
ROMAN = ("I", "II", "III", "IV")
# The document date written into every generated workbook, so the same data gives the same bytes.
WORKBOOK_DATE = datetime(2024, 1, 1)


@dataclass(frozen=True)
class YearPlan:
    """How a year's figures come out: actions planned and committed per pillar, K/L with rows and involved."""

    planned: dict[int, int]
    committed: dict[int, int]
    agencies_total: int
    agencies_involved: int


PLANS = {
    2021: YearPlan({1: 46, 2: 13, 3: 12}, {1: 31, 2: 8, 3: 7}, 40, 27),
    2022: YearPlan({1: 48, 2: 15, 3: 13}, {1: 37, 2: 11, 3: 10}, 42, 32),
    2023: YearPlan({1: 50, 2: 15, 3: 14}, {1: 41, 2: 12, 3: 11}, 44, 36),
    2024: YearPlan({1: 52, 2: 16, 3: 14}, {1: 46, 2: 14, 3: 13}, 44, 39),
}

# The K/L taking part (44 of the 49 reference agencies) and the pillars each works in.
AGENCY_PILLARS = {
    "BNPT": (1, 2, 3),
    "KEMENKOPOLHUKAM": (1, 2, 3),
    "KEMENKOPMK": (1,),
    "KEMENDAGRI": (1, 3),
    "KEMENLU": (3,),
    "KEMHAN": (1,),
    "KEMENKUMHAM": (1, 2),
    "KEMENKEU": (2, 3),
    "KEMENDIKBUDRISTEK": (1,),
    "KEMENAG": (1, 3),
    "KEMENKES": (1,),
    "KEMENSOS": (1, 2),
    "KEMNAKER": (1,),
    "KEMENPERIN": (1,),
    "KLHK": (1,),
    "KEMENHUB": (1,),
    "KOMINFO": (1, 3),
    "KEMENPUPR": (1,),
    "KEMENPPPA": (1, 2),
    "KEMENDESPDTT": (1,),
    "KEMENPANRB": (1,),
    "KEMENPORA": (1,),
    "KEMENPAREKRAF": (1,),
    "KEMENKOPUKM": (1,),
    "ATRBPN": (1,),
    "BAPPENAS": (3,),
    "POLRI": (1, 2, 3),
    "TNI": (1,),
    "KEJAKSAAN": (2,),
    "MA": (2,),
    "BIN": (1, 3),
    "BSSN": (1, 3),
    "LPSK": (2,),
    "PPATK": (2, 3),
    "KOMNASHAM": (2,),
    "KOMNASPEREMPUAN": (1, 2),
    "KPAI": (1, 2),
    "BPIP": (1,),
    "BKN": (1,),
    "LAN": (1,),
    "BPS": (1,),
    "BNN": (1,),
    "KSP": (3,),
    "BRIN": (1, 3),
}
# K/L that joined later (absent from a year's pool before the year given).
JOINED = {"BRIN": 2022, "KSP": 2022, "BKN": 2023, "LAN": 2023}
# K/L involved every year (the coordinators and the main implementers).
ALWAYS_INVOLVED = (
    "BNPT",
    "KEMENKOPOLHUKAM",
    "POLRI",
    "KEMENDAGRI",
    "KEMENLU",
    "KEMENKUMHAM",
    "KEMENAG",
    "KOMINFO",
    "KEMENSOS",
    "LPSK",
    "KEJAKSAAN",
    "PPATK",
)
# K/L that send their own .csv file (all their pillars) instead of reporting through the Pokja.
OWN_FILE_AGENCIES = ("KEMENAG", "KEMENSOS", "LPSK", "BPIP")
# (year, quarter, agency) that never reported: feeds the reporting-completeness view; none in 2023.
MISSED_REPORTS = {(2021, 3, "BPS"), (2022, 2, "KEMENPORA"), (2022, 4, "KEMENSOS"), (2024, 1, "KPAI")}
# Names used after the October 2024 reorganisation of ministries (aliases in the reference list).
RENAMED_2024 = {"KEMENKUMHAM": "Kementerian Hukum", "KOMINFO": "Komdigi", "KEMENDIKBUDRISTEK": "Kemendikdasmen"}

# Focus areas per pillar: (number, name, carried out in the focus provinces, actions).
FOCUS_AREAS = {
    1: [
        (
            1,
            "Koordinasi dan penguatan kelembagaan",
            False,
            [
                "Penyusunan rencana kerja tahunan RAN PE di tingkat K/L",
                "Pembentukan tim koordinasi pelaksanaan RAN PE",
                "Penguatan sekretariat bersama RAN PE",
                "Penyusunan pedoman pemantauan dan evaluasi RAN PE",
                "Penyelarasan program pencegahan dengan RPJMN",
                "Peningkatan kapasitas aparatur dalam pencegahan ekstremisme",
                "Penyusunan basis data program pencegahan ekstremisme",
                "Rapat koordinasi berkala pelaksanaan RAN PE",
            ],
        ),
        (
            2,
            "Kesiapsiagaan dan deteksi dini",
            False,
            [
                "Pemetaan wilayah rawan ekstremisme berbasis kekerasan",
                "Pengembangan sistem deteksi dini di daerah",
                "Penguatan Forum Koordinasi Pencegahan Terorisme (FKPT)",
                "Pengamanan objek vital dan ruang publik",
                "Pelatihan kesiapsiagaan bagi aparat kewilayahan",
                "Pengawasan peredaran bahan peledak dan senjata api",
                "Penguatan ketahanan siber terhadap propaganda ekstremis",
                "Simulasi penanganan insiden terorisme",
                "Pemantauan konten radikal di media sosial",
                "Penguatan keamanan lembaga pemasyarakatan",
            ],
        ),
        (
            3,
            "Kontra radikalisasi dan kontra narasi",
            False,
            [
                "Produksi konten kontra narasi di media digital",
                "Penguatan moderasi beragama di satuan pendidikan",
                "Literasi digital bagi pelajar dan mahasiswa",
                "Penguatan wawasan kebangsaan bagi ASN",
                "Dialog lintas agama dan budaya",
                "Pelatihan duta damai dunia maya",
                "Integrasi materi toleransi dalam kurikulum",
                "Penguatan peran penyuluh agama",
                "Kampanye nilai-nilai Pancasila bagi generasi muda",
                "Pelibatan tokoh agama dalam kontra narasi",
                "Pengawasan penerbitan dan penyiaran bermuatan radikal",
                "Penguatan ketahanan keluarga terhadap paham radikal",
            ],
        ),
        (
            4,
            "Deradikalisasi dan reintegrasi sosial",
            True,
            [
                "Pembinaan kemandirian mitra deradikalisasi",
                "Pendampingan keluarga mitra deradikalisasi",
                "Bantuan modal usaha bagi mitra deradikalisasi",
                "Pelatihan keterampilan kerja bagi mantan narapidana terorisme",
                "Layanan kesehatan dan psikososial bagi mitra deradikalisasi",
                "Fasilitasi dokumen kependudukan mitra deradikalisasi",
                "Pendidikan bagi anak mitra deradikalisasi",
                "Program Sinergisitas K/L di wilayah fokus",
                "Pembinaan narapidana terorisme di lapas",
                "Pemantauan pasca pembebasan narapidana terorisme",
                "Reintegrasi deportan dan returnis",
                "Penguatan penerimaan masyarakat terhadap mitra deradikalisasi",
            ],
        ),
        (
            5,
            "Pelibatan masyarakat, perempuan dan pemuda",
            True,
            [
                "Pemberdayaan perempuan sebagai agen perdamaian",
                "Pelibatan pemuda dalam kegiatan pencegahan",
                "Penguatan desa/kelurahan siapsiaga",
                "Pelatihan tokoh masyarakat dalam pencegahan ekstremisme",
                "Pelibatan organisasi masyarakat sipil",
                "Kewirausahaan pemuda di wilayah rawan",
                "Perlindungan anak dari paparan paham radikal",
                "Forum warga untuk kohesi sosial",
                "Pelibatan media lokal dalam pesan damai",
                "Pelatihan pendidik PAUD dan sekolah dasar",
            ],
        ),
    ],
    2: [
        (
            1,
            "Penegakan hukum",
            False,
            [
                "Penindakan jaringan terorisme",
                "Penelusuran pendanaan terorisme",
                "Pemblokiran aset terduga teroris",
                "Penuntutan perkara tindak pidana terorisme",
                "Peningkatan kapasitas hakim perkara terorisme",
                "Pertukaran data penegakan hukum antarlembaga",
            ],
        ),
        (
            2,
            "Perlindungan saksi dan korban",
            True,
            [
                "Pemberian kompensasi bagi korban terorisme",
                "Layanan rehabilitasi medis dan psikologis korban",
                "Perlindungan saksi dalam perkara terorisme",
                "Pendataan korban terorisme masa lalu",
                "Pemberdayaan ekonomi penyintas",
            ],
        ),
        (
            3,
            "Penguatan kerangka legislasi",
            False,
            [
                "Penyusunan peraturan pelaksanaan UU Pemberantasan Tindak Pidana Terorisme",
                "Harmonisasi regulasi pencegahan ekstremisme",
                "Kajian evaluasi regulasi penanggulangan terorisme",
                "Penyusunan pedoman penanganan anak dalam perkara terorisme",
                "Penguatan regulasi pencegahan pendanaan terorisme",
            ],
        ),
    ],
    3: [
        (
            1,
            "Kemitraan dalam negeri",
            True,
            [
                "Kemitraan dengan perguruan tinggi",
                "Kemitraan dengan organisasi keagamaan",
                "Kemitraan dengan sektor swasta",
                "Kemitraan dengan pemerintah daerah",
                "Forum kemitraan multipihak",
                "Kerja sama riset pencegahan ekstremisme",
                "Pelibatan media nasional",
            ],
        ),
        (
            2,
            "Kerja sama internasional",
            False,
            [
                "Kerja sama bilateral penanggulangan terorisme",
                "Partisipasi dalam forum multilateral",
                "Pertukaran informasi intelijen keuangan",
                "Kerja sama repatriasi WNI dari zona konflik",
                "Diplomasi moderasi beragama",
                "Peningkatan kapasitas bersama mitra internasional",
                "Kerja sama penanganan foreign terrorist fighters",
            ],
        ),
    ],
}

# What a target counts, with the range of an annual national target and the output reported.
UNITS = (
    ("kegiatan", 4, 24, "{n} kegiatan terlaksana"),
    ("peserta", 100, 2500, "Peserta kegiatan sebanyak {n} orang"),
    ("persen", 80, 100, "Capaian kinerja {n} persen"),
    ("dokumen", 1, 5, "{n} dokumen kebijakan/laporan"),
    ("orang", 20, 300, "{n} orang penerima manfaat"),
    ("konten", 20, 400, "{n} konten dipublikasikan"),
)
OBSTACLES = (
    ("Keterbatasan anggaran akibat refocusing", "Pengajuan tambahan anggaran pada APBN-P dan optimalisasi kegiatan"),
    ("Koordinasi dengan pemerintah daerah belum optimal", "Rapat koordinasi bersama Bakesbangpol provinsi"),
    ("Data mitra deradikalisasi belum mutakhir", "Pemutakhiran data bersama BNPT dan Densus 88"),
    ("Jadwal kegiatan bergeser karena agenda pimpinan", "Penjadwalan ulang pada triwulan berikutnya"),
    ("Keterbatasan sumber daya manusia pelaksana", "Penugasan tambahan personel dan pelatihan internal"),
    ("Penolakan sebagian masyarakat terhadap mitra deradikalisasi", "Dialog dengan tokoh masyarakat dan tokoh agama"),
    ("Proses pengadaan barang dan jasa terlambat", "Percepatan proses lelang dan pengawasan jadwal"),
    ("Akses ke lokasi sasaran sulit dijangkau", "Kegiatan dilaksanakan secara daring dan melalui mitra lokal"),
    ("Belum ada payung hukum pelaksanaan di daerah", "Penyusunan rancangan peraturan bersama Kemendagri"),
    ("Perubahan struktur organisasi K/L", "Penetapan unit kerja penanggung jawab yang baru"),
    ("Minimnya partisipasi peserta perempuan", "Pelibatan organisasi perempuan dalam perekrutan peserta"),
    ("Keterbatasan data korban terorisme masa lalu", "Verifikasi bersama LPSK dan kepolisian daerah"),
    ("Sinkronisasi program antar-K/L belum berjalan", "Pembahasan dalam forum Sinergisitas K/L"),
    ("Konten kontra narasi belum menjangkau sasaran", "Kerja sama dengan pemengaruh dan media lokal"),
    ("Mitra internasional menunda jadwal pertemuan", "Komunikasi melalui perwakilan RI dan pertemuan virtual"),
    ("Pelaporan melalui I-KHub belum lengkap", "Pendampingan pengisian laporan oleh sekretariat bersama"),
)
UNCOMMITTED_NOTES = (
    "Tidak dianggarkan dalam DIPA tahun berjalan",
    "Menunggu penetapan unit penanggung jawab",
    "Dialihkan ke tahun berikutnya",
    "Belum menjadi prioritas program K/L",
)
PROVINCE_SPELLINGS = {
    "72": ("Sulawesi Tengah", "Sulteng", "72"),
    "52": ("Nusa Tenggara Barat", "NTB", "52"),
    "35": ("Jawa Timur", "Jatim", "35"),
    "32": ("Jawa Barat", "Jabar", "32"),
    "33": ("Jawa Tengah", "Jateng", "33"),
}
WORKING_GROUPS = {1: "POKJA PENCEGAHAN", 2: "POKJA PENINDAKAN HUKUM", 3: "POKJA KEBIJAKAN DAN KERJA SAMA INTERNASIONAL"}
POKJA_HEADERS = (
    (
        "No",
        "Tahun",
        "Triwulan",
        "Kementerian/Lembaga",
        "Pilar",
        "Kode Aksi",
        "Rencana Aksi",
        "Provinsi",
        "Komitmen (Ya/Tidak)",
        "Status Pelaksanaan",
        "Target",
        "Realisasi",
        "Keluaran",
        "Hambatan",
        "Tindak Lanjut",
        "Keterangan",
    ),
    (
        "NO",
        "TAHUN",
        "TW",
        "KEMENTERIAN/\nLEMBAGA",
        "PILAR",
        "KODE",
        "NAMA AKSI",
        "LOKASI",
        "DIKOMITMENKAN",
        "STATUS",
        "TARGET",
        "CAPAIAN",
        "PRODUK PENGETAHUAN",
        "KENDALA",
        "PENYELESAIAN MASALAH",
        "CATATAN",
    ),
)
CSV_HEADER = (
    "Pilar",
    "Kode Aksi",
    "Rencana Aksi",
    "Provinsi",
    "Komitmen",
    "Status",
    "Target",
    "Realisasi",
    "Keluaran",
    "Hambatan",
    "Tindak Lanjut",
    "Keterangan",
)
STATUS_TEXT = {
    "not_started": "Belum dimulai",
    "in_progress": "Dalam proses",
    "completed": "Selesai",
    "not_implemented": "Tidak terlaksana",
}


# -- the illustrative second period ----------------------------------------------------------------------------
#
# A second RAN PE is being set (press reports speak of 2025/2026–2029 and about nine themes; nothing is confirmed
# here). The demo adds a period of nine themes to show the product with a plan that has no three pillars. Its
# themes are ILLUSTRATIVE names made up for the demo, not the official ones: the period is stored with
# illustrative = true, and every page and slide showing one of its years says so.
ILLUSTRATIVE_PERIOD = {
    "code": "RANPE-2026",
    "name": "RAN PE 2026–2029 (ilustratif)",
    "name_en": "RAN PE 2026–2029 (illustrative)",
    "legal_basis": "Belum ditetapkan (contoh ilustratif)",
    "years": "2026-2029",
    "group_word": "Tema",
    "group_word_en": "Theme",
}
ILLUSTRATIVE_THEMES = (
    (1, "Kesiapsiagaan nasional", "National preparedness", "Kesiapsiagaan;Preparedness"),
    (2, "Kontra radikalisasi", "Counter-radicalisation", "Kontra radikalisasi;Counter radicalisation"),
    (3, "Deradikalisasi dan reintegrasi", "Deradicalisation and reintegration", "Deradikalisasi;Reintegrasi"),
    (4, "Literasi digital dan ruang siber", "Digital literacy and cyberspace", "Literasi digital;Siber;Cyber"),
    (5, "Pendidikan dan pemuda", "Education and youth", "Pendidikan;Pemuda;Youth"),
    (6, "Perempuan, anak dan keluarga", "Women, children and families", "Perempuan dan anak;Keluarga"),
    (7, "Penegakan hukum dan perlindungan korban", "Law enforcement and victim protection", "Penegakan hukum"),
    (8, "Tata kelola dan koordinasi daerah", "Governance and regional coordination", "Tata kelola;Daerah"),
    (9, "Kemitraan dan kerja sama internasional", "Partnership and international cooperation", "Kerja sama"),
)
ILLUSTRATIVE_YEAR = 2026
ILLUSTRATIVE_QUARTERS = (1, 2, 3)
# The K/L reporting in 2026 and the themes each works in (a few, as the first quarters of a new plan would be).
ILLUSTRATIVE_AGENCIES = {
    "BNPT": (1, 2, 3, 4, 9),
    "KEMENAG": (2, 5, 6),
    "KOMINFO": (4, 2),
    "KEMENDIKBUDRISTEK": (5,),
    "KEMENPPPA": (6,),
    "POLRI": (7, 1),
    "LPSK": (7,),
    "KEMENDAGRI": (8, 1),
    "KEMENLU": (9,),
    "BSSN": (4,),
}
ILLUSTRATIVE_HEADER = (
    "Tahun",
    "Triwulan",
    "K/L",
    "Tema",
    "Kode Aksi",
    "Aksi",
    "Provinsi",
    "Komitmen",
    "Status",
    "Target",
    "Realisasi",
    "Hambatan",
    "Tindak Lanjut",
)


# -- the plan: each period's action catalogue and the crosswalk between them ------------------------------------

# The first period's catalogue counts 135 actions (DOMAIN.md). The demo rows report 82 of them over 2021–2024; the
# others were planned for 2020 only, a year the demo holds no reports of.
CATALOGUE_SIZE = {"RANPE-2020": {1: 85, 2: 26, 3: 24}}
# Per year, this many actions of the year's catalogue are left without a report (a few unreported actions).
UNREPORTED_PER_YEAR = 2
CATALOGUE_HEADER = ("Kode Aksi", "Aksi", "Pilar", "Penanggung Jawab", "Instansi Terkait", "Tahun Pelaksanaan")
CATALOGUE_DATE = datetime(2024, 12, 31, 9, 0)
