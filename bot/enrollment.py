"""Enrollment rules: codes, aliases, code-guessing limits, time-zone and time choices (no I/O)."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import Enum

from bot.models import EnrollmentCode

# No 0/O, 1/I/L: codes are read off paper and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
_ALIAS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}$")


class CodeProblem(Enum):
    """Why a typed code cannot be used."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"


def new_code() -> str:
    """A random one-time enrollment code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str) -> str | None:
    """The canonical code in what a person typed, or None when it cannot be one."""
    cleaned = re.sub(r"[\s\-_.]", "", raw).upper()
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


def hash_code(code: str) -> str:
    """Codes are credentials, so only their hash is stored."""
    return hashlib.sha256(code.encode()).hexdigest()


def validate_alias(alias: str) -> str:
    """An alias safe to show and to use in file names; raises ValueError otherwise."""
    alias = alias.strip()
    if not _ALIAS.match(alias) or ".." in alias:
        raise ValueError(
            "alias must be 1-32 characters: letters, digits, space, dot, dash or underscore, "
            "starting with a letter or digit"
        )
    return alias


def parse_clock(raw: str) -> time | None:
    """A time of day from "19:00", "7pm", "7:30 pm" or "0730", or None."""
    text = raw.strip().lower().replace(".", "")
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?\s*(am|pm)?", text)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


@dataclass
class AttemptLimiter:
    """Counts wrong codes per user in memory, so strangers leave no stored trace."""

    limit: int
    window: timedelta
    _tries: dict[int, deque[datetime]] = field(default_factory=dict)

    def blocked(self, user_id: int, now: datetime) -> bool:
        """True while the user has used up their wrong tries in the window."""
        tries = self._tries.get(user_id)
        if not tries:
            return False
        while tries and now - tries[0] >= self.window:
            tries.popleft()
        return len(tries) >= self.limit

    def record_failure(self, user_id: int, now: datetime) -> None:
        """Remember one wrong try."""
        self._tries.setdefault(user_id, deque()).append(now)
        if len(self._tries) > 10_000:
            # Bound memory under a flood of strangers: forget the oldest.
            self._tries.pop(next(iter(self._tries)))

    def reset(self, user_id: int) -> None:
        """Forget a user's wrong tries after a good code."""
        self._tries.pop(user_id, None)


def code_problem(code: EnrollmentCode | None, now: datetime) -> CodeProblem | None:
    """Why an invitation cannot be used now, or None when it can."""
    if code is None:
        return CodeProblem.UNKNOWN
    if code.used_at is not None:
        return CodeProblem.USED
    if now >= code.expires_at:
        return CodeProblem.EXPIRED
    return None
