"""The answers to a use or an urge, in the patient's language (the reviewed English: crisis.py).

Spanish follows the English sentence by sentence: no assumption that an urge is still on after use, and
honest that the counselor sees it (nothing about how urgently: a paging check-in says so right after). "Surfear la ola" is urge surfing as Spanish-speaking
recovery programs teach it.
"""

from __future__ import annotations

from bot.texts.base import pick
from bot.texts.crisis import BTN_NOT_NOW_RELAPSE, BTN_URGE_SURFING, CRAVING_RESPONSE, RELAPSE_RESPONSE

RELAPSE_RESPONSE_ES = (
    "Gracias por tu honestidad; eso requiere valor. Un tropiezo no borra el trabajo que has hecho, y es "
    "algo para hablar, no para esconder: tu consejero o consejera también verá esto, "
    "para que lo puedan conversar. Si todavía sientes ansias fuertes, surfear la ola puede ayudarte "
    "a dejarlas pasar. ¿Quieres intentarlo ahora?"
)
CRAVING_RESPONSE_ES = (
    "Gracias por contármelo. Unas ansias tan fuertes son difíciles, y sí pasan: suben y bajan como una "
    "ola. ¿Quieres intentar dejar pasar esta con la técnica de surfear la ola?"
)
CRISIS_ALREADY_ANSWERED_ES = "Ya tengo tu respuesta. Tu consejero o consejera ya lo sabe."
BTN_URGE_SURFING_ES = "Probar surfear la ola"
BTN_NOT_NOW_RELAPSE_ES = "Ahora no"


def relapse_response(language: str) -> str:
    """After use was disclosed (the harm-reduction line follows it)."""
    return pick(language, RELAPSE_RESPONSE, RELAPSE_RESPONSE_ES)


def craving_response(language: str) -> str:
    """After an urge without use."""
    return pick(language, CRAVING_RESPONSE, CRAVING_RESPONSE_ES)


def urge_buttons(language: str) -> list[list[tuple[str, str]]]:
    """Urge surfing now, or not now."""
    return [
        [
            (pick(language, BTN_URGE_SURFING, BTN_URGE_SURFING_ES), "cope:go:urge_surfing"),
            (pick(language, BTN_NOT_NOW_RELAPSE, BTN_NOT_NOW_RELAPSE_ES), "cope:no"),
        ]
    ]
