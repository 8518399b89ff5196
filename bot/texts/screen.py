"""The crisis answer in the patient's language, and the gentle "check" question.

English wording is the reviewed text in crisis.py; Spanish follows it sentence by sentence, in
neutral Latin-American Spanish (tú), without gendered endings where a patient's gender is unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.texts.base import bullet_lines, esc
from bot.texts.crisis import (
    BTN_MISREAD,
    BTN_NOT_SAFE,
    BTN_SAFE,
    CRISIS_MISREAD,
    CRISIS_NOT_SAFE,
    CRISIS_SAFE,
    crisis_response,
)
from bot.texts.reach import crisis_told

__all__ = [
    "SAFETY_BUTTONS",
    "after_answer",
    "buttons_language",
    "check_for_stranger",
    "check_question",
    "crisis_response_in",
    "crisis_told_in",
]

SAFETY_BUTTONS = {
    "en": (BTN_SAFE, BTN_NOT_SAFE, BTN_MISREAD),
    "es": ("Estoy a salvo ahora", "No estoy a salvo", "Me entendiste mal"),
}
_AFTER_ANSWER = {
    "en": {"safe": CRISIS_SAFE, "notsafe": CRISIS_NOT_SAFE, "misread": CRISIS_MISREAD},
    "es": {
        "safe": "Gracias por decírmelo. Me alegra que estés a salvo ahora. Si eso cambia, usa /sos en "
        "cualquier momento, o llama al 988 y marca 2.",
        "notsafe": "Por favor llama al <b>911</b> ahora, o ve a la sala de emergencias más cercana. Si "
        "puedes, quédate con alguien de confianza y aléjate de cualquier cosa con la que podrías "
        "hacerte daño. Le avisé a tu consejero que es urgente.",
        "misread": "Gracias por decírmelo, y perdón si te entendí mal. Por seguridad, tu consejero ya "
        "fue avisado; es posible que se comunique contigo.",
    },
}


def buttons_language(language: str) -> str:
    """The languages these texts exist in; anything else is answered in English."""
    return language if language in SAFETY_BUTTONS else "en"


def crisis_response_in(
    language: str,
    lines: Sequence[str],
    after_hours: str,
    plan: str | None,
    told_counselor: bool,
    told_line: str | None = None,
) -> str:
    """The first answer to crisis language, in the language the patient wrote in; ``told_line`` (from
    crisis_told_in) replaces the default promise when the program knows who can be told."""
    if buttons_language(language) == "en":
        return crisis_response(lines, after_hours, plan, told_counselor, told_line)
    extra = f"\n• Nuestra línea fuera de horario: {esc(after_hours)}" if after_hours else ""
    told = "\n\nLe avisé a tu consejero para que se comunique contigo." if told_counselor else ""
    told = f"\n\n{told_line}" if told_line else told
    plan_block = f"\n\n<b>Tu plan de seguridad</b>\n{plan}" if plan else ""
    return (
        "Me alegra mucho que me lo hayas contado. Lo que estás viviendo importa, y no tienes que "
        "enfrentarlo a solas.\n\n<b>Por favor, busca ayuda ahora:</b>\n"
        f"{bullet_lines(lines)}{extra}{told}{plan_block}\n\n<b>¿Estás a salvo en este momento?</b>"
    )


def after_answer(answer: str, language: str) -> str:
    """The reply to a "safe / not safe / misread" button, in the language of the question."""
    return _AFTER_ANSWER[buttons_language(language)][answer]


def check_question(language: str) -> str:
    """For worrying but ambiguous words: one gentle question, no alarm, and what happens next."""
    if buttons_language(language) == "es":
        return (
            "Gracias por contármelo. Suena muy difícil. Quiero asegurarme de que estés bien: "
            "<b>¿estás a salvo en este momento?</b>\n\nTu consejero lo verá en su próxima revisión."
        )
    return (
        "Thank you for telling me. That sounds really hard. I want to make sure you're okay: "
        "<b>are you safe right now?</b>\n\nYour counselor will see this at their next review."
    )


def check_for_stranger(lines: Sequence[str], language: str) -> str:
    """Someone not enrolled: no counselor to tell, so the lines, gently."""
    head = (
        "Si estás pasando por un momento difícil, puedes hablar con alguien ahora:"
        if buttons_language(language) == "es"
        else "If things feel hard right now, you can talk to someone:"
    )
    return f"{head}\n{bullet_lines(lines)}"


def crisis_told_in(language: str, who: str, oncall: bool) -> str:
    """crisis_told (who the alert can reach, promising no more) in the patient's language."""
    if buttons_language(language) == "en":
        return crisis_told(who, oncall)
    if who == "nobody":
        return (
            "No pude comunicarme con nadie de tu equipo de atención por esta app en este momento, así que "
            "por favor usa las líneas de arriba. Seguiré intentando avisarles."
        )
    told = (
        "Le avisé a tu consejero para que se comunique contigo."
        if who == "counselor"
        else "Le avisé a tu equipo de atención para que alguien se comunique contigo."
    )
    return (
        told
        if oncall
        else f"{told} Puede que no lo vean de inmediato, así que por favor usa las líneas de arriba ahora."
    )
