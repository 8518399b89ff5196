"""A Bot API call that timed out waiting for its answer may still have been carried out (ops O47).

A congested Telegram (or a slow proxy) answered every call 12 s late, past the client's 5-s read timeout:
each "failed" send of the crisis answer had in fact gone, and the patient got it five times, the counselor
the alert twice. A timeout while reading the answer is unknown, not refused; one while connecting, or
waiting for a pooled connection, never left the machine and is retried like any outage. Sends that must get
through (an alert, a later try of the crisis answer) wait longer for Telegram's answer, so a slow Telegram
confirms them once instead of receiving copies.
"""

from __future__ import annotations

import httpx
from telegram.error import TimedOut

# Seconds a send that must get through waits for Telegram's answer (PTB's default: 5). Longer than a
# congested Telegram's answers, and short enough that a dead connection is given up within a minute.
SURE_READ_TIMEOUT = 40.0


def maybe_delivered(exc: BaseException) -> bool:
    """Whether a failure may have been carried out by Telegram: the request went, its answer did not come."""
    return isinstance(exc, TimedOut) and isinstance(exc.__cause__, httpx.ReadTimeout | httpx.WriteTimeout)
