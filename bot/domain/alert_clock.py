"""An alert raised while this server's clock was known to be off Telegram's, put right once it agrees (ops O69).

With the clock 3 hours ahead (an NTP step, a bad RTC), an alert was stored at the stepped time; after the clock
was fixed the cards said "5:27 PM (0 min open)" at 2:47 PM, its rounds waited 3 hours to come due, and the record
said the crisis came 3 hours after it did. While the clock is wrong everything about the alert stays on that one
clock (its age, its rounds: bot/jobs/escalation_clock.py), so only the offset is kept with it (``clock_ahead``);
once the clocks agree again, the times it was stamped with on the wrong clock are moved back by it.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from bot.domain.escalation import Alert


def put_right(alert: Alert, now: datetime) -> Alert:
    """``alert`` on the right clock: when it was raised and written, and each time stamped after ``now`` (so on
    the wrong clock: a delivery since the fix is stamped right already), moved back by its offset."""
    if not alert.clock_ahead:
        return alert
    by = timedelta(seconds=alert.clock_ahead)

    def back(at: datetime) -> datetime:
        return at - by if at > now or by < timedelta(0) else at

    return dataclasses.replace(
        alert,
        created_at=alert.created_at - by,
        written_at=alert.written_at - by if alert.written_at else None,
        deliveries=tuple(dataclasses.replace(d, at=back(d.at)) for d in alert.deliveries),
        again=tuple(back(at) for at in alert.again),
        patient_told_at=back(alert.patient_told_at) if alert.patient_told_at else None,
        clock_ahead=0.0,
    )
