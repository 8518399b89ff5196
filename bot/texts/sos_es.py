"""SOS and the safety plan's titles in Spanish (the English originals: sos.py).

Neutral Latin-American Spanish, "tú", no gendered endings where the patient's gender is unknown.
"""

from __future__ import annotations

SOS_TOLD_ES = (
    "Le avisé a tu consejero o consejera que lo necesitas, para que se comunique contigo. Si estás en peligro antes "
    "de que lo haga, por favor llama o escribe a una de las líneas de arriba."
)
SOS_ALREADY_TOLD_ES = (
    "Ya le avisé a tu equipo de atención. Si estás en peligro antes de que se comuniquen contigo, usa las líneas "
    "de arriba."
)
PLAN_HEADING_ES = "Tu plan de seguridad"
TRY_THIS_NOW_ES = "Prueba esto ahora"
PLAN_TITLES_ES: dict[str, str] = {
    "warning_signs": "Mis señales de alerta",
    "coping": "Cosas que puedo hacer por mi cuenta para afrontarlo",
    "distraction": "Personas y lugares que me ayudan a distraerme",
    "help": "Personas a quienes puedo pedir ayuda",
    "professionals": "Profesionales y líneas de crisis a quienes puedo llamar",
    "environment": "Hacer más seguro mi entorno",
    "reasons": "Mis razones para vivir",
}
