"""Who looks after whom: removing a counselor, moving invitations, revoking an invitation."""

from __future__ import annotations

from typing import Protocol

from tinydb import Query, TinyDB

_Q = Query()


class _HasIndex(Protocol):
    _index: TinyDB


class RosterData:
    """Mixin for the repository: roster changes made by an administrator."""

    def remove_counselor(self: _HasIndex, telegram_id: int) -> bool:
        """Forget a counselor (and their PIN); False if there was none. Their patients must be moved first."""
        removed = self._index.table("counselors").remove(_Q.telegram_id == telegram_id)
        self._index.table("counselor_pins").remove(_Q.telegram_id == telegram_id)
        return bool(removed)

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
