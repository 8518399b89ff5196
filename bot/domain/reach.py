"""Whether the bot can reach a counselor, and counselor invitations (no I/O).

Telegram lets a bot write only to people who have started it. A counselor registered by id is
*pending* until they do; a send that Telegram refuses for good (never started, blocked, no such
chat) makes them *unreachable* since that moment; any message from them, or any delivery that
goes through, makes them *reachable* again.
"""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Literal

from bot.domain.enrollment import CODE_ALPHABET
from bot.domain.models import Counselor

ReachState = Literal["pending", "reachable", "unreachable"]
INVITE_PREFIX = "C"  # patient codes are 8 letters; a counselor's is C + 11, so the two never mix
INVITE_LENGTH = 11
INVITE_DAYS = 7
NOT_STARTED = "has not started the bot"
BLOCKED = "has blocked the bot"
# An id the bot was told to write to that is no registered counselor (a patient's, in [alerts] oncall by mistake)
NOT_STAFF = "is not a registered counselor"


@dataclasses.dataclass(frozen=True)
class Reach:
    """Where a counselor stands: ``since`` the last change; ``reason`` why unreachable."""

    state: ReachState = "pending"
    since: datetime | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "since": self.since.isoformat() if self.since else None,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Reach:
        since = d.get("since")
        state = d.get("state", "pending")
        return cls(
            state if state in ("pending", "reachable", "unreachable") else "pending",
            datetime.fromisoformat(since) if since else None,
            str(d.get("reason", "")),
        )


PENDING = Reach()


@dataclasses.dataclass(frozen=True)
class CounselorInvite:
    """A one-time invitation for a counselor not yet known by Telegram id (only the hash is kept)."""

    code_hash: str
    name: str
    role: Literal["counselor", "admin"]
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    used_by: int | None = None

    def usable(self, now: datetime) -> bool:
        return self.used_at is None and now < self.expires_at

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        for key in ("created_at", "expires_at", "used_at"):
            d[key] = d[key].isoformat() if d[key] else None
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CounselorInvite:
        used = d.get("used_at")
        return cls(
            code_hash=str(d["code_hash"]),
            name=str(d["name"]),
            role="admin" if d.get("role") == "admin" else "counselor",
            created_at=datetime.fromisoformat(d["created_at"]),
            expires_at=datetime.fromisoformat(d["expires_at"]),
            used_at=datetime.fromisoformat(used) if used else None,
            used_by=d.get("used_by"),
        )


def new_invite_code() -> str:
    """A counselor invitation code, usable as a ``t.me/<bot>?start=`` payload."""
    return INVITE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(INVITE_LENGTH))


def is_invite_code(raw: str) -> bool:
    """Whether /start's argument has the shape of a counselor invitation."""
    rest = raw.removeprefix(INVITE_PREFIX)
    return (
        len(raw) == len(INVITE_PREFIX) + INVITE_LENGTH
        and raw.startswith(INVITE_PREFIX)
        and all(ch in CODE_ALPHABET for ch in rest)
    )


def invite_expiry(now: datetime) -> datetime:
    return now + timedelta(days=INVITE_DAYS)


def start_link(bot_username: str | None, code: str) -> str:
    """The link that opens the bot with the code; a placeholder when the username is unknown."""
    return f"https://t.me/{bot_username or '<your_bot>'}?start={code}"


def reachable_ids(counselors: Iterable[Counselor], reach: Mapping[int, Reach]) -> set[int]:
    """Counselors the bot can write to now."""
    return {c.telegram_id for c in counselors if reach.get(c.telegram_id, PENDING).state == "reachable"}
