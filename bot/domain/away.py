"""A counselor marked away (leave, illness) and who stands in for them meanwhile (no I/O).

While Dana is away her patients' urgent alerts must not wait the escalation delay for someone working to see
them (newcomer16 N141): they go at once, as round 0, to her cover, or to the on-call counselors when she has
none. Away ends by itself on the day she is back: nothing has to be undone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Away:
    """``counselor_id`` is away until ``until`` (the day they are back, program time); ``cover`` stands in."""

    counselor_id: int
    until: date
    cover: int | None = None


def away_now(aways: Iterable[Away], today: date) -> dict[int, Away]:
    """The counselors away today, by Telegram id (an away whose day has come is over)."""
    return {a.counselor_id: a for a in aways if today < a.until}


def stand_ins(away: Away | None, oncall: Sequence[int]) -> tuple[int, ...]:
    """Who gets an away counselor's alerts at once: their cover, else the on-call counselors."""
    if away is None:
        return ()
    return (away.cover,) if away.cover is not None else tuple(oncall)


def cover_for(aways: Iterable[Away], counselor_id: int, today: date) -> int:
    """Who a patient's /message goes to: the cover while their counselor is away with one, else the counselor
    (a message is no alert: with no cover it waits for the counselor, as the patient is told)."""
    away = away_now(aways, today).get(counselor_id)
    return away.cover if away is not None and away.cover is not None else counselor_id
