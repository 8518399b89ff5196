"""The daily check-in and what follows it, in Spanish (the English originals: checkin.py).
A craving is "ansias" (as in recovery programs), not "antojo" (food, in Mexico).

The prompt and nudge show on lock screens: like the English, they name no treatment or substance.
"""

from __future__ import annotations

from bot.texts.base import esc

BTN_SKIP_ES = "Omitir"
BTN_START_CHECKIN_ES = "Empezar registro"
CHECKIN_PROMPT_ES = "¡Hola! Es hora de tu registro diario. Toma más o menos un minuto."
CHECKIN_PROMPT_AFTER_LAPSE_ES = (
    "Hola. Ayer sonó como un día difícil, y me alegra que me lo contaras. ¿Cómo has estado desde entonces? Tu "
    "registro diario está aquí cuando quieras; toma más o menos un minuto."
)
CHECKIN_NUDGE_ES = "Solo un recordatorio amable: tu registro de hoy sigue abierto cuando tengas un minuto."
CHECKIN_RESUMING_ES = "Sigamos donde nos quedamos."
CHECKIN_STALE_ES = "Ese registro ya está cerrado. Envía /checkin para empezar uno nuevo."
CHECKIN_ALREADY_ES = "Eso ya lo tengo."
CHECKIN_EXPIRED_ES = "Ese registro quedó abierto un buen rato, así que lo cerré. Envía /checkin cuando quieras empezar de nuevo."
CHECKIN_CANCELLED_ES = "Bien, dejé este registro a un lado. No se guardó nada de él."
NOTE_HINT_ES = "Escribe unas palabras, o toca Omitir."
CHECKIN_HELP_ES = (
    "Estás a mitad de tu registro. Responde con los botones, o escribe tu respuesta. "
    "Toca Omitir en una pregunta que prefieras no contestar, o envía /cancelar para detener el registro "
    "(no se guarda nada de él). Si necesitas ayuda ahora mismo, envía /sos."
)
CHECKIN_DAY_KEPT_ES = (
    "Lo agregué al registro de hoy. Donde una respuesta de antes hoy fue más difícil, tu consejero o consejera "
    "también la ve."
)
CHECKIN_SAVED_QUIETLY_ES = "Tu registro está guardado, incluido lo que escribiste."
CHECKIN_STILL_OPEN_ES = (
    "Tu registro sigue abierto: responde su pregunta cuando puedas, o envía /checkin para verla otra vez."
)
BTN_TRY_SKILL_ES = "Probarla ahora"
BTN_NOT_NOW_SKILL_ES = "Ahora no"


def checkin_reask_es(
    prompt: str, low: int | None = None, high: int | None = None, *, wants_help: bool = False
) -> str:
    """A kind re-ask when typed text doesn't fit the question (with help and /cancelar when asked)."""
    head = CHECKIN_HELP_ES + "\n\n" if wants_help else ""
    if low is not None and high is not None:
        return (
            f"{head}No hay problema, necesito un número entero del {low} al {high}: toca uno abajo o escríbelo."
            f"\n\n{esc(prompt)}"
        )
    return f"{head}No te entendí bien. Por favor, toca una de las opciones de abajo.\n\n{esc(prompt)}"


def checkin_done_es(mood: int | None, craving: int | None, streak: int, hard_day: bool = False) -> str:
    """A short, warm summary after a completed check-in; on a hard day, no cheering about streaks."""
    parts = [
        # Not "registrarte": across Latin America that reads as signing up, not as checking in.
        "Gracias por hacer tu registro en un día difícil; eso importa."
        if hard_day
        else "Gracias por hacer tu registro."
    ]
    parts.append("Quedó guardado.")
    if mood is not None or craving is not None:
        got = [
            f"ánimo {mood}/10" if mood is not None else "",
            f"ansias {craving}/10" if craving is not None else "",
        ]
        parts.append("Hoy: " + ", ".join(g for g in got if g) + ".")
    if streak >= 2 and not hard_day:
        parts.append(f"Llevas {streak} días seguidos.")
    return " ".join(parts)


def checkin_support_es(low_mood: bool, high_craving: bool, used: bool, skill_name: str) -> str:
    """The follow-up when a check-in shows a hard day, with one skill to try."""
    if used:
        opener = "Gracias por tu honestidad sobre el consumo. Eso requiere valor, y un tropiezo no borra tu progreso."
    elif high_craving:
        opener = "Unas ansias tan fuertes son difíciles. Suben y bajan, y sí pasan."
    elif low_mood:
        opener = "Lamento que hoy sea un día tan pesado."
    else:
        opener = "Las malas noches lo hacen todo más difícil."
    return (
        f"{opener}\n\nUna habilidad que puede ayudarte ahora: <b>{esc(skill_name)}</b>. "
        "¿Quieres probarla conmigo? Toma unos minutos."
    )


def checkin_other_question_es(other_prompt: str, later: bool) -> str:
    """Typed words that answer another question of the check-in (newcomer7 N11): not recorded as this one's."""
    when = (
        "Te la hago en un momento." if later
        else "Esa ya la contestaste; si cambió, dilo en la nota al final."
    )  # fmt: skip
    return f"Eso parece la respuesta a otra pregunta (“{esc(other_prompt)}”), así que no la usé aquí. {when}"
