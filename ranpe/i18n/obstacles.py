"""Texts of the obstacles: the page, its charts, the theme dictionary's admin section, the CLI and the pack."""

TEXTS = {
    "dash.page.obstacles": ("Hambatan", "Obstacles"),
    "obs.other": ("Lainnya", "Other"),
    "obs.open": ("Terbuka", "Open"),
    "obs.resolved": ("Ditindaklanjuti", "Resolved"),
    "obs.unit": ("teks hambatan", "obstacle texts"),
    "obs.unit_note": (
        "Satu teks hambatan = hambatan yang dilaporkan untuk satu rencana aksi (satu K/L, satu aksi, satu lokasi), "
        "dihitung seperti ukuran lain: triwulan terakhir tiap K/L, atau triwulan yang dipilih. Satu teks dapat "
        "memiliki beberapa tema, jadi jumlah per tema bisa melebihi jumlah teks. Terbuka = tanpa tindak lanjut.",
        "One obstacle text = the obstacle reported for one action plan (one K/L, one action, one place), counted "
        "as the other measures count rows: each K/L's latest quarter, or the quarter chosen. A text can carry "
        "several themes, so the counts per theme can add up to more than the texts. Open = no follow-up given.",
    ),
    "obs.none": (
        "Tidak ada hambatan yang dilaporkan untuk filter ini.",
        "No obstacles are reported for these filters.",
    ),
    # key figures
    "obs.kpi.texts": ("Teks hambatan", "Obstacle texts"),
    "obs.kpi.texts_detail": (
        "{texts} rencana aksi melaporkan hambatan",
        "{texts} action plans report an obstacle",
    ),
    "obs.kpi.open": ("Hambatan terbuka", "Open obstacles"),
    "obs.kpi.open_detail": (
        "{open} dari {texts} teks hambatan tanpa tindak lanjut",
        "{open} of {texts} obstacle texts without follow-up",
    ),
    "obs.kpi.other": ("Tanpa tema", "No theme"),
    "obs.kpi.other_detail": (
        "{other} dari {texts} teks hambatan: lainnya",
        "{other} of {texts} obstacle texts: other",
    ),
    # charts
    "obs.chart.by_pillar": ("Tema hambatan per pilar/tema", "Obstacle themes by pillar/theme"),
    "obs.chart.by_quarter": ("Tema hambatan per triwulan", "Obstacle themes by quarter"),
    "obs.chart.by_agency": ("Tema hambatan per K/L", "Obstacle themes by K/L"),
    "obs.chart.states": ("Terbuka dan ditindaklanjuti per tema", "Open and resolved by theme"),
    "obs.unit_title": ("(teks hambatan)", "(obstacle texts)"),
    "obs.axis.texts": ("Teks hambatan (rencana aksi)", "Obstacle texts (action plans)"),
    "obs.axis.theme": ("Tema", "Theme"),
    "obs.colour.texts": ("Teks<br>hambatan", "Obstacle<br>texts"),
    "obs.hover.cell": (
        "{row} · {column}<br>{texts} teks hambatan, {open} terbuka",
        "{row} · {column}<br>{texts} obstacle texts, {open} open",
    ),
    "obs.hover.state": ("{theme}: {texts} teks hambatan {state}", "{theme}: {texts} {state} obstacle texts"),
    "obs.state.open_lower": ("terbuka", "open"),
    "obs.state.resolved_lower": ("ditindaklanjuti", "resolved"),
    "obs.desc.quarters": ("Tahun {year} · {first}–{last}", "Year {year} · {first}–{last}"),
    "obs.desc.quarter": ("Tahun {year} · {quarter}", "Year {year} · {quarter}"),
    "obs.desc.each_quarter": (
        "tiap triwulan dihitung seperti bila dipilih",
        "each quarter counted as when it is chosen",
    ),
    "obs.drill_hint": (
        "Klik sel atau batang: teksnya tampil di bawah, dan pilar/tema, triwulan atau K/L-nya menyaring semua halaman.",
        "Click a cell or bar: its texts show below, and its pillar/theme, quarter or K/L filters every page.",
    ),
    # texts
    "obs.texts.title": ("Teks hambatan dan kata penentunya", "Obstacle texts and the words that decided them"),
    "obs.texts.theme": ("Tema", "Theme"),
    "obs.texts.all_themes": ("Semua tema", "All themes"),
    "obs.texts.state": ("Status hambatan", "Obstacle status"),
    "obs.texts.all_states": ("Terbuka dan ditindaklanjuti", "Open and resolved"),
    "obs.texts.search": ("Cari dalam hambatan dan tindak lanjut", "Search obstacles and follow-ups"),
    "obs.texts.search_help": (
        "Kata atau frasa, tanpa membedakan huruf besar dan kecil.",
        "A word or phrase, upper and lower case alike.",
    ),
    "obs.texts.showing": (
        "{shown} dari {total} teks hambatan ditampilkan dengan kata penentu yang disorot; tabel di bawah memuat "
        "hingga {rows} teks, unduhannya memuat semua {total}.",
        "{shown} of {total} obstacle texts shown with the deciding words highlighted; the table below holds up to "
        "{rows}, its downloads all {total}.",
    ),
    "obs.texts.none": ("Tidak ada teks hambatan yang cocok.", "No obstacle text matches."),
    "obs.texts.follow_up": ("Tindak lanjut", "Follow-up"),
    "obs.texts.no_follow_up": ("belum ada tindak lanjut", "no follow-up yet"),
    "obs.texts.themes_table": ("Jumlah per tema", "Counts per theme"),
    "obs.col.theme": ("Tema", "Theme"),
    "obs.col.themes": ("Tema", "Themes"),
    "obs.col.matched": ("Kata penentu", "Deciding words"),
    "obs.col.state": ("Status hambatan", "Obstacle status"),
    "obs.col.texts": ("Teks hambatan", "Obstacle texts"),
    "obs.col.open": ("Terbuka", "Open"),
    # exports
    "exports.slug.obstacle_texts": ("teks-hambatan", "obstacle-texts"),
    "exports.slug.obstacle_themes": ("tema-hambatan", "obstacle-themes"),
    "exports.slug.obstacles_by_pillar": ("tema-hambatan-per-pilar", "obstacle-themes-by-pillar"),
    "exports.slug.obstacles_by_quarter": ("tema-hambatan-per-triwulan", "obstacle-themes-by-quarter"),
    "exports.slug.obstacles_by_agency": ("tema-hambatan-per-kl", "obstacle-themes-by-agency"),
    "exports.slug.obstacle_states": ("hambatan-terbuka", "open-obstacles"),
    "obs.table.texts": ("Teks hambatan dan temanya", "Obstacle texts and their themes"),
    "obs.table.themes": ("Tema hambatan", "Obstacle themes"),
    "obs.pack.key_texts": (
        "Teks hambatan: {texts}, terbuka (tanpa tindak lanjut): {open}",
        "Obstacle texts: {texts}, open (no follow-up): {open}",
    ),
    "obs.pack.key_theme": (
        "{name} — teks hambatan: {texts}, terbuka: {open}",
        "{name} — obstacle texts: {texts}, open: {open}",
    ),
    "obs.pack.key_none": ("Tidak ada hambatan dilaporkan", "No obstacles reported"),
    # command line
    "obs.cli.header": ("Hambatan — {period}", "Obstacles — {period}"),
    "obs.cli.theme_line": (
        "{name} — teks hambatan: {texts}, terbuka: {open}",
        "{name} — obstacle texts: {texts}, open: {open}",
    ),
    "obs.cli.texts": ("Teks hambatan (rencana aksi): {count}", "Obstacle texts (action plans): {count}"),
    "obs.cli.words": ("kata penentu", "deciding words"),
    # the dictionary, in Data rujukan
    "obs.ref.tab": ("Tema hambatan", "Obstacle themes"),
    "obs.ref.help": (
        "Satu baris per tema. Kata Indonesia dicocokkan setelah diambil kata dasarnya (PySastrawi: "
        "“dianggarkan” cocok dengan “anggaran”); kata Inggris dicocokkan seperti ditulis. Pisahkan kata dengan ; "
        "— beberapa kata (“payung hukum”) dicocokkan sebagai frasa. Teks tanpa tema masuk “Lainnya”. Pratinjau "
        "dulu, lalu simpan.",
        "One row per theme. Indonesian words are matched on their root (PySastrawi: “dianggarkan” matches "
        "“anggaran”); English words as written. Separate words with ; — several words (“payung hukum”) are "
        "matched as a phrase. A text with no theme is “Other”. Preview first, then save.",
    ),
    "obs.ref.code": ("Kode", "Code"),
    "obs.ref.theme": ("Tema yang diubah", "Theme to edit"),
    "obs.ref.new": ("+ Tema baru", "+ New theme"),
    "obs.ref.new_code": (
        "Kode tema baru (huruf kecil, angka, _)",
        "New theme's code (lowercase letters, digits, _)",
    ),
    "obs.ref.remove": ("Hapus tema ini", "Remove this theme"),
    "obs.ref.words_one": ("Kata Indonesia (satu per baris)", "Indonesian words (one per line)"),
    "obs.ref.words_en_one": ("Kata Inggris (satu per baris)", "English words (one per line)"),
    "obs.ref.name": ("Nama", "Name"),
    "obs.ref.name_en": ("Nama (Inggris)", "Name (English)"),
    "obs.ref.words": ("Kata Indonesia (dipisah ;)", "Indonesian words (separated by ;)"),
    "obs.ref.words_en": ("Kata Inggris (dipisah ;)", "English words (separated by ;)"),
    "obs.ref.preview": ("Pratinjau pengodean", "Preview the coding"),
    "obs.ref.save": ("Simpan tema", "Save the themes"),
    "obs.ref.preview_title": (
        "Pratinjau: {texts} teks hambatan tersimpan (semua tahun, versi aktif)",
        "Preview: {texts} stored obstacle texts (every year, active versions)",
    ),
    "obs.ref.col.before": ("Sebelum", "Before"),
    "obs.ref.col.after": ("Sesudah", "After"),
    "obs.ref.col.change": ("Perubahan", "Change"),
    "obs.ref.changed": (
        "{changed} dari {texts} teks hambatan berganti tema; contoh:",
        "{changed} of {texts} obstacle texts change themes; a sample:",
    ),
    "obs.ref.unchanged": ("Tidak ada teks yang berganti tema.", "No text changes themes."),
    "obs.ref.col.text": ("Teks hambatan", "Obstacle text"),
    "obs.ref.col.plans": ("Rencana aksi", "Action plans"),
    "obs.ref.no_edit": ("Belum ada perubahan pada tema.", "The themes are unchanged."),
    "obs.ref.preview_first": (
        "Pratinjau perubahan ini dulu sebelum menyimpan.",
        "Preview this change before saving it.",
    ),
    "obs.ref.saved": ("Tema hambatan disimpan: {count} perubahan", "Obstacle themes saved: {count} changes"),
    "obs.ref.bad_code": (
        "Kode tema tidak sah: “{code}” (huruf kecil, angka dan _, 1–32 karakter)",
        "Invalid theme code: “{code}” (lowercase letters, digits and _, 1–32 characters)",
    ),
    "obs.ref.reserved": (
        "Kode “{code}” dipakai untuk teks tanpa tema; pilih kode lain",
        "The code “{code}” is kept for texts with no theme; choose another",
    ),
    "obs.ref.duplicate": ("Kode tema {code} muncul dua kali", "Theme code {code} appears twice"),
    "obs.ref.name_required": ("Tema {code}: nama wajib diisi", "Theme {code}: a name is required"),
    "obs.ref.no_words": (
        "Tema {code}: isi minimal satu kata Indonesia atau Inggris",
        "Theme {code}: give at least one Indonesian or English word",
    ),
    "obs.ref.empty": ("Simpan minimal satu tema", "Keep at least one theme"),
}
