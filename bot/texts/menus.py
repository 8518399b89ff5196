"""The command menus beside the text field: each command and what it says it does, in menu order."""

from __future__ import annotations

PATIENT_MENU = (
    ("checkin", "Daily check-in"),
    ("history", "Your last 7 or 30 days as a chart"),
    ("dayssince", "Count days since a date you choose"),
    ("measures", "This week's short questionnaires"),
    ("message", "Write to your counselor"),
    ("cope", "A coping skill, step by step"),
    ("practice", "Skill of the day: time or off"),
    ("sos", "Help right now"),
    ("safetyplan", "Your safety plan"),
    ("settings", "Time zone, check-in time, quiet hours"),
    ("language", "English / Español"),
    ("mydata", "A copy of your data"),
    ("delete", "Erase your data"),
    ("stop", "Stop using the bot"),
    ("help", "What I can do"),
    ("cancel", "Stop what we're doing"),
)
# The same menu for Telegram apps set to Spanish (Telegram picks it by the app's language).
PATIENT_MENU_ES = (
    ("checkin", "Registro diario"),
    ("history", "Tus últimos 7 o 30 días en una gráfica"),
    ("dayssince", "Contar los días desde una fecha"),
    ("measures", "Los cuestionarios breves de la semana"),
    ("message", "Escribirle a tu consejero o consejera"),
    ("cope", "Una habilidad para afrontar, paso a paso"),
    ("practice", "Habilidad del día: hora o apagada"),
    ("sos", "Ayuda en este momento"),
    ("safetyplan", "Tu plan de seguridad"),
    ("settings", "Zona horaria, hora del registro, horas de silencio"),
    ("language", "Idioma: English / Español"),
    ("mydata", "Una copia de tus datos"),
    ("delete", "Borrar tus datos"),
    ("stop", "Dejar de usar el bot"),
    ("help", "Lo que puedo hacer"),
    ("cancel", "Dejar lo que estamos haciendo"),
)
COUNSELOR_MENU = (
    ("caseload", "Who needs you first"),
    ("digest", "Digest before group; daily time or off"),
    ("export", "Export a patient's check-ins (CSV)"),
    ("broadcast", "Message a whole cohort"),
    ("help", "Counselor tools"),
    ("cancel", "Stop what we're doing"),
)
