"""The counselor's second factor: a PIN, an unlock that lapses when idle, and a lockout.

Pure logic: no Telegram, no storage, time always passed in. A PIN is kept only as a salted scrypt
hash; guesses are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

PIN_DIGITS = (6, 12)
# scrypt at ~16 MB and tens of milliseconds: slow enough that a stolen data file does not give up
# a 6-digit PIN in a moment, quick enough for a counselor typing it.
_N, _R, _P = 2**14, 8, 1
_SCHEME = "scrypt"
# The idle deadline moves in steps of this much, so a busy counselor costs one index write a minute.
TOUCH_STEP = timedelta(minutes=1)

Outcome = Literal["ok", "wrong", "locked", "not_a_pin"]


def validate_pin(pin: str) -> str:
    """The PIN if it is 6-12 digits; ValueError with a one-line reason otherwise."""
    low, high = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
        raise ValueError(f"a PIN is {low} to {high} digits")
    return pin


def is_pin_shaped(text: str) -> bool:
    """Whether typed text could be a PIN at all (6-12 digits): anything else is no try (newcomer12 N81)."""
    low, high = PIN_DIGITS
    typed = text.strip()
    return typed.isascii() and typed.isdigit() and low <= len(typed) <= high


def may_hold_pin(text: str) -> bool:
    """Whether text that is not a PIN may still hold one, or part of one (digits alone, or a run of four or
    more among words): deleted from the chat all the same. Words with at most a room number are left."""
    return re.search(r"[^\W\d_]", text) is None or re.search(r"\d{4,}", text) is not None


def _digest(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A self-describing salted hash: ``scrypt$n$r$p$salt$digest`` (hex)."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = _digest(validate_pin(pin), salt, _N, _R, _P)
    return f"{_SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def parse_hash(stored: str) -> tuple[bytes, bytes, int, int, int]:
    """Salt, digest and cost of a stored hash; ValueError if it is not one of ours."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        raise ValueError("not a PIN hash")
    n, r, p = (int(x) for x in parts[1:4])
    salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 4 and len(salt) >= 16 and len(digest) == 32):
        raise ValueError("PIN hash parameters out of range")
    return salt, digest, n, r, p


def matches(pin: str, stored: str) -> bool:
    """True when the PIN hashes to the stored hash (constant-time compare)."""
    salt, digest, n, r, p = parse_hash(stored)
    guess = _digest(pin, salt, n, r, p) if len(pin) <= 64 else b""
    return hmac.compare_digest(guess, digest)


@dataclass(frozen=True)
class Policy:
    """How long an unlock lasts while idle, how many wrong PINs, and how long the lockout."""

    idle: timedelta = timedelta(minutes=15)
    attempts: int = 5
    lockout: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class UnlockState:
    """One counselor's unlock: until when, wrong PINs in a row, locked out until when."""

    unlocked_until: datetime | None = None
    failures: int = 0
    locked_until: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "unlocked_until": self.unlocked_until.isoformat() if self.unlocked_until else None,
            "failures": self.failures,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> UnlockState:
        def moment(key: str) -> datetime | None:
            value = row.get(key)
            return datetime.fromisoformat(value) if value else None

        return cls(moment("unlocked_until"), int(row.get("failures") or 0), moment("locked_until"))


def is_unlocked(state: UnlockState, now: datetime) -> bool:
    """True while the last unlock has not lapsed (and no lockout has started since)."""
    return state.unlocked_until is not None and now < state.unlocked_until and not is_locked_out(state, now)


def is_locked_out(state: UnlockState, now: datetime) -> bool:
    """True while too many wrong PINs keep this counselor out."""
    return state.locked_until is not None and now < state.locked_until


def touch(state: UnlockState, now: datetime, policy: Policy) -> UnlockState:
    """Activity while unlocked pushes the idle deadline on (the same state if it moves < a step)."""
    if not is_unlocked(state, now):
        return state
    until = now + policy.idle
    assert state.unlocked_until is not None
    if until - state.unlocked_until < TOUCH_STEP:
        return state
    return replace(state, unlocked_until=until)


def check(
    state: UnlockState, stored: str, pin: str, now: datetime, policy: Policy
) -> tuple[Outcome, UnlockState]:
    """Try a PIN: unlock on a match, count a miss, lock out after too many (the PIN is not tried then).
    Text that cannot be a PIN (a sentence typed at the prompt) counts no miss."""
    if is_locked_out(state, now):
        return "locked", state
    if not is_pin_shaped(pin):
        return "not_a_pin", state
    if matches(pin.strip(), stored):
        return "ok", UnlockState(unlocked_until=now + policy.idle)
    failures = state.failures + 1
    if failures >= policy.attempts:
        return "locked", UnlockState(locked_until=now + policy.lockout)
    return "wrong", UnlockState(failures=failures)


def tries_left(state: UnlockState, policy: Policy) -> int:
    """Wrong PINs still allowed before the lockout."""
    return max(policy.attempts - state.failures, 0)


def minutes_left(state: UnlockState, now: datetime) -> int:
    """Whole minutes (at least 1) until a lockout ends."""
    if state.locked_until is None:
        return 0
    return max(1, -(-int((state.locked_until - now).total_seconds()) // 60))
