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
    ("settings", "Time zone and check-in time"),
    ("language", "English / Español"),
    ("mydata", "A copy of your data"),
    ("delete", "Erase your data"),
    ("stop", "Stop using the bot"),
    ("help", "What I can do"),
    ("cancel", "Stop what we're doing"),
)
COUNSELOR_MENU = (
    ("caseload", "Who needs you first"),
    ("digest", "Digest before group; daily time or off"),
    ("export", "Export a patient's check-ins (CSV)"),
    ("broadcast", "Message a whole cohort"),
    ("help", "Counselor tools"),
    ("cancel", "Stop what we're doing"),
)
