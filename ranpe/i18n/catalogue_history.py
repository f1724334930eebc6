"""Texts of refused catalogue and crosswalk imports in the upload history (numbered with the uploads)."""

TEXTS = {
    # Beside the status of a history row that is a catalogue import, not a submission.
    "ws.upload_status.catalogue": ("katalog", "catalogue"),
    "ws.upload_status.crosswalk": ("crosswalk", "crosswalk"),
    "catalogue.refusal_recorded": (
        "Penolakan katalog dicatat di riwayat unggahan sebagai #{upload_id}, beserta kesalahannya.",
        "The catalogue's refusal is recorded in the upload history as #{upload_id}, with its errors.",
    ),
}
