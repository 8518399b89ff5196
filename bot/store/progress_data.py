"""The patient's own "days since" date, kept in their shard.

In the shard, so it is encrypted at rest, exported by /mydata and erased by /delete with no code of its own.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from tinydb import TinyDB
from tinydb.table import Document

_DATE = 1  # one document with a fixed id: setting the date again is one write, never two copies


class _HasShards(Protocol):
    def _shard(self, patient_id: str) -> TinyDB: ...


class ProgressData:
    """Mixin for the repository: the date a patient counts their days from."""

    def days_since_date(self: _HasShards, patient_id: str) -> date | None:
        """The date the patient chose to count from, if they chose one."""
        row = self._shard(patient_id).table("days_since").get(doc_id=_DATE)
        return date.fromisoformat(row["date"]) if row and row.get("date") else None

    def set_days_since_date(self: _HasShards, patient_id: str, day: date | None, now: datetime) -> None:
        """Set (or clear, with None) the date to count from; `previous` keeps the one it replaced."""
        table = self._shard(patient_id).table("days_since")
        row = table.get(doc_id=_DATE)
        # The old date stays beside the new one: a fresh start does not erase the days that were.
        values = {
            "date": day.isoformat() if day else None,
            "set_at": now.isoformat(),
            "previous": (row.get("date") or row.get("previous")) if row else None,
        }
        if row is None:
            table.insert(Document(values, doc_id=_DATE))
        else:
            table.update(values, doc_ids=[_DATE])
