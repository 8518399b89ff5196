"""The /mydata file's labels for what is stored as codes (alert kinds, session answers, coping ratings).

The patient reads these, so they say what happened in plain words, in the patient's language (newcomer10 N9:
the file showed "crisis_unclear", "not_sure", "l" and skill keys where the README promises labels).
Plain strings: the file is JSON, not HTML, so nothing here is escaped.
"""

from __future__ import annotations

from bot.texts.sessions import RSVP_LABELS
from bot.texts.sessions_es import RSVP_LABELS_ES

_ALERT_ABOUT = {
    "crisis": "crisis words (about ending your life)",
    "crisis_unclear": "crisis words (what about was not clear)",
    "strong_craving": "a strong craving, read as a crisis",
    "other_at_risk": "someone else at risk, read as a crisis",
    "forwarded": "a forwarded message with crisis words",
    "forwarded_overdose": "a forwarded message about an overdose",
    "overdose": "an overdose",
    "overdose_other": "an overdose of someone with you",
    "self_harm": "self-harm",
    "abuse": "someone hurting you",
    "child_abuse": "a child at home being hurt",
    "harm_others": "a threat to hurt someone",
    "not_safe": "you said you were not safe",
    "not_sure": "you were not sure you were safe",
    "sos": "you asked for help (/sos)",
    "phq9": "the questionnaire's question about thoughts of hurting yourself",
    "phq9_words": "the questionnaire's question about hurting yourself, answered in your own words",
    "relapse": "use mentioned",
    "checkin": "a check-in answer",
    "invitee_crisis": "crisis words before you agreed to the terms",
}
_ALERT_ABOUT_ES = {
    "crisis": "palabras de crisis (sobre quitarte la vida)",
    "crisis_unclear": "palabras de crisis (no quedó claro sobre qué)",
    "strong_craving": "ansias fuertes, leídas como una crisis",
    "other_at_risk": "otra persona en riesgo, leído como una crisis",
    "forwarded": "un mensaje reenviado con palabras de crisis",
    "forwarded_overdose": "un mensaje reenviado sobre una sobredosis",
    "overdose": "una sobredosis",
    "overdose_other": "una sobredosis de alguien que está contigo",
    "self_harm": "autolesión",
    "abuse": "alguien que te hace daño",
    "child_abuse": "un niño o una niña en casa a quien le hacen daño",
    "harm_others": "una amenaza de hacerle daño a alguien",
    "not_safe": "dijiste que no estabas a salvo",
    "not_sure": "no sabías si estabas a salvo",
    "sos": "pediste ayuda (/sos)",
    "phq9": "la pregunta del cuestionario sobre pensamientos de hacerte daño",
    "phq9_words": "la pregunta del cuestionario sobre hacerte daño, respondida con tus propias palabras",
    "relapse": "mencionaste consumo",
    "checkin": "una respuesta del registro",
    "invitee_crisis": "palabras de crisis antes de aceptar las condiciones",
}
# True after the patient's own /stop and after an admin closed the enrollment alike (gaps18's list: "/stop").
_WITHDRAWN = "crisis words after your enrollment ended (not kept)"
_WITHDRAWN_ES = "palabras de crisis después de terminar tu inscripción (no se guardaron)"
_HELPED = {"yes": "helped", "somewhat": "helped a little", "no": "did not help"}
_HELPED_ES = {"yes": "me ayudó", "somewhat": "me ayudó un poco", "no": "no me ayudó"}


def alert_about(kind: str, language: str) -> str:
    """What an alert to the counselor was about: "you were not sure you were safe", never "not_sure"."""
    es = language == "es"
    if kind.startswith("invitee_"):
        kind = "invitee_crisis"
    if kind.startswith("withdrawn_"):
        return _WITHDRAWN_ES if es else _WITHDRAWN
    return (_ALERT_ABOUT_ES if es else _ALERT_ABOUT).get(kind, kind.replace("_", " "))


def rsvp_answer(code: str, language: str) -> str:
    """A session answer as its button read: "Running late", never "l"."""
    return (RSVP_LABELS_ES if language == "es" else RSVP_LABELS).get(code, code)


def helped_label(helped: str, language: str) -> str:
    """A coping skill's rating: "helped a little", never "somewhat"."""
    return (_HELPED_ES if language == "es" else _HELPED).get(helped, helped)
