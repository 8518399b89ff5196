"""Which urgent alert a patient's next words belong to (no I/O).

While an alert about a patient is open, or for ``FOLLOW_FOR`` after it was raised (a crisis answer, an
"I'm not safe"), whatever they write next is part of it: the person about to call them must see it,
so it is passed to whoever got the alert and is never left in the opt-in "Send it?" drawer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.domain.escalation import Alert

FOLLOW_FOR = timedelta(hours=2)
# The alerts a patient's answer or next words belong to: every kind of crisis words, the questionnaire's,
# /stop's, "not safe" and SOS (a relapse or a check-in alert is not a crisis someone is acting on now).
FOLLOWS = (
    "crisis",
    "overdose",
    "self_harm",
    "abuse",
    "harm_others",
    "not_safe",
    "phq9",
    "withdrawn_crisis",
    "invitee_crisis",
    "sos",
)
# Screen levels whose words raised an alert that carries them (never kept again as unsent text).
ALERTED_LEVELS = ("crisis", "relapse")


def followed_alert(alerts: Iterable[Alert], now: datetime) -> Alert | None:
    """The newest crisis alert that is still open or was raised within ``FOLLOW_FOR``, or None."""
    live = [a for a in alerts if a.kind in FOLLOWS and (a.open or now - a.created_at <= FOLLOW_FOR)]
    return max(live, key=lambda a: a.created_at) if live else None
