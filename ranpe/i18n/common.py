"""Texts shared by every area: app name, fields of the submission contract, statuses."""

TEXTS = {
    "app.title": ("Pantau RAN PE", "Pantau RAN PE"),
    "app.subtitle": (
        "Pemantauan Rencana Aksi Nasional Pencegahan dan Penanggulangan Ekstremisme",
        "Monitoring the National Action Plan on Preventing and Countering Violent Extremism",
    ),
    "field.year": ("Tahun", "Year"),
    "field.quarter": ("Triwulan", "Quarter"),
    "field.agency": ("Kementerian/Lembaga", "Ministry/Agency"),
    "field.pillar": ("Pilar", "Pillar"),
    "field.action_code": ("Kode Aksi", "Action code"),
    "field.action": ("Aksi", "Action"),
    "field.province": ("Provinsi", "Province"),
    "field.committed": ("Komitmen", "Committed"),
    "field.status": ("Status Pelaksanaan", "Implementation status"),
    "field.target": ("Target", "Target"),
    "field.realization": ("Realisasi", "Realization"),
    "field.output": ("Keluaran", "Output"),
    "field.obstacles": ("Hambatan", "Obstacles"),
    "field.follow_up": ("Tindak Lanjut", "Follow-up"),
    "field.notes": ("Keterangan", "Notes"),
    "status.not_started": ("Belum dimulai", "Not started"),
    "status.in_progress": ("Dalam proses", "In progress"),
    "status.completed": ("Selesai", "Completed"),
    "status.not_implemented": ("Tidak terlaksana", "Not implemented"),
    "committed.yes": ("Ya", "Yes"),
    "committed.no": ("Tidak", "No"),
    "national": ("Nasional", "National"),
    "demo.badge": ("DATA DEMO", "DEMO DATA"),
}

TEXTS |= {
    "cli.commitment": ("Tingkat komitmen", "Commitment rate"),
    "cli.involvement": ("Keterlibatan K/L", "K/L involvement"),
    "cli.target_achievement": ("Capaian target", "Target achievement"),
    "cli.no_uploads": ("Belum ada unggahan", "No uploads yet"),
    "cli.no_such_upload": (
        "Unggahan #{upload_id} tidak ada atau ditolak",
        "Upload #{upload_id} does not exist or was refused",
    ),
    "cli.restored": (
        "Unggahan #{upload_id} kembali aktif untuk {count} kombinasi K/L–tahun–triwulan–pilar",
        "Upload #{upload_id} is active again for {count} K/L–year–quarter–pillar combinations",
    ),
    "cli.demo_loaded": ("Data demo dimuat: {count} unggahan", "Demo data loaded: {count} uploads"),
    "cli.demo_removed": ("Data demo dihapus: {count} unggahan", "Demo data removed: {count} uploads"),
}
