"""Texts of `python -m ranpe serve`: several app processes behind one address (HAProxy)."""

TEXTS = {
    "serve.embedded_many": (
        "{store} adalah berkas DuckDB tertanam: hanya satu proses yang dapat membukanya, bukan {processes}. "
        "Untuk beberapa proses gunakan penyimpanan bersama: --store ducklake:postgres:<koneksi PostgreSQL> dan "
        "RANPE_LAKE_DATA (lihat README, bagian «Deploy on several machines»), atau --processes 1.",
        "{store} is an embedded DuckDB file: only one process can open it, not {processes}. For several processes use "
        "the shared store: --store ducklake:postgres:<PostgreSQL connection> and RANPE_LAKE_DATA (see the README, "
        "«Deploy on several machines»), or --processes 1.",
    ),
    "serve.bad_processes": (
        "--processes harus 1 atau lebih, bukan {processes}",
        "--processes must be 1 or more, not {processes}",
    ),
    "serve.no_haproxy": (
        "HAProxy tidak ditemukan. Pasang paket Debian-nya: sudo apt-get install -y haproxy",
        "HAProxy is not installed. Install Debian's package: sudo apt-get install -y haproxy",
    ),
    "serve.port_in_use": (
        "Port {port} di {address} sudah dipakai program lain ({detail}): pilih yang lain dengan --port",
        "Port {port} on {address} is already in use by another program ({detail}): choose another with --port",
    ),
    "serve.start_failed": (
        "{name} tidak menjawab pemeriksaan kesehatan (log: {log}):\n{tail}",
        "{name} did not answer its health check (log: {log}):\n{tail}",
    ),
    "serve.demo_loading": (
        "Penyimpanan masih kosong: data demo dimuat sekali sebelum proses aplikasi dimulai (RANPE_AUTO_DEMO=0 "
        "membiarkannya kosong) …",
        "The store is empty: the demo data is loaded once before the app processes start (RANPE_AUTO_DEMO=0 keeps it "
        "empty) …",
    ),
    "serve.starting": (
        "Memulai {processes} proses aplikasi dan HAProxy (log: {folder}) …",
        "Starting {processes} app processes and HAProxy (logs: {folder}) …",
    ),
    "serve.ready": (
        "Pantau RAN PE siap di {url} — proses aplikasi di belakang HAProxy: {apps}. Ctrl-C menghentikan semuanya.",
        "Pantau RAN PE is ready at {url} — app processes behind HAProxy: {apps}. Ctrl-C stops them all.",
    ),
    "serve.app_stopped": (
        "{name} (port {port}) berhenti dengan kode {code}: HAProxy memindahkan sesinya ke proses lain (log: {log})",
        "{name} (port {port}) stopped with code {code}: HAProxy moves its sessions to the others (log: {log})",
    ),
    "serve.proxy_stopped": (
        "HAProxy berhenti dengan kode {code}; semua proses aplikasi dihentikan",
        "HAProxy stopped with code {code}; every app process stopped",
    ),
    "serve.stopped": ("Semua proses dihentikan.", "Every process stopped."),
}
