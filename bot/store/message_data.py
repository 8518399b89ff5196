"""Messages passed between a patient and their counselor, kept in the patient's own shard.

In the shard, so each message is encrypted at rest with the rest of the patient's data, handed to
them by /mydata and erased by /delete without any code of its own.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

from tinydb import Query, TinyDB

from bot.store import moved

_Q = Query()
Sender = Literal["counselor", "patient"]


class _HasShards(Protocol):
    def _shard(self, patient_id: str) -> TinyDB: ...

    def audit(self, now: datetime, actor: int, action: str, subject: str, **details: Any) -> None: ...


@dataclass(frozen=True)
class Relayed:
    """One message of the thread: who wrote it (and which counselor it was to or from), and when."""

    message_id: str
    sender: Sender
    counselor_id: int
    at: datetime
    text: str
    # When the patient wrote it, when that was well before ``at`` (read after an outage, or kept in the
    # drawer and sent later): the counselor reads both (gaps11 #9). None: written when it was passed.
    written: datetime | None = None
    # Passed on as a message (/message, Reply, kept words sent), not words that joined an alert (which the bot keeps
    # behind "Show message"): only these go to a new counselor in clear (ops O120). Rows from before: False.
    relayed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the shard."""
        return {
            "message_id": self.message_id,
            "from": self.sender,
            "counselor_id": self.counselor_id,
            "at": self.at.isoformat(),
            "text": self.text,
            **({"written": self.written.isoformat()} if self.written is not None else {}),
            **({"relayed": True} if self.relayed else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relayed:
        """Rebuild from the shard."""
        sender: Sender = "patient" if d.get("from") == "patient" else "counselor"
        at, written = datetime.fromisoformat(d["at"]), d.get("written")
        when = datetime.fromisoformat(written) if written else None
        relayed = bool(d.get("relayed"))
        return cls(str(d["message_id"]), sender, int(d["counselor_id"]), at, str(d["text"]), when, relayed)


LATE = timedelta(minutes=5)  # written this long before it was passed: the counselor is told when (gaps11 #9)
# A patient's message this recent with no counselor message after it goes with the patient to a new counselor
# (ops O97: sent to a counselor removed seconds later, it sat only in their Telegram chat).
UNANSWERED_FOR = timedelta(days=7)


class MessageData:
    """Mixin for the repository: the patient's thread with their counselor."""

    def record_message(
        self: _HasShards,
        patient_id: str,
        sender: Sender,
        counselor_id: int,
        actor: int,
        text: str,
        now: datetime,
        via_alert: str | None = None,
        written: datetime | None = None,
        relayed: bool = False,
    ) -> Relayed:
        """Store one message and audit that it passed (never what it said); ``actor`` is who sent it,
        ``via_alert`` the alert that let them when the patient is not theirs (paged access); ``written``:
        when the patient wrote it, kept only when it was ``LATE`` or more before now; ``relayed``: a patient's
        message passed on as such, not words joined to an alert."""
        if (
            written is None and sender == "patient"
        ):  # the update's own date (ops O141: words joined to an alert
            written = moved.ACTED.get()  # after an outage were shown at the time the bot read them)
        late = written if written is not None and now - written >= LATE else None
        message = Relayed("m" + secrets.token_hex(6), sender, counselor_id, now, text, late, relayed)
        # Which update stored it (ops O62): its replay after a crash delivers this one, not a second copy.
        self._shard(patient_id).table("messages").insert(moved.stamped(None, message.to_dict()))
        action = "message_sent" if sender == "counselor" else "message_from_patient"
        via = {"via_alert": via_alert} if via_alert else {}
        self.audit(now, actor, action, patient_id, message=message.message_id, **via)
        return message

    def message_by(self: _HasShards, patient_id: str, update_id: int) -> Relayed | None:
        """The patient's message this update stored, if any."""
        rows = self._shard(patient_id).table("messages").all()
        return next((Relayed.from_dict(dict(r)) for r in rows if moved.moved_by(r, update_id)), None)

    def messages(self: _HasShards, patient_id: str) -> list[Relayed]:
        """The whole thread, oldest first."""
        rows = self._shard(patient_id).table("messages").all()
        return sorted((Relayed.from_dict(dict(r)) for r in rows), key=lambda m: m.at)

    def unanswered(
        self: _HasShards, patient_id: str, counselor_id: int | None, now: datetime
    ) -> list[Relayed]:
        """The patient's messages to this counselor (None: to anyone, their cover too: newcomer22 N226) of the last
        UNANSWERED_FOR that no counselor's message came after, oldest first: handed over with the patient. Only
        messages passed on as such: words that joined an alert stay with it, behind "Show message" (ops O120)."""
        thread = MessageData.messages(self, patient_id)
        answered = max((m.at for m in thread if m.sender == "counselor"), default=None)
        return [
            m
            for m in thread
            if m.sender == "patient"
            and m.relayed
            and counselor_id in (None, m.counselor_id)
            and (answered is None or m.at > answered)
            and now - m.at <= UNANSWERED_FOR
        ]

    def message(self: _HasShards, patient_id: str, message_id: str) -> Relayed | None:
        """One message of the thread, if it is there."""
        row = self._shard(patient_id).table("messages").get(_Q.message_id == message_id)
        return Relayed.from_dict(dict(row)) if row else None
