"""A counselor's /broadcast to a cohort: the ask, the preview, and who got it (split from counselor.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import esc
from bot.texts.counselor import relayed

BTN_SEND = "Send"
BTN_CANCEL_BROADCAST = "Cancel"
BROADCAST_CANCELLED = "Broadcast cancelled; nothing was sent."


def broadcast_ask(cohort: str) -> str:
    """After /broadcast COHORT: what to type next."""
    return (
        f"Type the message for everyone in <b>{esc(cohort)}</b>. You'll see a preview first. /cancel to stop."
    )


def broadcast_done(
    delivered: int,
    failed: Sequence[tuple[str, str | None]] = (),
    left_out: int = 0,
    not_active: Sequence[tuple[str, str]] = (),
) -> str:
    """After a broadcast went out: who got it, and by name who did not and why (newcomer5 finding 19: "0
    delivered, 1 failed" read as sent, named nobody, and left the withdrawn and discharged uncounted)."""
    lines = [f"Broadcast delivered to {delivered} patient{'s' if delivered != 1 else ''}."]
    if not delivered:
        lines = ["Broadcast delivered to nobody."]
    for alias, reason in failed:
        if reason:
            lines.append(f"• Not delivered: <b>{esc(alias)}</b> {esc(reason)}; reach them another way.")
        else:
            lines.append(
                f"• Not delivered to <b>{esc(alias)}</b> (Telegram refused it for now): send it again."
            )
    for alias, status in not_active:
        lines.append(f"• Not sent to <b>{esc(alias)}</b>: {esc(status)}.")
    if left_out:
        lines.append(broadcast_left_out(left_out))
    return "\n".join(lines)


def broadcast_left_out(left_out: int) -> str:
    """Cohort members a broadcast does not reach because they are another counselor's patients."""
    who = "1 patient" if left_out == 1 else f"{left_out} patients"
    return (
        f"{who} in this cohort {'has' if left_out == 1 else 'have'} another counselor and will not get it: "
        "ask their counselor (or an admin) to send it to them."
    )


def broadcast_usage(cohorts: Sequence[str]) -> str:
    """How to use /broadcast, with this counselor's cohorts."""
    names = ", ".join(f"<code>{esc(c)}</code>" for c in cohorts) or "none yet"
    return f"Usage: <code>/broadcast COHORT</code>. Your cohorts: {names}."


def broadcast_preview(
    cohort: str,
    text: str,
    left_out: int = 0,
    to: Sequence[str] = (),
    spanish: Sequence[str] = (),
    not_active: Sequence[tuple[str, str]] = (),
) -> str:
    """What the counselor confirms before anything is sent: who gets it, who reads Spanish, and who it will not
    reach (newcomer18 N176: the preview named nobody, and a Spanish reader got the English words unwarned)."""
    lines = [f"Preview for <b>{esc(cohort)}</b>:", "", relayed("(you)", text), ""]
    names = ", ".join(f"<b>{esc(a)}</b>" for a in to)
    lines.append(
        f"It goes to {len(to)} patient{'s' if len(to) != 1 else ''}: {names}." if to else "It goes to nobody."
    )
    if spanish:
        who = ", ".join(f"<b>{esc(a)}</b>" for a in spanish)
        lines.append(
            f"{who} read{'s' if len(spanish) == 1 else ''} the bot in Spanish: your words go as you typed them, "
            "under a Spanish line saying they are from you; consider writing them in both languages."
        )
    lines += [f"Not to <b>{esc(alias)}</b>: {esc(status)}." for alias, status in not_active]
    if left_out:
        lines.append(broadcast_left_out(left_out))
    return "\n".join([*lines, "", "Send it?"])
