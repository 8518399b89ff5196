"""Sessions (in the index: few rows, read every sweep) and RSVPs (in each patient's shard).

The index holds the schedule still ahead: ended series and one-off sessions a week past move to the
audit log (`compact_schedule`, run by the reminders sweep), and a notice leaves once it is claimed, so
neither the index's size nor each sweep's reading grows with the program's history.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.sessions import Series
from bot.store.audit_log import AuditLog
from bot.store.storage import one_write, upsert

_Q = Query()
# A one-off session's day this long past: no reminder, digest or RSVP button looks that far back.
ARCHIVE_AFTER = timedelta(days=7)


class _Store(Protocol):
    _index: TinyDB
    _audit: AuditLog

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

    def compact_schedule(self: _Store, now: datetime) -> int:
        """Move ended series and one-off sessions a week past to the audit log; returns how many moved.

        Audit rows first, then one index write (claimed notices of earlier versions go in it too): a
        crash in between leaves the sessions in the index, archived again (logged twice) next time, never lost.
        """
        table = self._index.table("sessions")
        done = [(r.doc_id, s) for r in table.all() if _archivable(s := Series.from_dict(dict(r)), now)]
        notices = self._index.table("notices")
        claimed = [r.doc_id for r in notices.search(_Q.sent == True)]  # noqa: E712 (TinyDB query)
        if not done and not claimed:
            return 0
        for _, series in done:
            row = {
                "at": now.isoformat(),
                "actor": 0,
                "action": "session_archived",
                "subject": series.series_id,
            }
            self._audit.append({**row, "series": series.to_dict()}, sync=False)
        self._audit.sync()
        with one_write(self._index):
            table.remove(doc_ids=[doc_id for doc_id, _ in done])
            notices.remove(doc_ids=claimed)
        return len(done)

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

    def mark_notice_sent(self: _Store, notice_id: int) -> bool:
        """Claim a notice before it is sent: it leaves the index (a claimed one is never sent again). False
        when another sweep claimed it first (gaps11 #8: two sweeps read the same queue, and both sent it)."""
        return bool(self._index.table("notices").remove(doc_ids=[notice_id]))


def _archivable(series: Series, now: datetime) -> bool:
    """Ended, or a one-off whose (local) day is over a week past: nothing reads it any more."""
    if series.ended:
        return True
    return series.kind == "individual" and series.on is not None and series.on < (now - ARCHIVE_AFTER).date()
