"""Rules for the missed check-in ladder: prompt times, quiet hours, nudges and missed-day flags."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.quiet import is_quiet

DEFAULT_QUIET_START = time(22, 0)
DEFAULT_QUIET_END = time(8, 0)
_DAY = timedelta(days=1)


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("expected a timezone-aware datetime")
    return now.astimezone(UTC)


def in_quiet_hours(now: datetime, tz: ZoneInfo, start: time, end: time) -> bool:
    """True when the patient's local wall clock is inside quiet hours (which may wrap midnight)."""
    return is_quiet(_aware(now).astimezone(tz).time(), start, end)


def next_allowed(now: datetime, tz: ZoneInfo, start: time, end: time) -> datetime:
    """`now` outside quiet hours, otherwise the moment quiet hours end (UTC)."""
    now = _aware(now)
    if not in_quiet_hours(now, tz, start, end):
        return now
    local = now.astimezone(tz)
    # In a window that wraps midnight, the evening part ends tomorrow morning.
    ends_tomorrow = start > end and local.time().replace(tzinfo=None) >= start
    return prompt_datetime(local.date() + _DAY * ends_tomorrow, end, tz)


def prompt_datetime(day: date, at: time, tz: ZoneInfo) -> datetime:
    """A local wall time on a local day as an aware UTC instant, well defined across DST changes."""
    # fold=0 is what we want in both DST edge cases: a time skipped in spring is read with the
    # pre-transition offset (so it lands one gap later), and a repeated autumn time is the first one.
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=tz)
    return wall.astimezone(UTC)


def next_prompt(now: datetime, at: time, tz: ZoneInfo) -> datetime:
    """The next prompt strictly after `now` (UTC)."""
    now = _aware(now)
    today = now.astimezone(tz).date()
    # Yesterday too: a skipped late-evening time can be pushed past local midnight.
    for day in (today - _DAY, today, today + _DAY):
        candidate = prompt_datetime(day, at, tz)
        if candidate > now:
            return candidate
    return prompt_datetime(today + 2 * _DAY, at, tz)


def nudge_due(
    *,
    now: datetime,
    tz: ZoneInfo,
    prompt_at: time,
    nudge_after: timedelta,
    checked_in_dates: set[date],
    nudged_dates: set[date],
    quiet_start: time = DEFAULT_QUIET_START,
    quiet_end: time = DEFAULT_QUIET_END,
) -> date | None:
    """The local date to send a gentle nudge for, or None (already checked in, nudged, too early, quiet)."""
    now = _aware(now)
    today = now.astimezone(tz).date()
    if today in checked_in_dates or today in nudged_dates:
        return None
    # Not before the nudge's own time, which for a late prompt is pulled back before quiet hours.
    at = nudge_time(prompt_at, nudge_after, quiet_start, quiet_end)
    if at is None or now < prompt_datetime(today, at, tz):
        return None
    # A nudge held back by quiet hours is dropped, not sent next morning: by then it is a new day
    # and the patient gets a fresh prompt instead.
    if in_quiet_hours(now, tz, quiet_start, quiet_end):
        return None
    return today


def missed_days(*, today: date, checked_in_dates: set[date], enrolled_on: date) -> int:
    """Consecutive finished local days without a check-in, ending yesterday."""
    count = 0
    day = today - _DAY
    # The enrolment day never counts: the patient may have joined after that day's prompt.
    while day > enrolled_on and day not in checked_in_dates:
        count += 1
        day -= _DAY
    return count


def missed_flag_due(missed: int, threshold: int = 2) -> bool:
    """True once enough days in a row were missed to let the counselor know."""
    return missed >= threshold


def nudge_time(prompt_at: time, nudge_after: timedelta, quiet_start: time, quiet_end: time) -> time | None:
    """The local time of the daily nudge: after the prompt, outside quiet hours, or None if no room."""
    day = datetime(2000, 1, 3)
    prompt = datetime.combine(day, prompt_at)
    nudge = prompt + nudge_after
    if nudge.date() == day.date() and not is_quiet(nudge.time(), quiet_start, quiet_end):
        return nudge.time()
    # Pulled back before quiet hours when that still leaves the patient some time to answer.
    earlier = datetime.combine(day, quiet_start) - timedelta(minutes=30)
    if earlier - prompt >= timedelta(minutes=30) and not is_quiet(earlier.time(), quiet_start, quiet_end):
        return earlier.time()
    return None
