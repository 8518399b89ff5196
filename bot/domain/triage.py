"""Who needs their counselor first: today's answers, open flags and the caseload order (no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.domain.checkins import Entry
from bot.domain.flag_rules import FlagRules, Rule, checkin_flags, default_flag_rules, load_flag_rules
from bot.domain.progress import Trend, averages, trend

__all__ = ["FlagRules", "Rule", "checkin_flags", "default_flag_rules", "load_flag_rules"]


@dataclass(frozen=True)
class CaseloadRow:
    """One patient on the counselor's caseload."""

    patient_id: str
    alias: str
    last_checkin: datetime | None
    mood_avg: float | None
    craving_avg: float | None
    mood_trend: Trend
    craving_trend: Trend
    flags: tuple[str, ...]
    score: int
    status: str = "active"  # the patient's status; a withdrawn patient goes last (bot/usecases/workspace.py)
    # Today's own answers come first on the caseload: an average must never hide a bad day.
    today: dict[str, object] | None = None
    # Urgent alerts nobody has acknowledged: after an alert's last reminder the caseload is where it lives.
    urgent_open: int = 0
    # When the patient's data was erased, and by whom (/delete, retention, the program: texts.erased_what):
    # "last check-in never" would read as never engaged (newcomer14 N116).
    deleted_at: datetime | None = None
    erased_by: str = ""
    # Urgent alerts acknowledged lately: "I'm on it" is not "this person is fine" (newcomer10 N15).
    urgent_lately: int = 0
    # The gravest open urgent alert's kind and when the oldest was raised: among patients with open alerts,
    # what is happening now comes first, not the sum of their flags (newcomer16 N126).
    gravest_open: str = ""
    open_since: datetime | None = None
    # Each open flag's oldest day (newcomer20 N206: an undated flag read the same at three days as today).
    flag_days: tuple[tuple[str, date], ...] = ()


def caseload_row(
    patient_id: str,
    alias: str,
    entries: Sequence[Entry],
    flag_kinds: Iterable[str],
    today: date,
    rules: FlagRules,
) -> CaseloadRow:
    """A patient's line: recent numbers, open flags, and how urgent they are together."""
    since = today - timedelta(days=6)
    # Heaviest first: risk before attendance (newcomer20 N206: RSVP flags crowded the risk ones).
    kinds = tuple(sorted(dict.fromkeys(flag_kinds), key=lambda k: -rules.weights.get(k, 10)))
    last = max((e.ts for e in entries), default=None)
    score = sum(rules.weights.get(k, 10) for k in kinds)
    if last is None or (today - max(e.local_date for e in entries)).days >= 2:
        score += 5  # silence is a signal too, even before the missed-days flag
    return CaseloadRow(
        patient_id,
        alias,
        last,
        averages(entries, "mood", since=since),
        averages(entries, "craving", since=since),
        trend(entries, "mood", today=today),
        trend(entries, "craving", today=today),
        kinds,
        score,
        today=todays_answers(entries, today),
    )


def todays_answers(entries: Sequence[Entry], today: date) -> dict[str, object] | None:
    """The latest check-in of the patient's today, or None when they have not checked in today."""
    same = [e for e in entries if e.local_date == today]
    return dict(max(same, key=lambda e: e.ts).answers) if same else None


# Open urgent alerts by what they say is happening (lower first): a life at risk this minute (an overdose, someone
# not breathing, "I'm not safe", "idk", an SOS tap), then crisis words of every other kind, then answers and words
# about use. A kind not named here ranks with the crisis words: never below a check-in's page.
_NOW = (
    "overdose",
    "overdose_other",
    "forwarded_overdose",
    "not_safe",
    "not_sure",
    "sos",
    "withdrawn_overdose",
    "invitee_overdose",
)
_USE = ("strong_craving", "relapse", "checkin")
ALERT_GRAVITY = {**{k: 0 for k in _NOW}, **{k: 2 for k in _USE}}


def gravity(kind: str) -> int:
    """0 for what is happening now, 1 for other crisis words, 2 for use and check-in answers."""
    return ALERT_GRAVITY.get(kind, 1)


def triage_order(rows: Iterable[CaseloadRow]) -> list[CaseloadRow]:
    """Most urgent first: an urgent alert nobody has acknowledged before any sum of flags (newcomer5 finding
    8: three "soon" flags outranked a patient who said "I'm not safe" and whose alert had stopped reminding);
    among those, the gravest open alert's kind, then the longest open (newcomer16 N126: an urgent check-in's
    eight flags put it above an overdose under way and a goodbye after "i have the rope"); then by score;
    among equals, the longest silent first, then by alias."""
    oldest = datetime.min.replace(tzinfo=None)

    def key(r: CaseloadRow) -> tuple[bool, int, datetime, int, datetime, str]:
        last = r.last_checkin.replace(tzinfo=None) if r.last_checkin else oldest
        since = r.open_since.replace(tzinfo=None) if r.urgent_open and r.open_since else oldest
        grave = gravity(r.gravest_open) if r.urgent_open else 0
        return (r.urgent_open == 0, grave, since, -r.score, last, r.alias.casefold())

    return sorted(rows, key=key)


def relative(then: datetime | None, now: datetime) -> str:
    """ "2 h ago", "3 d ago", "never": how counselors scan recency."""
    if then is None:
        return "never"
    seconds = (now - then).total_seconds()
    if seconds < 3600:
        return f"{max(1, int(seconds // 60))} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} d ago"
