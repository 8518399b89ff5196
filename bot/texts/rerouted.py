"""The patient was told "I've let your counselor know", and then the alert could not reach that counselor
(they blocked the bot, or left Telegram) and went to on-call and the admins (newcomer N11): the patient hears
who truly has it. Nothing in it names a condition (it shows on a lock screen)."""

from __future__ import annotations

__all__ = ["patient_counselor_not_reached"]

_T = {
    "en": {
        "team": "An update: your counselor can't be reached through this app right now, so I've let others on "
        "your care team know instead. If you need help before they reach you, use /sos or the lines I sent.",
        "nobody": "An update: I couldn't reach your counselor through this app, and nobody else on your care "
        "team either, for now. Please use the lines I sent, or /sos. I'll keep trying to reach them.",
    },
    "es": {
        "team": "Una actualización: no pude comunicarme con tu consejero o consejera por esta app en este "
        "momento, así que le avisé a otras personas de tu equipo de atención. Si necesitas ayuda antes de que se "
        "comuniquen contigo, usa /sos o las líneas que te envié.",
        "nobody": "Una actualización: no pude comunicarme con tu consejero o consejera por esta app, ni con nadie "
        "más de tu equipo de atención por ahora. Por favor usa las líneas que te envié, o /sos. Seguiré "
        "intentando avisarles.",
    },
}


def patient_counselor_not_reached(language: str, who: str) -> str:
    """``who``: "team" (on-call or an admin has it now) or "nobody"."""
    t = _T.get(language, _T["en"])
    return t["nobody" if who == "nobody" else "team"]
