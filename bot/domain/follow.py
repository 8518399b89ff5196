"""Which urgent alert a patient's next words belong to (no I/O).

While an alert about a patient is open, or for ``FOLLOW_FOR`` after it was raised (a crisis answer, an
"I'm not safe"), whatever they write next is part of it: the person about to call them must see it,
so it is passed to whoever got the alert and is never left in the opt-in "Send it?" drawer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.domain.alert_kinds import CRISIS_WORD_KINDS
from bot.domain.escalation import Alert

FOLLOW_FOR = timedelta(hours=2)
# An open alert this old is past its last reminder by days (no policy sends one after the first hours): nobody is
# acting on it now, so the patient's words no longer go to its people (newcomer18 N168: an alert nobody acknowledged
# three months ago sent "visiting my mom in honolulu this week", the answer to /settings' zone question, to the
# counselors and the admin). Crisis words raise a new alert of their own, as ever.
STALE_AFTER = timedelta(days=2)
# The alerts a patient's answer or next words belong to: every kind of crisis words, the questionnaire's,
# /stop's, "not safe" and SOS (a relapse or a check-in alert is not a crisis someone is acting on now).
FOLLOWS = (
    *sorted(CRISIS_WORD_KINDS),
    "not_safe",
    "not_sure",
    "phq9",
    "phq9_words",
    "withdrawn_crisis",
    "withdrawn_overdose",
    "withdrawn_self_harm",
    "withdrawn_abuse",
    "withdrawn_harm_others",
    "invitee_crisis",
    "invitee_overdose",
    "invitee_self_harm",
    "invitee_abuse",
    "invitee_harm_others",
    "sos",
)
# Screen levels whose words raised an alert that carries them (never kept again as unsent text).
ALERTED_LEVELS = ("crisis", "relapse")


def followed_alert(alerts: Iterable[Alert], now: datetime) -> Alert | None:
    """The newest crisis alert that is still open (raised within ``STALE_AFTER``) or was raised within
    ``FOLLOW_FOR``, or None."""
    live = [
        a
        for a in alerts
        if a.kind in FOLLOWS
        and (now - a.created_at <= FOLLOW_FOR or (a.open and now - a.created_at <= STALE_AFTER))
    ]
    return max(live, key=lambda a: a.created_at) if live else None


def routine_held_until(alerts: Iterable[Alert], now: datetime, hold: timedelta) -> datetime | None:
    """Until when a patient's routine pushes (daily prompt, practice, weekly questions) wait after a crisis
    alert about them: ``hold`` after the newest one was raised, acknowledged or not; None when none holds.
    An alert left open for days held them for days (newcomer6 round: the wait had no end). Every urgent alert
    holds them, an urgent check-in's too (newcomer20 N189: "Your weekly questions are ready" came right after
    "go to the nearest emergency room"), not only those whose next words it follows."""
    raised = [a.created_at for a in alerts if (a.urgent or a.kind in FOLLOWS) and now - a.created_at < hold]
    return max(raised) + hold if raised else None


# newcomer5 finding 20: a flood of messages after an alert became one "wrote again" card each, and the next 🚨
# card came under twenty of them. Words that come close together (each within GATHER_GAP of the one before,
# all within GATHER_SPAN) gather on one card, updated with the count; after a pause a new card notifies again.
GATHER_GAP = timedelta(seconds=90)
GATHER_SPAN = timedelta(minutes=10)


@dataclass(frozen=True)
class WordsCard:
    """One "wrote again" card in one person's chat: its message and the patient's messages it stands for."""

    card_id: int
    first: str  # the first and last message ids: "Show messages" shows both and everything between
    last: str
    first_at: datetime
    last_at: datetime
    count: int


def gathers(card: WordsCard | None, now: datetime) -> bool:
    """Whether words written at ``now`` join this card rather than start a new one."""
    return card is not None and now - card.last_at <= GATHER_GAP and now - card.first_at <= GATHER_SPAN


def gathered(card: WordsCard, message_id: str, at: datetime) -> WordsCard:
    """The card with one more message on it."""
    return replace(card, last=message_id, last_at=at, count=card.count + 1)
