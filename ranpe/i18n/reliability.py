"""Texts of reliability and security: parsing limits, store health, backups."""

TEXTS = {
    "reliability.parse_timeout": (
        "Berkas tidak selesai dibaca dalam {seconds} detik; ditolak agar aplikasi tetap melayani pengguna lain",
        "The file could not be read within {seconds} seconds; refused so that the app keeps serving other users",
    ),
    "reliability.parse_memory": (
        "Membaca berkas ini memerlukan lebih dari {limit} MB memori; ditolak demi keamanan",
        "Reading this file needs more than {limit} MB of memory; refused for safety",
    ),
    "reliability.parse_stopped": (
        "Pembaca berkas berhenti sebelum selesai (batas memori {limit} MB atau berkas rusak); ditolak",
        "The file reader stopped before finishing (memory limit {limit} MB, or a damaged file); refused",
    ),
    # Store health at start-up.
    "reliability.health_ok": ("Basis data dalam keadaan baik", "The database is in good order"),
    "reliability.health_schema_old": (
        "Versi skema basis data {found} lebih lama dari yang diharapkan ({expected})",
        "The database schema version {found} is older than expected ({expected})",
    ),
    "reliability.health_schema_new": (
        "Versi skema basis data {found} lebih baru dari aplikasi ini ({expected}); perbarui aplikasi",
        "The database schema version {found} is newer than this app ({expected}); update the app",
    ),
    "reliability.health_row_count": (
        "Unggahan #{upload_id} mencatat {expected} baris tetapi basis data menyimpan {found}",
        "Upload #{upload_id} records {expected} rows but the database holds {found}",
    ),
    "reliability.health_active_missing": (
        "Irisan aktif {agency_code} {year} TW {quarter} pilar {pillar} menunjuk unggahan #{upload_id} yang "
        "tidak tersimpan",
        "The active slice {agency_code} {year} Q{quarter} pillar {pillar} points to upload #{upload_id}, "
        "which is not stored",
    ),
    "reliability.health_archive_missing": (
        "Berkas asli unggahan #{upload_id} tidak ada di arsip unggahan",
        "The original file of upload #{upload_id} is missing from the uploads archive",
    ),
    "reliability.health_audit_missing": (
        "Unggahan #{upload_id} tersimpan tanpa catatan di log audit",
        "Upload #{upload_id} is stored but has no entry in the audit log",
    ),
    "reliability.health_audit_orphan": (
        "Log audit mencatat unggahan #{upload_id} yang tidak ada di basis data",
        "The audit log records upload #{upload_id}, which is not in the database",
    ),
    "reliability.health_failed": (
        "Basis data tidak dapat diperiksa: {detail}",
        "The database could not be checked: {detail}",
    ),
    "reliability.health_banner": (
        "Data tidak ditampilkan karena pemeriksaan basis data menemukan masalah. Hubungi admin.",
        "Data is not shown because the database check found problems. Contact an admin.",
    ),
    # Backups.
    "reliability.backup_written": (
        "Cadangan ditulis ke {path}: {uploads} unggahan, {rows} baris, {files} berkas asli",
        "Backup written to {path}: {uploads} uploads, {rows} rows, {files} original files",
    ),
    "reliability.backup_exists": (
        "{path} sudah ada; pilih nama lain (cadangan tidak pernah menimpa berkas)",
        "{path} already exists; choose another name (a backup never overwrites a file)",
    ),
    "reliability.restore_done": (
        "Cadangan dipulihkan ke {path}: {uploads} unggahan, {rows} baris, {files} berkas asli",
        "Backup restored to {path}: {uploads} uploads, {rows} rows, {files} original files",
    ),
    "reliability.restore_target_exists": (
        "{path} sudah ada; pulihkan ke lokasi baru (pemulihan tidak pernah menimpa basis data)",
        "{path} already exists; restore into a new location (a restore never overwrites a database)",
    ),
    "reliability.backup_invalid": (
        "{path} bukan cadangan Pantau RAN PE yang utuh: {detail}",
        "{path} is not a complete Pantau RAN PE backup: {detail}",
    ),
}
