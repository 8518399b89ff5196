"""Patients' data rights in Spanish (the English originals: rights.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.texts.base import esc

MYDATA_CAPTION_ES = "Todo en detalle, como archivo (con etiquetas, en inglés). Guárdalo en un lugar privado."
PROFILE_LABELS_ES = {
    "Name your counselor sees": "Nombre que ve tu consejero o consejera",
    "Counselor": "Consejero o consejera",
    "Group": "Grupo",
    "Time zone": "Zona horaria",
    "Daily check-in": "Registro diario",
}
ITEM_NAMES_ES = {
    "mood": "Ánimo",
    "craving": "Ansias",
    "sleep": "Sueño",
    "medication": "Medicamento",
    "used": "Consumo desde el último registro",
    "note": "Nota",
}
NOT_ANSWERED_ES = "sin respuesta"
_RECORDS_ES = {  # (uno, varios)
    "flags": ("aviso para tu consejero o consejera", "avisos para tu consejero o consejera"),
    "safety_plan": ("paso del plan de seguridad", "pasos del plan de seguridad"),
    "measures": ("cuestionario", "cuestionarios"),
    "feedback": ("opinión sobre habilidades", "opiniones sobre habilidades"),
    "rsvp": ("respuesta sobre sesiones", "respuestas sobre sesiones"),
    "messages": ("mensaje con tu consejero o consejera", "mensajes con tu consejero o consejera"),
    "alerts": ("alerta para tu consejero o consejera", "alertas para tu consejero o consejera"),
    "days_since": ("contador de días", "contadores de días"),
}


def mydata_summary_es(
    profile: Sequence[tuple[str, str]],
    checkins: int,
    span: tuple[str, str] | None,
    last: Sequence[tuple[str, str]],
    counts: Mapping[str, int],
) -> str:
    """/mydata in words: who you are to the bot, your check-ins, and what else is kept."""
    lines = ["<b>Lo que tengo guardado sobre ti</b>"]
    lines += [f"• {esc(PROFILE_LABELS_ES.get(name, name))}: {esc(value)}" for name, value in profile]
    when = f" ({esc(span[0])} a {esc(span[1])})" if span else ""
    lines.append(f"• Registros: {checkins}{when}")
    if last:
        lines.append("  El último: " + " · ".join(f"{esc(k)} {esc(v)}" for k, v in last))
    others = [f"{n} {label[n != 1]}" for key, label in _RECORDS_ES.items() if (n := counts.get(key, 0))]
    lines.append("• Además: " + ", ".join(others) if others else "• Nada más.")
    return "\n".join(lines)


DELETE_CONFIRM_ES = (
    "Esto borra para siempre lo que has dado aquí: tus registros, notas, plan de seguridad, respuestas a "
    "cuestionarios y tus mensajes con tu consejero o consejera. Se le avisa a tu consejero o consejera que "
    "borraste tus datos, nunca lo que decían. Lo que ya le llegó se queda en su chat, y cualquier alerta "
    "urgente sigue abierta (sin tus palabras); el programa también conserva sus propios registros clínicos, y "
    "las copias de seguridad que ya hizo guardan una copia hasta que se borren. "
    "No se puede deshacer.\n\n<b>¿Borrar todo?</b>"
)
BTN_DELETE_ES = "Borrar todo"
BTN_KEEP_ES = "Conservar mis datos"
DELETED_ES = (
    "Listo: tus registros, notas, plan de seguridad, respuestas y mensajes con tu consejero o consejera están "
    "borrados de este bot, y se le avisa que lo hiciste (no lo que decían). Puedes seguir usándome como antes."
)
KEPT_ES = "Bien, no se borró nada."
STOP_CONFIRM_ES = (
    "Si lo dejas, ya no te enviaré nada y se le avisará a tu consejero o consejera. "
    "Lo que has compartido hasta ahora lo conserva el programa para sus registros; después de dejarlo, /mydata "
    "te sigue mostrando lo que se guarda aquí y /delete lo sigue borrando.\n\n"
    "<b>¿Dejar de usar IOP Companion?</b>"
)
BTN_STOP_ES = "Dejarlo"
STOP_HOW_ES = (
    "Si quieres que deje de escribirte, envía /stop: primero te pediré que lo confirmes, y se le avisará a tu "
    "consejero o consejera. Todavía no ha cambiado nada. Para terminar solo lo que estamos haciendo ahora, envía "
    "/cancelar; para cambiar cuándo te escribo, envía /ajustes."
)
BTN_STAY_ES = "Seguir"
DELETE_HOW_ES = "Para borrar lo que guardo sobre ti, envía /borrar: primero te pediré que lo confirmes. Todavía no ha cambiado nada."
STOPPED_ES = (
    "Ya no recibirás más mensajes míos. Si quieres volver, pídele un código nuevo a tu consejero o consejera. "
    "Si alguna vez estás en peligro, /sos sigue funcionando aquí: ahí están las líneas de crisis de donde estás. "
    "/mydata (lo que se guarda aquí) y /delete (borrarlo) también siguen funcionando."
)
STAYED_ES = "Me alegra que sigas."
STOPPED_AGAIN_ES = (
    "Detuviste mis mensajes con /stop, así que no te envío nada, y lo que escribas aquí no se guarda ni se "
    "le pasa a nadie. Si quieres volver, pídele un código nuevo a tu consejero o consejera y envíalo aquí. "
    "Si alguna vez estás en peligro, /sos sigue funcionando aquí, y si me dices que lo estás, igual le aviso "
    "a tu consejero o consejera. /mydata (lo que se guarda aquí) y /delete (borrarlo) también siguen funcionando."
)
CLOSED_AGAIN_ES = STOPPED_AGAIN_ES.replace(
    "Detuviste mis mensajes con /stop", "Tu programa cerró tu inscripción en esta app"
)
DELETED_AFTER_STOP_ES = (
    "Listo: tus registros, notas, plan de seguridad, respuestas y mensajes con tu consejero o consejera están "
    "borrados de este bot, y se le avisa que lo hiciste (no lo que decían). Lo dejaste con /stop, así que no "
    "te enviaré nada; si alguna vez estás en peligro, /sos sigue funcionando aquí."
)
DELETED_AFTER_CLOSE_ES = DELETED_AFTER_STOP_ES.replace(
    "Lo dejaste con /stop", "Tu programa cerró tu inscripción"
)
