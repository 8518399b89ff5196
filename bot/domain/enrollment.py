"""Enrollment rules: codes, aliases, time-zone and time choices (no I/O)."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from collections.abc import Iterable
from datetime import datetime, time
from enum import Enum

from bot.domain.models import EnrollmentCode, Language, Patient

# No 0/O, 1/I/L: codes are read off paper and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
# Letters of any alphabet ("José", "María Fernanda", "J. Pérez": newcomer finding 10b-16), digits, space, dot,
# dash, underscore; never a control or direction mark, a slash or markup.
_ALIAS = re.compile(r"^[^\W_][\w .-]{0,31}$")


class CodeProblem(Enum):
    """Why a typed code cannot be used."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    USED = "used"
    BLOCKED = "blocked"  # too many wrong tries in the window: nothing is checked until it passes


def invited(code_hash: str) -> str:
    """What stands for the patient, until the invitation is used, in what is kept for an invitation: a session
    booked for it, an alert about crisis words written before "I agree" (bot/handlers/invitee.py)."""
    return f"invite:{code_hash}"


def new_code() -> str:
    """A random one-time enrollment code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(raw: str) -> str | None:
    """The canonical code in what a person typed, or None when it cannot be one."""
    cleaned = re.sub(r"[\s\-_.]", "", raw).upper()
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


# Read as one another on paper; none is ever in a code (CODE_ALPHABET).
CONFUSABLE = frozenset("01OIL")


def code_shaped(raw: str) -> bool:
    """Typed as a code is (eight letters and digits, both), though it may hold characters no code has ("ABCD1234":
    newcomer9 N34, greeted as if nothing had been sent): a code attempt, answered "not found"."""
    cleaned = re.sub(r"[\s\-_.]", "", raw).upper()
    ascii_alnum = cleaned.isascii() and cleaned.isalnum()
    has_both = any(c.isdigit() for c in cleaned) and any(c.isalpha() for c in cleaned)
    return len(cleaned) == CODE_LENGTH and ascii_alnum and has_both


def confusable(raw: str) -> bool:
    """Whether a typed code holds a 0, O, 1, I or L, which no code does (they are read as one another)."""
    return any(c in CONFUSABLE for c in raw.upper())


def hash_code(code: str) -> str:
    """Codes are credentials, so only their hash is stored."""
    return hashlib.sha256(code.encode()).hexdigest()


def validate_alias(alias: str) -> str:
    """An alias safe to show and to use in file names; raises ValueError otherwise."""
    alias = unicodedata.normalize("NFC", alias.strip())  # "é" typed as e + accent is one letter
    if not _ALIAS.fullmatch(alias) or ".." in alias:
        raise ValueError(
            "alias must be 1-32 characters: letters (accents welcome), digits, space, dot, dash or underscore, "
            "starting with a letter or digit"
        )
    return alias


def plain_alias(alias: str) -> str:
    """An alias as typed on a keyboard without accents ("Begoña" -> "begona"): newcomer6 finding 33, where
    `/export Begona` found nobody and the export of Begoña was named "Bego_a-checkins.csv"."""
    decomposed = unicodedata.normalize("NFKD", alias.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def alias_match(aliases: Iterable[str], typed: str) -> str | None:
    """The alias ``typed`` names: the same letters in any case, else the only one that reads so without
    accents ("Begona" for "Begoña")."""
    known = list(aliases)
    if same := [a for a in known if a.casefold() == typed.strip().casefold()]:
        return same[0]
    plain = [a for a in known if plain_alias(a) == plain_alias(typed)]
    return plain[0] if len(plain) == 1 else None


# "a las 7 de la tarde", "8 y media de la mañana", "at 7pm", "19 hrs": the clock time inside the words.
_CLOCK_WORDS = (
    (r"^(?:at|around|about|a las|alas|las|a la|la)\s+", ""),
    (r"\s+y media\b", ":30"),
    (r"\s+y cuarto\b", ":15"),
    (r"\s*(?:de la|en la|por la)\s+(?:manana|mañana|madrugada)$", "am"),
    (r"\s*(?:de la|en la|por la)\s+tarde$", "pm"),
    (r"\s*(?:de la|en la|por la)\s+noche$", "night"),
    # newcomer9 N47: "7 in the evening" was "I didn't catch that time" (the Spanish "de la tarde" worked).
    (r"\s*o['’]?\s?clock\b", ""),
    (r"\s*(?:in the|this)\s+morning$", "am"),
    (r"\s*(?:in the|this)\s+(?:afternoon|evening)$", "pm"),
    (r"\s*(?:at night|in the night|tonight)$", "night"),
    (r"\s*(?:hrs|hr|horas|h)$", ""),
)


_NAMED = {
    word: time(12) for word in ("noon", "midday", "12 noon", "at noon", "mediodia", "mediodía", "al mediodia",
                                "al mediodía", "a mediodia", "a mediodía", "medio dia", "medio día")
} | {word: time(0) for word in ("midnight", "medianoche", "a medianoche", "a la medianoche")}  # fmt: skip


def parse_clock(raw: str) -> time | None:
    """A time of day from "19:00", "7pm", "7:30 pm", "0730" or "a las 7 de la tarde", or None."""
    text = raw.strip().lower().replace(".", "")
    if (
        text in _NAMED
    ):  # "noon", "mediodía" (newcomer9 N16: set-up waited, and the word went to two counselors)
        return _NAMED[text]
    for pattern, replacement in _CLOCK_WORDS:
        text = re.sub(pattern, replacement, text).strip()
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?\s*(am|pm|night)?", text)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half == "night":  # "11 at night" 23:00, "12 de la noche" midnight, "2 at night" 2:00
        half = "am" if hour == 12 or hour < 6 else "pm"
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def code_problem(code: EnrollmentCode | None, now: datetime) -> CodeProblem | None:
    """Why an invitation cannot be used now, or None when it can."""
    if code is None:
        return CodeProblem.UNKNOWN
    if code.used_at is not None:
        return CodeProblem.USED
    if now >= code.expires_at:
        return CodeProblem.EXPIRED
    return None


def returned(former: Patient, code: EnrollmentCode, now: datetime, language: Language) -> Patient:
    """Someone who withdrew (/stop) and agreed again with a new code: their own record again (newcomer5
    finding 43: a second patient was made, and their history stayed with the withdrawn one). It takes the
    invitation's alias, counselor and cohort; set-up and opt-ins start afresh, as for anyone new, and
    ``enrolled_at`` is now, so the days away do not count as missed check-ins."""
    return Patient(
        patient_id=former.patient_id,
        telegram_id=former.telegram_id,
        alias=code.alias,
        counselor_id=code.counselor_id,
        cohort=code.cohort,
        enrolled_at=now,
        consent_at=now,
        status_changed_at=now,
        language=language,
    )
