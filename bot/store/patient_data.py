"""Per-patient records (check-ins, drafts, sent keys): each patient's own small shard file."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, MutableMapping
from datetime import datetime
from typing import Any, Protocol

from tinydb import Query, TinyDB
from tinydb.table import Document

from bot.domain.checkins import CheckinConfig, Entry, merge_same_day
from bot.domain.coping import Feedback
from bot.store.storage import one_write, upsert

_Q = Query()


class _HasShards(Protocol):
    def _shard(self, patient_id: str, *, keep_open: bool = True) -> TinyDB: ...


class PatientData:
    """Mixin for the repository: what one patient's shard holds."""

    @contextlib.contextmanager
    def patient_write(self: _HasShards, patient_id: str) -> Iterator[None]:
        """Every change to this patient's file inside the block reaches the disk at once, or none does."""
        with one_write(self._shard(patient_id)):
            yield

    def record_checkin(self: _HasShards, patient_id: str, entry: Entry, config: CheckinConfig) -> Entry:
        """Store a completed check-in (same-day policy applied; a replay changes nothing)."""
        table = self._shard(patient_id).table("checkins")
        existing = [Entry.from_dict(dict(r)) for r in table.all()]
        merged, stored = merge_same_day(config, existing, entry)
        if merged != existing:
            kept = {e.entry_id for e in merged}
            gone = [e.entry_id for e in existing if e.entry_id not in kept]
            if gone:
                # Replace in place: one write, so a crash can never lose both the old and new entry.
                old = table.get(_Q.entry_id == gone[0])
                assert old is not None
                table.update(_becomes(stored.to_dict()), doc_ids=[old.doc_id])
                if len(gone) > 1:
                    table.remove(_Q.entry_id.one_of(gone[1:]))
            else:
                upsert(table, stored.to_dict(), _Q.entry_id == stored.entry_id)
        return stored

    def checkins(self: _HasShards, patient_id: str, *, keep_open: bool = True) -> list[Entry]:
        """All of a patient's check-ins, oldest first (``keep_open=False``: an export's one-off read)."""
        rows = self._shard(patient_id, keep_open=keep_open).table("checkins").all()
        return sorted((Entry.from_dict(dict(r)) for r in rows), key=lambda e: e.ts)

    def draft(self: _HasShards, patient_id: str) -> dict[str, Any] | None:
        """The check-in in progress, if any."""
        row = self._shard(patient_id).table("state").get(doc_id=2)
        return dict(row["draft"]) if row and row.get("draft") else None

    def save_draft(self: _HasShards, patient_id: str, draft: dict[str, Any] | None) -> None:
        """Keep (or drop, with None) the check-in in progress, so a restart can resume it."""
        put_state(self._shard(patient_id), 2, {"draft": draft})

    def mark_sent(self: _HasShards, patient_id: str, key: str) -> bool:
        """Claim a one-time send (e.g. "prompt:2026-11-23"); False if it was already claimed."""
        table = self._shard(patient_id).table("sent")
        if table.contains(_Q.key == key):
            return False
        table.insert({"key": key})
        return True

    def unmark_sent(self: _HasShards, patient_id: str, key: str) -> None:
        """Release a claim whose send certainly failed, so it is tried again."""
        self._shard(patient_id).table("sent").remove(_Q.key == key)

    def was_sent(self: _HasShards, patient_id: str, key: str) -> bool:
        """True if this one-time send was already claimed."""
        return bool(self._shard(patient_id).table("sent").contains(_Q.key == key))


def _becomes(new: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def transform(doc: MutableMapping[Any, Any]) -> None:
        doc.clear()
        doc.update(new)

    return transform


def put_state(db: TinyDB, doc_id: int, values: dict[str, Any]) -> None:
    """Set one fixed state slot of a shard."""
    # Fixed doc ids keep each state slot a single document: 1 = pending input, 2 = draft.
    table = db.table("state")
    if table.get(doc_id=doc_id) is None:
        table.insert(Document(values, doc_id=doc_id))
    else:
        table.update(values, doc_ids=[doc_id])


class CopingData:
    """Mixin for the repository: how coping skills went for this patient."""

    def record_feedback(self: _HasShards, patient_id: str, feedback: Feedback) -> None:
        """Store whether a skill helped."""
        self._shard(patient_id).table("feedback").insert(
            {"skill_key": feedback.skill_key, "helped": feedback.helped, "at": feedback.at.isoformat()}
        )

    def coping_feedback(self: _HasShards, patient_id: str) -> list[Feedback]:
        """Everything this patient said about skills they tried, oldest first."""
        rows = self._shard(patient_id).table("feedback").all()
        return [Feedback(r["skill_key"], r["helped"], datetime.fromisoformat(r["at"])) for r in rows]


class FlagData:
    """Mixin for the repository: flags for the counselor, open until acknowledged."""

    def raise_flag(
        self: _HasShards, patient_id: str, kind: str, key: str, now: datetime, details: dict[str, Any]
    ) -> bool:
        """Open a flag once per key (a retried job never doubles it); False if it already existed."""
        table = self._shard(patient_id).table("flags")
        if table.contains(_Q.key == key):
            return False
        table.insert({"key": key, "kind": kind, "at": now.isoformat(), "details": details, "ack": None})
        return True

    def open_flags(self: _HasShards, patient_id: str) -> list[dict[str, Any]]:
        """Flags not yet acknowledged, oldest first."""
        rows = self._shard(patient_id).table("flags").search(_Q.ack == None)  # noqa: E711 (TinyDB query)
        return sorted((dict(r) for r in rows), key=lambda r: str(r["at"]))

    def acknowledge_flags(self: _HasShards, patient_id: str, counselor_id: int, now: datetime) -> int:
        """Close every open flag; returns how many were closed."""
        table = self._shard(patient_id).table("flags")
        ack = {"by": counselor_id, "at": now.isoformat()}
        return len(table.update({"ack": ack}, _Q.ack == None))  # noqa: E711
