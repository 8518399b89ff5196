"""The counselor's workspace: caseload, patient view, relayed messages, exports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.texts.base import MAX_MESSAGE, esc

BTN_ACK_FLAGS = "Acknowledge flags"
BTN_MESSAGE_PATIENT = "Message patient"
BTN_EXPORT = "Export CSV"
ARROWS = {"up": "↑", "down": "↓", "flat": "→", "unknown": ""}

CASELOAD_EMPTY = "You have no patients yet. Invite one with <code>iop-bot enroll</code>."
NOT_A_COUNSELOR = "That's only for counselors."
NOT_YOUR_PATIENT = "That patient isn't on your caseload."
FLAGS_ACKED = "Flags acknowledged ({count})."
NO_FLAGS = "No open flags."
ASK_MESSAGE = (
    "Type your message for <b>{alias}</b>. It reaches them as from you, with a Reply button; "
    "their answer comes here. /cancel to stop."
)
MESSAGE_SENT = "Sent to {alias}. Their reply will come here."
CANNOT_MESSAGE = "This patient has withdrawn: the bot can't message them."
MESSAGE_FAILED = "Couldn't deliver that message right now; please try again later."
MESSAGE_TOO_LONG = (
    "That's {length} characters; one message holds {limit}. Please send a shorter one (or /cancel)."
)
EXPORT_USAGE = "Usage: <code>/export ALIAS</code>, e.g. <code>/export Alex</code>."
EXPORT_UNKNOWN = "No patient with that alias on your caseload."


def patient_withdrawn(alias: str, day: date | None) -> str:
    """Why "Message patient" is refused: they withdrew consent, so the bot stays silent to them."""
    when = f" on {day:%a} {day.day} {day:%b}" if day else ""
    return (
        f"<b>{esc(alias)}</b> withdrew consent with /stop{when}, so the bot no longer sends them "
        "anything. Nothing was sent. To reach them, use the contact details your program holds."
    )


STATUS_LABELS = {
    "active": "active",
    "aftercare": "aftercare",
    "inactive": "inactive (stopped answering)",
    "withdrawn": "withdrawn (/stop): the bot can't message them",
}


def caseload_line(
    alias: str,
    last: str,
    mood: str,
    craving: str,
    flags: Sequence[str],
    today: str = "",
    status: str = "active",
) -> str:
    """One patient line: status when not active, open flags and today's answers first, then 7-day numbers."""
    shown = f" · <i>{esc(STATUS_LABELS.get(status, status))}</i>" if status != "active" else ""
    flagged = f" · ⚑ {esc(', '.join(flags))}" if flags else ""
    today_line = f"\n   {today}" if today else ""
    return (
        f"<b>{esc(alias)}</b>{shown}{flagged}{today_line}\n"
        f"   7 days: mood {mood} · craving {craving} · last check-in {esc(last)}"
    )


def todays_answers(answers: Mapping[str, object] | None) -> str:
    """Today's own numbers ("today: mood 1 · craving 9 · used: yes"), or that there are none yet."""
    if answers is None:
        return "today: no check-in yet"
    parts = [f"{key} {answers[key]}" for key in ("mood", "craving") if isinstance(answers.get(key), int)]
    if answers.get("used") in (0, 1):
        parts.append("used: yes" if answers["used"] == 1 else "used: no")
    if answers.get("medication") == 0:
        parts.append("missed medication")
    return "today: " + (" · ".join(parts) if parts else "checked in, numbers skipped")


def ack_patient(alias: str) -> str:
    """The caseload button that acknowledges a patient's open alerts and flags."""
    return f"✅ Acknowledge {alias}"


def caseload_screen(lines: Sequence[str]) -> str:
    """The caseload, most urgent first."""
    return f"<b>Your caseload</b> ({len(lines)}), most urgent first:\n\n" + "\n".join(lines)


def number(value: float | None, trend: str) -> str:
    """A 7-day average with its trend arrow."""
    return "–" if value is None else f"{value:.1f}{ARROWS.get(trend, '')}"


def patient_view(
    alias: str,
    status: str,
    cohort: str,
    flags: Sequence[str],
    table: str,
    coping: Sequence[str],
    today: str = "",
) -> str:
    """The patient page: flags and today's answers first; the table is preformatted and cut to fit."""
    head = f"<b>{esc(alias)}</b> · {esc(status)}" + (f" · {esc(cohort)}" if cohort else "")
    flag_block = "⚑ " + esc(", ".join(flags)) if flags else "No open flags."
    today_block = f"\n<b>{esc(today)}</b>" if today else ""
    coping_block = ("\nCoping skills: " + esc("; ".join(coping))) if coping else ""
    body = f"{head}\n{flag_block}{today_block}{coping_block}\n\n<b>Last check-ins</b>\n"
    room = MAX_MESSAGE - len(body) - 40
    return body + f"<pre>{esc(cut(table, room))}</pre>"


def cut(text: str, limit: int) -> str:
    """Cut at a line end within ``limit`` characters, saying so."""
    if len(text) <= limit:
        return text
    return text[: text.rfind("\n", 0, limit - 12) + 1] + "… (cut)"


def relayed(counselor: str, text: str) -> str:
    """A counselor's message as the patient receives it."""
    return f"<b>Message from your counselor {esc(counselor)}:</b>\n{esc(text)}"


def relay_room(counselor: str) -> int:
    """How many characters a relayed message may have and still fit one Telegram message."""
    return MAX_MESSAGE - len(f"Message from your counselor {counselor}:\n")


def history_caption(alias: str, days: int) -> str:
    return f"{esc(alias)}: mood and craving, last {days} days"


BTN_SEND = "Send"
BTN_CANCEL_BROADCAST = "Cancel"
BROADCAST_ASK = (
    "Type the message for everyone in <b>{cohort}</b>. You'll see a preview first. /cancel to stop."
)
BROADCAST_CANCELLED = "Broadcast cancelled; nothing was sent."
BROADCAST_DONE = "Broadcast sent: {delivered} delivered, {failed} failed."


def broadcast_usage(cohorts: Sequence[str]) -> str:
    """How to use /broadcast, with this counselor's cohorts."""
    names = ", ".join(f"<code>{esc(c)}</code>" for c in cohorts) or "none yet"
    return f"Usage: <code>/broadcast COHORT</code>. Your cohorts: {names}."


def broadcast_preview(cohort: str, text: str) -> str:
    """What the counselor confirms before anything is sent."""
    return f"Preview for <b>{esc(cohort)}</b>:\n\n{relayed('(you)', text)}\n\nSend it?"
