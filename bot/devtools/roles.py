"""Who the person trying `iop-bot demo` can be: kept light, as `iop-bot --help` shows it."""

from __future__ import annotations

COUNSELOR_ID = 1001
PATIENT_ID = 2001
NEW_PATIENT_ID = 2002
SPANISH_PATIENT_ID = 2003  # a new person whose Telegram app is in Spanish (language_code "es-MX")
# Sam's invitation code is fixed, so the README's walkthrough can be pasted as it is. The demo's data
# lives in a throw-away directory under a throw-away key: this code opens nothing anywhere else.
DEMO_CODE = "SAMSTART"
SPANISH_CODE = "ENTRADAS"  # Sofía's invitation: her consent and set-up come in Spanish


def roles(code: str = DEMO_CODE) -> str:
    """The demo's people and commands, one per line (the banner and ``iop-bot demo --help``)."""
    rows = [
        ("/checkin  /history  /cope  /sos  /help", "patient commands (/help lists them all)"),
        (f"/as {COUNSELOR_ID}", "become the counselor, Dr. Rivera (/caseload)"),
        (f"/as {NEW_PATIENT_ID}", f"become a new person; enroll with: /start {code}"),
        (f"/as {SPANISH_PATIENT_ID}", f"a new person whose Telegram is in Spanish: /start {SPANISH_CODE}"),
        (f"/as {PATIENT_ID}", "back to Alex;   /quit to leave"),
        (
            "/user ID NAME [LANGUAGE]",
            "a new Telegram account (LANGUAGE: its app's, en by default), then be it",
        ),
        ("/photo  /voice  /sticker  /edit TEXT", "what a phone sends besides typing (also /file, /location)"),
        ("/forward TEXT  /tap N KEY", "forward a message; tap a button on an older message (1 = latest)"),
    ]
    lines = [f"  {left:<40} {right}" for left, right in rows]
    lines.append(
        "Your own data dir, restarts, CLI enrolment: `iop-bot emulator` (README, Quickstart: the real run)."
    )
    return "\n".join(lines) + "\n"
