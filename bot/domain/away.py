"""A counselor marked away (leave, illness) and who stands in for them meanwhile (no I/O).

While Dana is away her patients' urgent alerts must not wait the escalation delay for someone working to see
them (newcomer16 N141): they go at once, as round 0, to her cover, or to the on-call counselors when she has
none. Away ends by itself on the day she is back: nothing has to be undone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date


@dataclass(frozen=True)
class Away:
    """``counselor_id`` is away until ``until`` (the day they are back, program time); ``cover`` stands in."""

    counselor_id: int
    until: date
    cover: int | None = None


def away_now(aways: Iterable[Away], today: date) -> dict[int, Away]:
    """The counselors away today, by Telegram id (an away whose day has come is over), each with the cover who is
    present for them: their cover, or while that cover is away too, the cover's cover, and so on (newcomer22 N216:
    Dana's patients went to Dana and Pat, both away, while Rae covered Pat); None when the chain ends in someone
    away with no cover, or comes back on itself (then on-call, else the admins, stand in)."""
    gone = {a.counselor_id: a for a in aways if today < a.until}
    return {c: replace(a, cover=_present_cover(gone, c)) for c, a in gone.items()}


def _present_cover(gone: dict[int, Away], counselor_id: int) -> int | None:
    seen, cover = {counselor_id}, gone[counselor_id].cover
    while cover is not None and cover in gone:
        if cover in seen:
            return None  # a cycle: A covers B, B covers A, both away
        seen.add(cover)
        cover = gone[cover].cover
    return cover


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


def standing(
    aways: Iterable[Away], counselor_id: int, today: date, oncall: Sequence[int], admins: Sequence[int]
) -> tuple[int, ...]:
    """Who stands in for a counselor while they are away, the one rule every route follows: the cover present at the
    end of their chain of covers, else the on-call counselors who are not away, else the admins who are not (newcomer20
    N212, newcomer22 N216); none when they are not away."""
    gone = away_now(aways, today)
    away = gone.get(counselor_id)
    if away is None:
        return ()
    for group in ((away.cover,) if away.cover is not None else (), oncall, admins):
        present = tuple(who for who in group if who not in gone and who != counselor_id)
        if present:
            return present
    return ()
