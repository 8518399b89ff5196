"""Who looks after whom: removing a counselor, moving invitations, revoking an invitation; reassignments.

A reassignment (`counselor remove --reassign-to`, `patient reassign`) touches three files: patients.log (whose
patient), alerts.json (whose open alert), index.json (notices, invitations, counselors). A crash between them
moved some patients and alerts and told nobody (ops O63). So it is one index write, a journal row naming every
patient and open alert to move, queued with the new counselor's hand-over notice, the patients' notices and the
removal; the moves follow (each done again harmlessly) and the row is marked applied. A crash after the index
write is finished when the store next opens (the bot's start, or a command run while it is stopped), one
before it leaves nothing changed: the reassignment is whole or not at all, and the notice names all of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, Protocol

from tinydb import Query, TinyDB

from bot.domain.away import Away
from bot.domain.models import Counselor, Patient
from bot.store.keyed_log import KeyedLog
from bot.store.storage import one_write, upsert

_Q = Query()
MOVED = "moved:"  # a relay row whose patient moved to another counselor while its message was being typed
HANDOVERS = "handovers"


class _HasIndex(Protocol):
    _index: TinyDB


class _Moves(Protocol):
    _index: TinyDB
    _alerts: TinyDB
    _people: KeyedLog
    _patients: dict[str, Patient]

    def audit(self, now: datetime, actor: int, action: str, subject: str, **details: Any) -> None: ...


class RosterData:
    """Mixin for the repository: roster changes made by an administrator."""

    def add_counselor(self: _HasIndex, counselor: Counselor) -> None:
        """Register or rename a counselor (one removed before is no longer removed)."""
        upsert(self._index.table("counselors"), counselor.to_dict(), _Q.telegram_id == counselor.telegram_id)
        RosterData.restore_counselor(self, counselor.telegram_id)

    def remove_counselor(self: _HasIndex, telegram_id: int) -> bool:
        """Forget a counselor (and their PIN); False if there was none. Their patients must be moved first."""
        row = self._index.table("counselors").get(_Q.telegram_id == telegram_id)
        removed = self._index.table("counselors").remove(_Q.telegram_id == telegram_id)
        self._index.table("counselor_pins").remove(_Q.telegram_id == telegram_id)
        self._index.table("counselor_relays").remove(_Q.telegram_id == telegram_id)
        # Away ends with them, and a leave they covered falls to on-call (newcomer18 O88: the row outlived them).
        self._index.table("counselor_away").remove(_Q.counselor_id == telegram_id)
        self._index.table("counselor_away").update({"cover": None}, _Q.cover == telegram_id)
        if removed:  # remembered: the settings' on-call list may still name them (removed_counselors)
            upsert(
                self._index.table("removed_counselors"),
                # The name too: a patient's reply to their old message says whose it was (newcomer5 12).
                {"telegram_id": telegram_id, "name": str(row["name"]) if row else ""},
                _Q.telegram_id == telegram_id,
            )
        return bool(removed)

    def counselor_name(self: _HasIndex, telegram_id: int) -> str | None:
        """A counselor's name, registered or removed since (None when not known)."""
        for table in ("counselors", "removed_counselors"):
            row = self._index.table(table).get(_Q.telegram_id == telegram_id)
            if row and row.get("name"):
                return str(row["name"])
        return None

    def removed_counselors(self: _HasIndex) -> frozenset[int]:
        """Counselors removed and not registered again: they get nothing more, whatever the settings say."""
        return frozenset(int(r["telegram_id"]) for r in self._index.table("removed_counselors").all())

    def restore_counselor(self: _HasIndex, telegram_id: int) -> None:
        """A removed counselor registered again (added, or an invitation accepted): no longer removed."""
        self._index.table("removed_counselors").remove(_Q.telegram_id == telegram_id)

    def set_away(
        self: _HasIndex, away: Away, notices: Sequence[tuple[int, str]] = (), now: datetime | None = None
    ) -> None:
        """Mark a counselor away until a day, with a cover or none, and queue ``notices`` (to, text) telling them:
        one index write (newcomer16 N141)."""
        row = {"counselor_id": away.counselor_id, "until": away.until.isoformat(), "cover": away.cover}
        table = self._index.table("counselor_away")
        # When it started, kept across a changed cover or day: the hand-back tells what happened since (N201).
        before = table.get(_Q.counselor_id == away.counselor_id)
        since = before.get("since") if isinstance(before, dict) else None
        row["since"] = since or (now.isoformat() if now is not None else None)
        with one_write(self._index):
            upsert(table, row, _Q.counselor_id == away.counselor_id)
            _queue(self, notices, now)

    def end_away(
        self: _HasIndex,
        counselor_id: int,
        notices: Sequence[tuple[int, str]] = (),
        now: datetime | None = None,
    ) -> bool:
        """A counselor back early, ``notices`` queued in the same write; False if they were not marked away."""
        with one_write(self._index):
            ended = bool(self._index.table("counselor_away").remove(_Q.counselor_id == counselor_id))
            _queue(self, notices if ended else (), now)
        return ended

    def away_since(self: _HasIndex, counselor_id: int) -> datetime | None:
        """When the counselor was marked away (None for a row from before this was kept, or none)."""
        row = self._index.table("counselor_away").get(_Q.counselor_id == counselor_id)
        since = row.get("since") if isinstance(row, dict) else None
        return datetime.fromisoformat(str(since)) if since else None

    def aways(self: _HasIndex) -> list[Away]:
        """Every counselor marked away, over or not (bot/domain/away.py says who is away today)."""
        return [
            Away(int(r["counselor_id"]), date.fromisoformat(r["until"]), r.get("cover"))
            for r in self._index.table("counselor_away").all()
        ]

    def move_open_codes(self: _HasIndex, from_id: int, to_id: int) -> int:
        """Hand a counselor's unused invitations to another counselor; returns how many."""
        moved = self._index.table("codes").update(
            {"counselor_id": to_id},
            (_Q.counselor_id == from_id) & (_Q.used_at == None),  # noqa: E711
        )
        return len(moved)

    def revoke_code(self: _HasIndex, code_hash: str) -> bool:
        """Delete an unused invitation: its code then opens nothing. False if it was used or unknown."""
        removed = self._index.table("codes").remove((_Q.code_hash == code_hash) & (_Q.used_at == None))  # noqa: E711
        # Sessions booked for the invitation (repository.invited) end with it.
        self._index.table("sessions").update({"ended": True}, _Q.patient_id == f"invite:{code_hash}")
        return bool(removed)

    def reassign(
        self: _Moves,
        plan: dict[str, Any],
        now: datetime,
        notices: list[tuple[int, str]],
        *,
        removed: int | None = None,
    ) -> None:
        """Move ``plan["patients"]`` (each ``{"patient_id", "from", "alerts"}``) and their open alerts to
        ``plan["to"]``, queue its hand-over notice and ``notices`` (Telegram id, text) for the bot to send, and
        with ``removed``, move that counselor's invitations and remove them: one index write, then the moves."""
        row = {**plan, "at": now.isoformat(), "removed": removed, "applied": False}
        with one_write(self._index):
            doc_id = self._index.table(HANDOVERS).insert(row)
            for to, text in notices:
                self._index.table("notices").insert({"to": to, "text": text, "at": row["at"], "sent": False})
            # A message the old counselor had started to a moved patient is not sent after the move (N228).
            relays = self._index.table("counselor_relays")
            for m in plan["patients"]:
                mine = (_Q.telegram_id == int(m["from"])) & (_Q.patient_id == m["patient_id"])
                relays.update({"patient_id": MOVED + str(m["patient_id"])}, mine)
            if removed is not None:
                RosterData.move_open_codes(self, removed, int(plan["to"]))
                RosterData.remove_counselor(self, removed)
        _apply(self, doc_id, row)

    def finish_reassignments(self: _Moves) -> None:
        """Reassignments a crash cut after their index write are finished now (at the store's opening)."""
        for row in self._index.table(HANDOVERS).search(_Q.applied == False):  # noqa: E712 (TinyDB query)
            _apply(self, row.doc_id, dict(row))

    def pending_handovers(self: _HasIndex) -> list[dict[str, Any]]:
        """Hand-over notices not yet sent, oldest first, each with its ``id``."""
        rows = self._index.table(HANDOVERS).search(_Q.applied == True)  # noqa: E712 (TinyDB query)
        return [{**dict(r), "id": r.doc_id} for r in sorted(rows, key=lambda r: r.doc_id)]

    def handover_sent(self: _HasIndex, handover_id: int) -> None:
        """Telegram took the hand-over notice: it leaves the queue."""
        self._index.table(HANDOVERS).remove(doc_ids=[handover_id])


def _queue(store: _HasIndex, notices: Sequence[tuple[int, str]], now: datetime | None) -> None:
    """Notices for the bot to send (the same queue as session_data.add_notice's), in the caller's write."""
    at = (now or datetime.now(UTC)).isoformat()
    for to, text in notices:
        store._index.table("notices").insert({"to": to, "text": text, "at": at, "sent": False})


def _apply(store: _Moves, doc_id: int, row: dict[str, Any]) -> None:
    """The moves a journal row names, each a no-op when done already; then the row is marked applied. A crash
    before the mark does them again at the next opening: the audit rows may then be there twice (never lost)."""
    to, at, by = int(row["to"]), datetime.fromisoformat(str(row["at"])), str(row.get("by") or "unknown")
    moving = [m for m in row["patients"] if m["patient_id"] in store._patients]
    changed = {
        p.patient_id: p.with_changes(counselor_id=to)
        for m in moving
        if (p := store._patients[m["patient_id"]]).counselor_id != to
    }
    if changed:
        store._people.put({pid: p.to_dict() for pid, p in changed.items()})
        store._patients.update(changed)
    alerts = store._alerts.table("alerts")
    with one_write(store._alerts):
        for alert_id in (str(a) for m in moving for a in m["alerts"]):
            alerts.update({"counselor_id": to}, (_Q.alert_id == alert_id) & (_Q.counselor_id != to))
    for m in moving:
        pid, before = str(m["patient_id"]), int(m["from"])
        store.audit(at, 0, "patient_reassigned", pid, by=by, counselor_from=before, counselor_to=to)
        if m["alerts"]:
            moved = list(m["alerts"])
            store.audit(
                at, 0, "open_alerts_moved", pid, by=by, alerts=moved, counselor_from=before, counselor_to=to
            )
    if row.get("removed") is not None:
        store.audit(at, 0, "counselor_removed", "-", by=by, counselor=row["removed"], reassigned_to=to)
    if moving:
        store._index.table(HANDOVERS).update({"applied": True}, doc_ids=[doc_id])
    else:  # nobody moved (a counselor with invitations only): nothing to announce
        store._index.table(HANDOVERS).remove(doc_ids=[doc_id])
