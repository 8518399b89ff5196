"""Crisis words from people the bot holds no record of: someone invited who has not agreed, a stranger.

Counselor-facing (English, the team's language). Never their words: they consented to nothing being kept.
"""

from __future__ import annotations

from datetime import datetime

from bot.texts.base import esc, zoned


def invitee_crisis_again(alias: str | None, at: datetime) -> str:
    """Under the alert about someone invited who has not agreed: crisis words again (never the words)."""
    who = (
        f"<b>{esc(alias)}</b>"
        if alias
        else "The person this alert is about (their invitation was revoked since)"
    )
    return (
        f"🚨 {who} wrote words that read as a crisis <b>again</b>, {zoned(at)}. Nothing they wrote is kept; "
        "they got the crisis lines again. Please reach them with the contact details your program holds."
    )


def stranger_crisis(name: str, handle: str, at: datetime) -> str:
    """To the admins: someone the bot holds no record of wrote crisis words (after a restore, maybe a patient)."""
    who = " ".join(part for part in (f"“{esc(name)}”" if name else "", esc(handle)) if part)
    shown = f" (their Telegram shows {who})" if who else ""
    return (
        f"🚨 Someone who is not enrolled{shown} wrote words that read as a crisis, {zoned(at)}. They got the "
        "crisis lines; nothing they wrote is kept, and the bot cannot tell them more. If a backup was restored "
        "lately, this may be a patient enrolled since: please find them and invite them again "
        "(<code>iop-bot enroll</code>)."
    )


def safe_after_consent(language: str) -> str:
    """Right after "I agree", when the crisis words they wrote before it are still an open alert (newcomer
    N22: set-up went on cheerfully, as if nothing had been said): the safety question comes first."""
    if language == "es":
        return (
            "Antes de las preguntas para configurar: hace un rato me escribiste algo que me preocupó, y ya se lo "
            "dije a tu equipo de atención. <b>¿Estás a salvo en este momento?</b>"
        )
    return (
        "Before the set-up questions: earlier you wrote something that worried me, and I've told your care "
        "team. <b>Are you safe right now?</b>"
    )


def enrolled_with_open_alert(alias: str) -> str:
    """To the counselor: the person whose crisis words before agreeing are an open alert has agreed, so the
    bot can reach them now (newcomer N22: only "accepted your invitation" was said)."""
    return (
        f"<b>{esc(alias)}</b> accepted your invitation and is now enrolled. Their alert about the words they "
        "wrote before agreeing is still open: you can now write to them with “Message patient” below. "
        "The bot has asked them whether they are safe right now; you will get their answer."
    )
