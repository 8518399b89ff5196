"""/safetyplan in Spanish (the English originals: sos.py; the section titles: sos_es.PLAN_TITLES_ES).

Neutral Latin-American Spanish, "tú", no gendered endings where the patient's gender is unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.texts.base import esc
from bot.texts.sos_es import PLAN_TITLES_ES

_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")

PLAN_QUESTIONS_ES: dict[str, str] = {
    "warning_signs": (
        "¿Qué pensamientos, sentimientos, situaciones o conductas te avisan que una crisis puede estar "
        "empezando? Por ejemplo: no dormir, alejarte de la gente, un pensamiento que vuelve una y otra vez."
    ),
    "coping": (
        "¿Qué puedes hacer por tu cuenta para distraerte o sentirte un poco más en calma? "
        "Por ejemplo: caminar, darte una ducha, escuchar música, un ejercicio de respiración."
    ),
    "distraction": (
        "¿Qué personas o lugares te ayudan a sentirte mejor o a distraerte? "
        "Por ejemplo: alguien con quien conversar, una cafetería, una reunión, el gimnasio."
    ),
    "help": "¿A quién le puedes pedir ayuda cuando las cosas se ponen difíciles? Escribe nombres y teléfonos.",
    "professionals": "¿Con qué profesionales o líneas de crisis puedes comunicarte en una crisis?",
    "environment": (
        "¿Qué puedes hacer para que tu entorno sea más seguro? Por ejemplo: pedirle a alguien que guarde "
        "los medicamentos o cualquier cosa con la que podrías hacerte daño, o alejarte de los lugares "
        "que te ponen en riesgo."
    ),
    "reasons": "¿Cuáles son tus razones para vivir? Las personas, las esperanzas y las cosas que te importan.",
}
BTN_PLAN_SKIP_ES = "Omitir"
BTN_PLAN_KEEP_ES = "Dejarlo como está"
BTN_PLAN_SUGGESTION_ES = "Usar esto"
BTN_PLAN_CLEAR_ES = "Borrar este paso"
BTN_PLAN_LATER_ES = "Terminar después"
BTN_VIEW_PLAN_ES = "Ver mi plan"
BTN_EDIT_PLAN_ES = "Cambiar un paso"
BTN_WALK_PLAN_ES = "Repasar todos los pasos"

PLAN_INTRO_ES = (
    "Un plan de seguridad es una lista corta, con tus propias palabras, de lo que te ayuda cuando las "
    "cosas se ponen muy difíciles. Vamos paso a paso: escribe tu respuesta, o toca Omitir. Puedes "
    "cambiar cualquier paso después, y aparece cada vez que usas /sos."
)
PLAN_DONE_ES = "Tu plan de seguridad está guardado. Aparece cada vez que usas /sos. Puedes verlo o cambiarlo cuando quieras."
PLAN_PAUSED_ES = "Bien, lo que escribiste está guardado. Envía /safetyplan para seguir cuando quieras."
PLAN_SAVED_ES = "Guardado."
PLAN_CLEARED_ES = "Ese paso quedó borrado."
PLAN_KEPT_ES = "Lo dejé como estaba."
PLAN_EMPTY_TEXT_ES = "No alcancé a leer nada. Escribe tu respuesta, o toca Omitir."
PLAN_STALE_ES = "Ese paso ya se cerró. Envía /safetyplan para seguir."
PLAN_WAITS_ES = "Tu plan de seguridad puede esperar. Cuando quieras, envía /safetyplan para seguir."
PLAN_NONE_YET_ES = "Todavía no tienes un plan de seguridad. Envía /safetyplan y lo hacemos juntos."
PLAN_PICK_STEP_ES = "¿Qué paso quieres cambiar?"
PLAN_NOT_ENROLLED_ES = (
    "El plan de seguridad es para personas inscritas en el programa. Si necesitas ayuda ahora, usa /sos."
)


def plan_cut_note_es(limit: int) -> str:
    """Said when an entry was longer than a step can hold."""
    return f"Eso fue largo, así que guardé los primeros {limit} caracteres."


def plan_step_button_es(number: int, key: str) -> str:
    """A short button label for one step."""
    return f"{number}. {PLAN_TITLES_ES[key]}"


def plan_question_es(number: int, total: int, key: str, current: str | None, suggestion: str | None) -> str:
    """One guided step: its title, the question, what is there now, and a suggestion if any."""
    step = "Opcional" if key == "reasons" else f"Paso {number} de {total}"
    now = f"\n\n<i>Lo que tienes ahora:</i>\n{esc(current)}" if current else ""
    hint = f"\n\n<i>Una sugerencia que puedes usar:</i>\n{esc(suggestion)}" if suggestion else ""
    return f"<b>{step}: {esc(PLAN_TITLES_ES[key])}</b>\n\n{esc(PLAN_QUESTIONS_ES[key])}{now}{hint}"


def professionals_suggestion_es(counselor: str | None, after_hours: str, lines: Sequence[str]) -> str:
    """The pre-filled answer for step 5: the counselor, the after-hours number and the crisis lines."""
    out = [f"Mi consejero o consejera, {counselor}" if counselor else "Mi consejero o consejera"]
    if after_hours:
        out.append(f"Línea fuera de horario: {after_hours}")
    return "\n".join([*out, *lines])


def plan_view_es(body: str, updated: date | None) -> str:
    """The whole plan as its own message."""
    when = f" <i>(actualizado el {updated.day} {_MONTHS[updated.month - 1]})</i>" if updated else ""
    return f"<b>Mi plan de seguridad</b>{when}\n\n{body}"
