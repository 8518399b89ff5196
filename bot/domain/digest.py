"""Counselor digests: which are due now, and what each one says, as plain data (no I/O, no Telegram).

Two kinds, both sent by one sweep (bot/jobs/digest.py):

- **Pre-group**: ``[digest] pre_group_minutes`` before each group session, to every counselor with at
  least one active patient in that cohort. Each sees the cohort's active patients they may see anyway
  (``workspace.visible_patients``: their own, or everyone for an admin), so the digest never shows a
  patient whose page the "pv:" button would then refuse. Admins with no patient in the cohort get none:
  a push for every group of the program would be noise, and /caseload shows them everything.
- **Daily**: at the time a counselor picks with ``/digest HH:MM`` (program time zone), once per local day.

Each is keyed (counselor, series, session date / local day) and claimed before it is sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.domain.checkin_ladder import missed_days, prompt_datetime
from bot.domain.checkins import Entry, local_date
from bot.domain.sessions import Occurrence, Series, occurrences
from bot.domain.triage import FlagRules

RSVP_FLAG = {"n": "cant_come", "l": "late"}
SHOW_PREFIX = "dg:"  # "dg:<digest key>": the "Show digest" button on a notice sent while locked


@dataclass(frozen=True)
class GroupDigest:
    """The pre-group digest one counselor gets for one group session."""

    counselor_id: int
    occurrence: Occurrence

    @property
    def key(self) -> str:
        return f"pre:{self.counselor_id}:{self.occurrence.key}"


@dataclass(frozen=True)
class DailyPref:
    """A counselor's daily digest time; ``since`` is when they set it (no digest for a time already past)."""

    counselor_id: int
    at: time
    since: datetime


@dataclass(frozen=True)
class DailyDigest:
    """The daily digest one counselor gets on one local day."""

    counselor_id: int
    local_day: date

    @property
    def key(self) -> str:
        return f"daily:{self.counselor_id}:{self.local_day.isoformat()}"


Digest = GroupDigest | DailyDigest


def digest_from_key(key: str, find_series: Callable[[str], Series | None]) -> Digest | None:
    """The digest a key names (from a button, so untrusted); None if malformed or the session is gone."""
    kind, _, rest = key.partition(":")
    owner, _, rest = rest.partition(":")
    series_id, _, day = rest.rpartition(":")
    try:
        counselor_id, on = int(owner), date.fromisoformat(day)
    except ValueError:
        return None
    found: Digest | None = None
    if kind == "daily" and not series_id:
        found = DailyDigest(counselor_id, on)
    elif kind == "pre" and (series := find_series(series_id)) is not None and series.kind == "group":
        noon = datetime.combine(on, time(12), series.tz)  # cancelled or ended: no occurrence, no digest
        occ = occurrences(series, noon - timedelta(days=1), noon + timedelta(days=1))
        found = next((GroupDigest(counselor_id, o) for o in occ if o.local_day == on), None)
    # Only a key written exactly as the sweep writes it ("1_001" or "+1001" would parse as well).
    return found if found is not None and found.key == key else None


def due_group_digests(
    series: Iterable[Series], counselors: Mapping[str, Iterable[int]], lead_min: int, now: datetime
) -> list[GroupDigest]:
    """Pre-group digests due now: from ``start - lead`` until the session starts (then it is useless).

    ``counselors`` maps a cohort to the counselors who get its digest; ``lead_min`` 0 turns them off.
    Cancelled occurrences never appear (``occurrences`` leaves them out).
    """
    if lead_min <= 0:
        return []
    lead = timedelta(minutes=lead_min)
    out = []
    for s in series:
        if s.kind != "group" or not s.cohort:
            continue
        for occ in occurrences(s, now, now + lead + timedelta(seconds=1)):
            if occ.starts_at - lead <= now < occ.starts_at:
                out += [GroupDigest(cid, occ) for cid in sorted(set(counselors.get(s.cohort, ())))]
    return sorted(out, key=lambda d: (d.occurrence.starts_at, d.counselor_id))


def daily_due(pref: DailyPref, tz: ZoneInfo, now: datetime) -> DailyDigest | None:
    """Today's daily digest once its time has come (late after a restart, but within the same local day)."""
    today = local_date(now, tz)
    at = prompt_datetime(today, pref.at, tz)  # a time skipped by DST lands one gap later
    return DailyDigest(pref.counselor_id, today) if pref.since <= at <= now else None


def due_daily_digests(prefs: Iterable[DailyPref], tz: ZoneInfo, now: datetime) -> list[DailyDigest]:
    """Every daily digest due now."""
    return [d for d in (daily_due(p, tz, now) for p in prefs) if d is not None]


@dataclass(frozen=True)
class Attendee:
    """One patient on a pre-group digest."""

    patient_id: str
    alias: str
    checkin: Entry | None  # today's latest check-in
    flags: tuple[str, ...]  # labels, most urgent first
    rsvp: str | None  # "y", "l", "n" or None (no answer)
    reason: str | None
    score: int  # how much they need the counselor's attention before group

    @property
    def needs_attention(self) -> bool:
        return bool(self.flags) or self.rsvp in RSVP_FLAG


def _by_weight(kinds: Iterable[str], rules: FlagRules) -> list[str]:
    """Distinct flag kinds, heaviest first (the "why" reads most urgent first)."""
    return sorted(dict.fromkeys(kinds), key=lambda k: -rules.weights.get(k, 10))


def attendee(
    patient_id: str,
    alias: str,
    entries: Sequence[Entry],
    today: date,
    flag_kinds: Iterable[str],
    rsvp: Mapping[str, Any] | None,
    rules: FlagRules,
) -> Attendee:
    """A patient's line: today's check-in, open flags and their answer for this session."""
    todays = [e for e in entries if e.local_date == today]
    answer = str(rsvp["answer"]) if rsvp and rsvp.get("answer") else None
    kinds = _by_weight(flag_kinds, rules)
    # The attendance counts toward urgency, but the sections already say it: not again as a flag.
    weighed = set(kinds) | ({RSVP_FLAG[answer]} if answer in RSVP_FLAG else set())
    if answer in RSVP_FLAG and RSVP_FLAG[answer] in kinds:
        kinds.remove(RSVP_FLAG[answer])
    reason = str(rsvp["reason"]) if rsvp and answer == "n" and rsvp.get("reason") else None
    return Attendee(
        patient_id,
        alias,
        max(todays, key=lambda e: e.ts) if todays else None,
        tuple(dict.fromkeys(rules.label(k) for k in kinds)),
        answer,
        reason,
        sum(rules.weights.get(k, 10) for k in weighed) + (0 if todays else 1),
    )


@dataclass(frozen=True)
class DailyRow:
    """One patient on a daily digest: open flags, whether they checked in today, days missed in a row."""

    patient_id: str
    alias: str
    flags: tuple[str, ...]
    checked_today: bool
    missed: int
    score: int
    status: str = (
        "active"  # listed when not active only for an open alert: none of them is expected to check in
    )
    # The previous local day (a morning digest's "yesterday", newcomer16 N137); None: not expected then.
    checked_yesterday: bool | None = None
    # Each flag's oldest day, beside ``flags`` (newcomer20 N206); empty: not known.
    days: tuple[date | None, ...] = ()


MORNING_ENDS = time(12)


def morning_digest(now: datetime, tz: ZoneInfo) -> bool:
    """Before noon (program time) a daily digest also says how yesterday went: with evening check-ins, "today"
    is still empty in the morning (newcomer16 N137: an 8 AM digest read "0 checked in today")."""
    return now.astimezone(tz).time() < MORNING_ENDS


def daily_row(
    patient_id: str,
    alias: str,
    entries: Sequence[Entry],
    flag_kinds: Iterable[str],
    today: date,
    enrolled_on: date,
    rules: FlagRules,
    status: str = "active",
) -> DailyRow:
    """A patient's line on the daily digest."""
    kinds = _by_weight(flag_kinds, rules)
    dates = {e.local_date for e in entries}
    # Back today: the run of missed days is over, whatever came before. Not active: no check-ins are expected.
    missed = (
        0
        if today in dates or status != "active"
        else missed_days(today=today, checked_in_dates=dates, enrolled_on=enrolled_on)
    )
    score = sum(rules.weights.get(k, 10) for k in kinds) + missed
    labels = tuple(dict.fromkeys(rules.label(k) for k in kinds))
    yesterday = today - timedelta(days=1)
    expected = status == "active" and enrolled_on <= yesterday
    return DailyRow(
        patient_id,
        alias,
        labels,
        today in dates,
        missed,
        score,
        status,
        yesterday in dates if expected else None,
    )


Row = TypeVar("Row", Attendee, DailyRow)


def by_attention(rows: Iterable[Row]) -> list[Row]:
    """Who needs the counselor most first; among equals, by alias as people count ("L2" before "L13",
    newcomer7 N32: "L1, L13, L14, … L19, L2")."""
    return sorted(rows, key=lambda r: (-r.score, natural(r.alias)))


def natural(alias: str) -> list[str | int]:
    """A sort key that reads the numbers in a name as numbers (text and numbers alternate, so they align)."""
    parts = re.split(r"(\d+)", alias.casefold())
    return [int(x) if i % 2 else x for i, x in enumerate(parts)]


def rsvp_for(rsvps: Iterable[Mapping[str, Any]], occurrence_key: str) -> Mapping[str, Any] | None:
    """The patient's answer for one occurrence, if they gave one."""
    return next((r for r in rsvps if r.get("occurrence") == occurrence_key), None)
