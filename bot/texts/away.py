"""Counselor texts for `iop-bot counselor away` (newcomer16 N141): the counselor marked away and their cover are
told in Telegram what changes and until when (counselor-only: no patient reads these)."""

from __future__ import annotations

from datetime import date

from bot.texts.base import day_label, esc


def away_you(until: date, cover: str | None) -> str:
    """To the counselor marked away."""
    who = f"<b>{esc(cover)}</b>" if cover else "the on-call counselors"
    return (
        f"You are marked away until <b>{day_label(until)}</b>. Meanwhile your patients' urgent alerts go at once "
        f"to {who} as well as to you"
        + (", and their messages (/message) to them" if cover else "")
        + ". It ends by itself on that day."
    )


def away_cover(counselor: str, until: date) -> str:
    """To the cover."""
    return (
        f"You are covering for <b>{esc(counselor)}</b> until <b>{day_label(until)}</b>: their patients' urgent "
        "alerts reach you at once, and their messages (/message) come to you."
    )


def away_back(counselor: str) -> str:
    """To the counselor and the cover when it ends early (`--back`)."""
    return f"<b>{esc(counselor)}</b> is back: their patients' alerts and messages go to them first again."


def covering_message_note(alias: str, counselor: str) -> str:
    """Under a patient's message that reached their counselor's cover (newcomer18 N151: the card said only
    "Alex wrote to you")."""
    return f"ℹ️ {esc(alias)} is <b>{esc(counselor)}</b>'s patient; you are covering while they are away."


def away_cover_ended(counselor: str, cover: str | None) -> str:
    """To a cover replaced by another (or by on-call) while the counselor is still away (newcomer18 N151)."""
    who = f"<b>{esc(cover)}</b>" if cover else "the on-call counselors"
    return (
        f"You no longer cover for <b>{esc(counselor)}</b>: {who} do{'es' if cover else ''} from now on. Alerts you "
        "already have stay yours until acknowledged."
    )


def standing_in_note(alias: str, counselor: str, until: date, why: str) -> str:
    """Under a notice about a patient that reached someone standing in for their away counselor (newcomer20 N196
    addenda, N212): whose patient, until when, and why it reached them (``why``: "cover", "on_call", "admin")."""
    head = f"ℹ️ {esc(alias)} is <b>{esc(counselor)}</b>'s patient"
    day = f"<b>{day_label(until)}</b>"
    if why == "cover":
        return f"{head}; you are covering while they are away until {day}."
    if why == "on_call":
        return f"{head}; they are away until {day} with nobody covering, so this reached you on call."
    return (
        f"{head}; they are away until {day} with nobody covering or on call, so this reached you as an admin "
        "of the program."
    )


def away_cover_away(cover: str, until: date, now_with: str | None) -> str:
    """To a counselor away whose cover is marked away too (newcomer22 N216: Dana was never told)."""
    who = f"<b>{esc(now_with)}</b>" if now_with else "the on-call counselors present (else the admins)"
    return (
        f"Your cover <b>{esc(cover)}</b> is away too, until <b>{day_label(until)}</b>: meanwhile your patients' urgent "
        f"alerts and messages go to {who}."
    )


def away_cover_chain(counselor: str, cover: str, until: date) -> str:
    """To the cover of an away cover, who now stands in for the first counselor's patients too (newcomer22 N216)."""
    return (
        f"<b>{esc(cover)}</b>, who covers for <b>{esc(counselor)}</b>, is away too: until <b>{day_label(until)}</b> "
        f"you stand in for {esc(counselor)}'s patients as well: their urgent alerts reach you at once, and their "
        "messages come to you."
    )


def cover_handed_on(alias: str, counselor: str) -> str:
    """To a cover a patient wrote to, when the patient moves to another counselor (newcomer22 N226)."""
    return (
        f"<b>{esc(alias)}</b> is now <b>{esc(counselor)}</b>'s patient: their message to you that nobody answered "
        f"went to {esc(counselor)} with the hand-over, and is theirs to answer."
    )
