"""Sessions (in the index: few rows, read every sweep) and RSVPs (in each patient's shard)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.sessions import Series
from bot.store.storage import upsert

_Q = Query()


class _Store(Protocol):
    _index: TinyDB

    def _shard(self, patient_id: str) -> TinyDB: ...


class SessionData:
    """Mixin for the repository: the schedule and who said they'd come."""

    def add_series(self: _Store, series: Series) -> None:
        """Store a new session series (or one-off individual session)."""
        self._index.table("sessions").insert(series.to_dict())

    def save_series(self: _Store, series: Series) -> None:
        """Store a changed series (cancellations, end)."""
        upsert(self._index.table("sessions"), series.to_dict(), _Q.series_id == series.series_id)

    def series(self: _Store, series_id: str) -> Series | None:
        """One series by id."""
        row = self._index.table("sessions").get(_Q.series_id == series_id)
        return Series.from_dict(dict(row)) if isinstance(row, dict) else None

    def all_series(self: _Store) -> list[Series]:
        """Every series that has not ended."""
        return [
            s for s in (Series.from_dict(dict(r)) for r in self._index.table("sessions").all()) if not s.ended
        ]

    def add_cohort(self: _Store, name: str, now: datetime) -> bool:
        """Register a cohort name; False if it exists (case-insensitive)."""
        table = self._index.table("cohorts")
        if any(str(r["name"]).casefold() == name.casefold() for r in table.all()):
            return False
        table.insert({"name": name, "created_at": now.isoformat()})
        return True

    def cohorts(self: _Store) -> list[str]:
        """Every cohort name."""
        return [str(r["name"]) for r in self._index.table("cohorts").all()]

    def record_rsvp(self: _Store, patient_id: str, occurrence: str, answer: str, now: datetime) -> bool:
        """Store the patient's answer for one occurrence; False if it is unchanged."""
        table = self._shard(patient_id).table("rsvp")
        row = table.get(_Q.occurrence == occurrence)
        if isinstance(row, dict) and row.get("answer") == answer:
            return False
        upsert(
            table,
            {"occurrence": occurrence, "answer": answer, "at": now.isoformat(), "reason": None},
            _Q.occurrence == occurrence,
        )
        return True

    def rsvp_reason(self: _Store, patient_id: str, occurrence: str, reason: str) -> None:
        """Add the optional reason to a "can't make it"."""
        self._shard(patient_id).table("rsvp").update({"reason": reason}, _Q.occurrence == occurrence)

    def rsvps(self: _Store, patient_id: str) -> list[dict[str, Any]]:
        """Every RSVP of a patient, oldest first."""
        return sorted(
            (dict(r) for r in self._shard(patient_id).table("rsvp").all()), key=lambda r: str(r["at"])
        )

    def add_notice(self: _Store, telegram_id: int, text: str, now: datetime) -> None:
        """Queue a one-off message (e.g. a cancellation) for the bot to send, even if it is stopped now."""
        self._index.table("notices").insert(
            {"to": telegram_id, "text": text, "at": now.isoformat(), "sent": False}
        )

    def pending_notices(self: _Store) -> list[tuple[int, int, str]]:
        """(notice id, telegram id, text) not yet sent."""
        return [
            (r.doc_id, int(r["to"]), str(r["text"]))
            for r in self._index.table("notices").search(_Q.sent == False)  # noqa: E712 (TinyDB query)
        ]

    def mark_notice_sent(self: _Store, notice_id: int) -> None:
        """Record a notice as sent."""
        self._index.table("notices").update({"sent": True}, doc_ids=[notice_id])
