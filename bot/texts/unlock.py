"""The counselor's PIN unlock. Shown only to counselors, but still generic: a phone may be left open."""

from __future__ import annotations

PIN_ASK = "🔒 Enter your PIN to continue. I'll delete the message with it."
PIN_OK = "🔓 Unlocked."
PIN_NEEDED = (
    "🔒 Patient data needs a PIN, and you don't have one yet. "
    "Ask the administrator to set one with <code>iop-bot counselor set-pin</code>."
)

PIN_NOT_A_PIN = (
    "🔒 A PIN is 6 to 12 digits, so I didn't count that as a try, and nothing was sent. "
    "Enter your PIN to continue."
)


def pin_wrong(tries: int) -> str:
    """A wrong PIN, and how many tries are left before the lockout."""
    plural = "try" if tries == 1 else "tries"
    return f"That PIN isn't right. {tries} {plural} left. Enter your PIN again."


def pin_locked(minutes: int) -> str:
    """Too many wrong PINs: locked out for a while (urgent alerts still arrive)."""
    unit = "minute" if minutes == 1 else "minutes"
    return (
        f"🔒 Too many wrong PINs. Try again in {minutes} {unit}. "
        "Urgent alerts will still reach you; for a forgotten PIN, ask the administrator."
    )


PIN_STRAY = (
    "🔒 That was your PIN, so I deleted the message with it. It was not sent to anyone. "
    "You don't need it now: I ask for it when patient data needs it."
)
