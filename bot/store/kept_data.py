"""Which patients have text kept unsent, and since when, in the index: the words stay in the patient's own
file; this row lets a sweep delete them on time after a restart without opening every patient's file."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from tinydb import Query, TinyDB

from bot.store.storage import upsert

_Q = Query()


class _HasIndex(Protocol):
    _index: TinyDB


class KeptData:
    """Mixin for the repository: the due dates of kept unsent text."""

    def mark_kept(self: _HasIndex, patient_id: str, since: datetime) -> None:
        """Text is kept for this patient from `since` (written before the words, so a crash leaves a row to
        sweep, never words without one)."""
        upsert(
            self._index.table("kept"),
            {"patient_id": patient_id, "since": since.isoformat()},
            _Q.patient_id == patient_id,
        )

    def clear_kept(self: _HasIndex, patient_id: str) -> None:
        """Nothing is kept for this patient any more."""
        self._index.table("kept").remove(_Q.patient_id == patient_id)

    def kept_since(self: _HasIndex) -> dict[str, datetime]:
        """Every patient with text kept, and since when."""
        return {
            str(r["patient_id"]): datetime.fromisoformat(str(r["since"]))
            for r in self._index.table("kept").all()
        }
