"""What the patient wrote after an alert, for whoever holds it (newcomer14 N105). Store thread.

The "wrote again" cards go to the people an alert had reached when the words came; someone it reaches later (an
escalation to the on-call counselor, a reroute) had none of them, and its Show message gave only the first words.
Now Show message gives every word written since, and the card names the most worrying reading among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.burst import BURST
from bot.domain.enrollment import invited
from bot.domain.escalation import Alert
from bot.domain.follow import FOLLOW_FOR
from bot.domain.screen.assess import Level, assess
from bot.store.message_data import Relayed
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable


@dataclass(frozen=True)
class Since:
    """The words written after an alert, and the most worrying reading among them (its level and reasons; the
    level "none" when nothing in them worries the screen)."""

    words: tuple[Relayed, ...]
    level: str
    reasons: tuple[str, ...]


def words_since(repo: Repository, alert: Alert, until: datetime) -> Since:
    """The patient's messages from the alert's raising to ``until``: while it is open, or for ``FOLLOW_FOR``
    after it was raised (words then were passed to its people), up to its acknowledgement when later."""
    end = until
    if not alert.open:
        end = min(until, max(alert.acked_at or alert.created_at, alert.created_at + FOLLOW_FOR))
    if alert.patient_id.startswith(invited("")):  # someone who has not agreed: no thread is kept
        return Since((), str(Level.NONE), ())
    try:
        thread = repo.messages(alert.patient_id)
    except RecordsUnavailable:  # a torn file (its counselors are told): the card and its reminder still go
        return Since((), str(Level.NONE), ())
    words = tuple(m for m in thread if m.sender == "patient" and alert.created_at <= m.at <= end)
    level, reasons = worst_reading([m.text for m in words], until.year)
    return Since(words, level, reasons)


def worst_reading(texts: Sequence[str], year: int) -> tuple[str, tuple[str, ...]]:
    """The highest level the screen reads in these texts and every reason read at it (the rules' reasons
    first: "means at hand" says more than the learned layer's words)."""
    found = [assess(t, year=year) for t in texts]
    top = max((f.level for f in found), default=Level.NONE)
    if top == Level.NONE:
        return str(Level.NONE), ()
    reasons = [r for f in found if f.level == top for r in f.reasons]
    ruled = [r for r in reasons if "learned(" not in r]
    return str(top), tuple(dict.fromkeys(ruled or reasons))


def burst_before(repo: Repository, alert: Alert, now: datetime) -> list[str]:
    """The words just before a new message while ``alert`` is followed: its own and the patient's since, those
    written within ``BURST`` (bot/domain/burst.py, newcomer15 N125), oldest first."""
    since = words_since(repo, alert, now).words
    earlier = [alert.text] if alert.text and now - alert.created_at <= BURST else []
    return earlier + [m.text for m in since if now - m.at <= BURST]
