"""Roster changes told to the team: an on-call counselor removed, a patient moved with open alerts.

Counselor-facing (English, the team's language). A notice to the admins names no patient: it is about who
is on call, not about anyone's care.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.texts.base import MAX_MESSAGE, esc, zoned_late


def oncall_removed(name: str) -> str:
    """To the admins, at once: the last on-call counselor was removed, so they take the escalations."""
    return (
        f"⚠️ <b>{esc(name)}</b> was removed as a counselor and was the last one on call. Nobody in the "
        "settings' on-call list is left, so unacknowledged urgent alerts now escalate to the admins (you). "
        "Put someone on call in the settings ([alerts] oncall) and restart the bot."
    )


NO_LONGER_COUNSELOR = (
    "You are no longer a counselor in this program, so its counselor tools and alerts don't reach you here. "
    "If that's a mistake, ask an admin to add you again."
)


def handed_over(alias: str, from_name: str, lines: Sequence[str]) -> str:
    """To the counselor a patient was moved to: who, from whom, and the open alerts that came with them
    (each line with its buttons below, as in a reminder)."""
    head = f"📋 <b>{esc(alias)}</b> is now your patient (moved to you from <b>{esc(from_name)}</b>)."
    if not lines:
        return f"{head} Nothing urgent is open for them."
    n = len(lines)
    return "\n".join(
        [
            f"{head} {n} alert{'s' if n != 1 else ''} came with them, open and now yours, oldest first:",
            *lines,
            "Tap an alert to read it and reach them; Acknowledge each once you're on it.",
        ]
    )


def handed_away(alias: str, to_name: str, alerts: int) -> str:
    """To the counselor a patient was moved from: where they went, and that their open alerts went too."""
    text = f"📋 <b>{esc(alias)}</b> is now with <b>{esc(to_name)}</b>."
    if alerts:
        text += (
            f" Their {alerts} open alert{'s' if alerts != 1 else ''} went with them: you no longer "
            f"hold {'them' if alerts != 1 else 'it'}, and reminders now go to {esc(to_name)}."
        )
    return text


def handed_over_many(from_name: str, patients: Sequence[tuple[str, int]]) -> list[str]:
    """To the counselor who took over a removed counselor's patients (gaps11 #4: one card per patient, 38
    for 38): one card naming every patient moved, with how many alerts came with each, in as many
    pages as Telegram needs. ``patients``: (alias, open alerts) each, in the order to list them."""
    n, alerts = len(patients), sum(count for _, count in patients)
    head = (
        f"📋 <b>{n} patient{'s are' if n != 1 else ' is'} now yours</b>, moved to you from "
        f"<b>{esc(from_name)}</b>, who was removed as a counselor:"
    )
    if alerts:
        with_alerts = len([c for _, c in patients if c])
        end = (
            f"{with_alerts} of them came with open alerts ({alerts} in all), now yours: they follow "
            "below, each with its buttons."
        )
    else:
        end = "Nothing urgent is open for " + ("any of them." if n != 1 else "them.")
    lines = [
        f"• {esc(alias)}" + (f": {count} alert{'s' if count != 1 else ''} open" if count else "")
        for alias, count in patients
    ]
    pages: list[list[str]] = [[]]
    room = MAX_MESSAGE - len(head) - len(end) - 40
    for line in lines:
        if pages[-1] and sum(len(x) + 1 for x in pages[-1]) + len(line) > room:
            pages.append([])
        pages[-1].append(line)
    total = len(pages)
    return [
        "\n".join([head + (f" ({i}/{total})" if total > 1 else ""), *page, *([end] if i == total else [])])
        for i, page in enumerate(pages, start=1)
    ]


def handed_over_alerts(lines: Sequence[str]) -> str:
    """After handed_over_many: the open alerts that came with those patients, each line with its buttons."""
    n = len(lines)
    return "\n".join(
        [
            f"🚨 {n} open alert{'s' if n != 1 else ''} came with these patients, yours now, oldest first:",
            *lines,
            "Tap an alert to read it and reach them; Acknowledge each once you're on it.",
        ]
    )


def handed_message(alias: str, from_name: str, at: datetime, text: str, written: datetime | None) -> str:
    """A patient's message to the counselor they were moved from, not answered yet (ops O97)."""
    return (
        f"💬 <b>{esc(alias)}</b> wrote to <b>{esc(from_name)}</b>, {zoned_late(at, written)}:\n"
        f"<blockquote>{esc(text)}</blockquote>\n↪️ Not answered yet: it came to you with the patient. "
        "<b>Reply</b> answers them."
    )


def handed_message_locked(alias: str, from_name: str) -> str:
    """The same, to a counselor whose bot is locked with a PIN: no words until they open it."""
    return (
        f"🔒 <b>{esc(alias)}</b> wrote to <b>{esc(from_name)}</b>, unanswered yet, and came to you with it. "
        "Tap <b>Show message</b> to read it (your PIN first)."
    )


def returned_elsewhere(former: str, alias: str, to_name: str, *, closed: bool = False) -> str:
    """To the counselor who had a patient who withdrew (/stop), when they come back as someone else's (newcomer22
    N219: told "reach them by phone now" after the /stop, they never heard the patient was back in the bot);
    ``closed``: the program had closed their enrollment, they never used /stop (N229)."""
    was = "" if former == alias else f" (as <b>{esc(alias)}</b>)"
    left = "whose enrollment the program had closed" if closed else "who had withdrawn (/stop)"
    return (
        f"📋 <b>{esc(former)}</b>, {left}, came back{was} and is now <b>{esc(to_name)}</b>'s "
        f"patient: the bot can reach them again, and {esc(to_name)} has them from now on."
    )


def draft_patient_moved(alias: str, to_name: str) -> str:
    """To a counselor whose message was being typed when the patient moved to someone else (newcomer22 N228): it
    went out as "on call" and the reply came back to them as a cover's; the new counselor saw neither."""
    return (
        f"Your message was <b>not sent</b>: <b>{esc(alias)}</b> was moved to <b>{esc(to_name)}</b> while you were "
        f"typing it: {esc(to_name)} has them now. Tell {esc(to_name)} what you meant to say."
    )


# A removed counselor's tap on an old alert card (ops O136).
ALERT_COUNSELOR_REMOVED = (
    "You were removed as a counselor of this program, so this alert is no longer yours: it is with the patient's "
    "counselor now. If that is a mistake, ask your program's admin."
)


def counselor_removed(to: str | None) -> str:
    """To a counselor an admin removed (ops O136: they were not told, and their old cards then read as someone
    else's): once, with whom their patients are now."""
    now_with = f" Your patients are now with {esc(to)}." if to else ""
    return (
        f"ℹ️ You are no longer a counselor of this program: an admin removed you.{now_with} Alert cards and patient "
        "pages you still have here no longer open. If that is a mistake, ask your program's admin."
    )
