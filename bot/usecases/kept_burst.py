"""The words kept unsent just before a new message, for reading a burst together (newcomer16 N125). Store thread.

"i cant do this" and then "im done" each went to the "kept, not passed" drawer; read together they are a check.
These are the kept pieces with when each was written (bot/domain/burst.py picks the quick run among them).
"""

from __future__ import annotations

from datetime import datetime

from bot.store.repository import Repository
from bot.usecases.patient_text import UNSENT, kept_record, kept_texts


def kept_pieces(repo: Repository, patient_id: str, now: datetime) -> list[tuple[str, datetime | None]]:
    """The texts kept unsent, oldest first, with when each was written (None where an older version did not
    keep it); none while a flow waits for text (the new words answer it, not the drawer)."""
    kept = kept_record(repo, patient_id)
    texts = kept_texts(kept, now)
    if not texts:
        return []
    pending = repo.pending_input(patient_id)
    if pending is not None and pending.get("kind") != UNSENT:
        return []
    written = [*((kept or {}).get("written") or []), *[""] * len(texts)][: len(texts)]
    return [(t, datetime.fromisoformat(str(w)) if w else None) for t, w in zip(texts, written, strict=True)]
