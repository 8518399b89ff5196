"""To the patient: words kept unsent that may need a look (bot/usecases/kept_look.py, newcomer24 N261).

Truthful about the one thing that leaves the drawer (that something kept may need a look, never the words),
and discreet: a lock screen shows the asking again, so it names no condition.
"""

from __future__ import annotations

from bot.texts.base import esc


def kept_look_note(counselor: str, language: str) -> str:
    """After the offer, when the kept words may need a look: what the counselor will see, and what not."""
    if language == "es":
        return (
            f"Algunas palabras de lo que escribiste me preocupan, así que {esc(counselor)} verá que guardaste "
            "aquí un mensaje que quizá necesite atención (no lo que dice). Lo que dice solo le llega si tocas Enviar."
        )
    return (
        f"Some words in what you wrote worry me, so {esc(counselor)} will see that you kept a message here that "
        "may need a look (not what it says). What it says reaches them only if you tap Send."
    )


def kept_reask(counselor: str, count: int, hours: int, language: str) -> str:
    """About half a day later: the kept words are still here, unsent, and go soon; the choice again."""
    if language == "es":
        what, it = ("Tu mensaje sigue guardado", "lo") if count == 1 else (
            f"Tus {count} mensajes siguen guardados", "los")  # fmt: skip
        return (
            f"{what} aquí, sin enviar. ¿Se {it} envío a {esc(counselor)}? Si no eliges, {it} borro en unas "
            f"{hours} horas.\nSi necesitas ayuda ahora, usa /sos."
        )
    what, it = ("Your message is", "it") if count == 1 else (f"Your {count} messages are", "them")
    return (
        f"{what} still kept here, unsent. Send {it} to {esc(counselor)}? If you don't choose, I delete {it} in "
        f"about {hours} hours.\nIf you need help now, use /sos."
    )
