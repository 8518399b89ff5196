"""Who looks after whom: removing a counselor, moving invitations, revoking an invitation."""

from __future__ import annotations

from typing import Protocol

from tinydb import Query, TinyDB

from bot.domain.models import Counselor
from bot.store.storage import upsert

_Q = Query()


class _HasIndex(Protocol):
    _index: TinyDB


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
