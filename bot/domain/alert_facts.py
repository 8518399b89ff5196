"""Facts about one alert that its card and what follows it read (no I/O): when the words were written, if
long before the bot read them, and who has had it in hand."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.escalation import Alert

# Words read this long after they were written waited for the bot (down, or far behind): the card says when.
WAITED = timedelta(minutes=1)  # ops O74: 3.5 minutes of an overdose's words waiting went unsaid at 5


def waited(alert: Alert) -> datetime | None:
    """When the patient wrote the alert's words, if the bot read them `WAITED` or more later; else None."""
    if alert.written_at is None or alert.created_at - alert.written_at < WAITED:
        return None
    return alert.written_at


def handling(alert: Alert) -> tuple[int, ...]:
    """Who has had this alert in hand: everyone it reached, and whoever acknowledged it."""
    people = [d.to for d in alert.deliveries] + ([alert.acked_by] if alert.acked_by is not None else [])
    return tuple(dict.fromkeys(people))
