"""Counselor PINs (salted hashes only), unlock state and a "Message patient" under way, in the index (encrypted
at rest like the rest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from tinydb import Query, TinyDB

from bot.domain.pin import UnlockState
from bot.store.storage import upsert

_Q = Query()


@dataclass(frozen=True)
class PinRecord:
    """A counselor's PIN hash and where their unlock stands."""

    pin_hash: str
    state: UnlockState


class _HasIndex(Protocol):
    _index: TinyDB


class PinData:
    """Mixin for the repository: the counselor's second factor."""

    def counselor_pin(self: _HasIndex, telegram_id: int) -> PinRecord | None:
        """The counselor's PIN record, or None if they have no PIN."""
        row = self._index.table("counselor_pins").get(_Q.telegram_id == telegram_id)
        if not isinstance(row, dict):
            return None
        return PinRecord(str(row["pin_hash"]), UnlockState.from_dict(dict(row.get("state") or {})))

    def set_counselor_pin(self: _HasIndex, telegram_id: int, pin_hash: str) -> None:
        """Set (or replace) a PIN; any unlock, count of wrong PINs or lockout starts afresh."""
        row = {"telegram_id": telegram_id, "pin_hash": pin_hash, "state": UnlockState().to_dict()}
        upsert(self._index.table("counselor_pins"), row, _Q.telegram_id == telegram_id)

    def save_unlock_state(self: _HasIndex, telegram_id: int, state: UnlockState) -> None:
        """Store where a counselor's unlock stands (the PIN itself is unchanged)."""
        self._index.table("counselor_pins").update({"state": state.to_dict()}, _Q.telegram_id == telegram_id)

    # "Message patient" (or Reply) tapped and the text not typed yet: on disk, so a restart between the tap and
    # the text loses nothing, as a patient's /message is kept (newcomer9 N38). The patient's id and the tap's
    # time only, never words.
    def set_relay(
        self: _HasIndex, telegram_id: int, patient_id: str | None, since: datetime | None = None
    ) -> None:
        """Start (or, with None, end) a counselor's message to one patient."""
        table = self._index.table("counselor_relays")
        if patient_id is None or since is None:
            table.remove(_Q.telegram_id == telegram_id)
            return
        row = {"telegram_id": telegram_id, "patient_id": patient_id, "since": since.isoformat()}
        upsert(table, row, _Q.telegram_id == telegram_id)

    def take_relay(self: _HasIndex, telegram_id: int) -> tuple[str, datetime] | None:
        """The patient a counselor's next text is for, and since when; ended by reading it (one text each)."""
        table = self._index.table("counselor_relays")
        row = table.get(_Q.telegram_id == telegram_id)
        if not isinstance(row, dict):
            return None
        table.remove(_Q.telegram_id == telegram_id)
        return str(row["patient_id"]), datetime.fromisoformat(str(row["since"]))

    def take_note(self: _HasIndex, telegram_id: int) -> tuple[str, datetime] | None:
        """The alert a counselor's next text is a note on, and since when (newcomer16 N139: in the relay's row as
        "note:<alert id>", so the newest tap wins), ended by reading it; None, the row left, when it is not."""
        table = self._index.table("counselor_relays")
        row = table.get(_Q.telegram_id == telegram_id)
        if not isinstance(row, dict) or not str(row["patient_id"]).startswith(NOTE):
            return None
        table.remove(_Q.telegram_id == telegram_id)
        return str(row["patient_id"]).removeprefix(NOTE), datetime.fromisoformat(str(row["since"]))


NOTE = "note:"  # a relay row that is a note on an alert, not a message to a patient
