"""Texts of the local users where the shared store keeps them (its table users) rather than the users file."""

TEXTS = {
    "ws.audit.user_change": ("ubah pengguna", "user change"),
    "users.in_store": (
        "Mode masuk: {mode}. Pengguna lokal disimpan di penyimpanan bersama (dilihat semua proses dan mesin) dan "
        "dikelola dengan `python -m ranpe users add|list|set-role|remove|passwd|import --store ...`.",
        "Sign-in mode: {mode}. Local users are kept in the shared store (seen by every process and machine) and "
        "managed with `python -m ranpe users add|list|set-role|remove|passwd|import --store ...`.",
    ),
    "users.not_imported": (
        "Penyimpanan bersama belum memiliki pengguna, sedangkan berkas pengguna {path} memilikinya: belum ada yang "
        "dapat masuk. Salin pengguna itu dengan `python -m ranpe users import --store ...`.",
        "The shared store has no users yet, while the users file {path} has some: nobody can sign in yet. Copy them "
        "with `python -m ranpe users import --store ...`.",
    ),
    "users.imported": (
        "{count} pengguna disalin dari {path} ke penyimpanan bersama: {names}.",
        "{count} users copied from {path} into the shared store: {names}.",
    ),
    "users.kept": (
        "Sudah ada di penyimpanan bersama (tidak diubah): {names}.",
        "Already in the shared store (left unchanged): {names}.",
    ),
}
