"""/cope in Spanish (the English originals: cope.py). A skill's own title and steps come from
coping_skills.toml (``name_es``, ``steps_es``), in English where the program gave no Spanish."""

from __future__ import annotations

from datetime import time

from bot.texts.base import esc

COPE_ASK_ES = "¿Qué te está pasando en este momento? Elige lo más parecido."
COPE_TAG_LABELS_ES: dict[str, str] = {
    "craving": "Ansias",
    "anxiety": "Ansiedad",
    "low_mood": "Tristeza",
    "anger": "Enojo",
    "sleep": "No puedo dormir",
    "loneliness": "Soledad",
}
BTN_NEXT_ES = "Siguiente"
BTN_DONE_STEPS_ES = "Listo"
BTN_STOP_ES = "Parar"
BTN_OTHER_SKILL_ES = "Otra habilidad"
BTN_HELPED_YES_ES = "Sí"
BTN_HELPED_SOME_ES = "Un poco"
BTN_HELPED_NO_ES = "No"
COPE_NOT_NOW_ES = "Bien, no hay problema. Cuando quieras probar una, envía /cope."
COPE_STOPPED_ES = "Bien, lo dejamos aquí. Eso también está bien: /cope está aquí cuando lo quieras."
COPE_STALE_ES = "Ese ejercicio ya terminó. Envía /cope para empezar uno nuevo."
COPE_ALREADY_ES = "Eso ya lo tengo."
COPE_STARTED_ES = "Ya empezamos ese."
COPE_UNKNOWN_SKILL_ES = "Ya no encuentro ese ejercicio. Envía /cope y elegimos uno."
COPE_HELPED_ASK_ES = "¿Te ayudó?"
PRACTICE_HOW_ASK_ES = "¿Cómo te fue? ¿Te ayudó?"

_THANKS_ES = {
    "yes": "Me alegra que te haya ayudado. Lo tendré en cuenta y te la sugeriré otra vez cuando las cosas estén difíciles.",
    "somewhat": "Gracias por contármelo. Las habilidades se fortalecen con la práctica, así que un poco es un buen comienzo.",
    "no": "Gracias por tu honestidad. No todas las habilidades le sirven a todo el mundo; la próxima vez te sugeriré algo diferente.",
}


def cope_feeling_es(label: str) -> str:
    """The /cope question as it stays in the chat once answered."""
    return f"{COPE_ASK_ES}\n→ <b>{esc(label)}</b>"


def cope_intro_es(step_screen: str) -> str:
    """The first step, with a line that says how this works."""
    return f"Hagámoslo paso a paso.\n\n{step_screen}"


def cope_ask_helped_es(name: str, practice: bool) -> str:
    """The closing question after the last step."""
    return f"<b>{esc(name)}</b>: esos son todos los pasos. Bien hecho.\n\n" + (
        PRACTICE_HOW_ASK_ES if practice else COPE_HELPED_ASK_ES
    )


def cope_thanks_es(name: str, helped: str) -> str:
    """The reply to "did this help?", which ends the walk-through."""
    return f"<b>{esc(name)}</b>\n\n{_THANKS_ES.get(helped, _THANKS_ES['somewhat'])}"


# Skill of the day ----------------------------------------------------------------------------

# Sent unprompted, so it shows on the lock screen: no clinical words, no skill names.
PRACTICE_PROMPT_ES = "¿Tienes un par de minutos para la práctica de hoy?"
BTN_PRACTICE_GO_ES = "Vamos"
BTN_PRACTICE_LATER_ES = "Hoy no"
BTN_PRACTICE_OFF_ES = "Apagada"
PRACTICE_NEEDS_SETUP_ES = "Primero termina de configurar tu zona horaria, y luego prueba /practice de nuevo."
PRACTICE_TURNED_OFF_ES = (
    "Bien, la práctica diaria está apagada. Puedes volver a activarla cuando quieras con /practice."
)


def practice_menu_es(current: time | None) -> str:
    """/practice: what the daily practice is and when it comes now."""
    now = (
        f"Llega todos los días a las <b>{current:%H:%M}</b>, tu hora."
        if current
        else "Ahora está <b>apagada</b>."
    )
    return (
        "<b>Habilidad del día</b>\n"
        "Una vez al día puedo guiarte en una habilidad corta, para que la tengas lista cuando la "
        "necesites. Cuando el grupo trabaja una habilidad, practicarás esa.\n\n"
        f"{now} Elige una hora (o escríbela, como 20:15), o apágala:"
    )


def practice_set_es(at: time) -> str:
    """Confirmation after the patient picks a time."""
    return (
        f"Listo: una práctica corta todos los días a las <b>{at:%H:%M}</b>, tu hora. "
        "Cámbiala cuando quieras con /practice."
    )
