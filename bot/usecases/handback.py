"""What happened with an away counselor's patients while they were away, for the hand-back on their first morning
back (newcomer20 N201). Runs on the store thread.

When "away" ended on its day nobody was told and nothing was handed back: Dana's first morning back had no word of
the alerts her cover acknowledged and how, or of the messages her patients sent him that nobody answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.away import Away
from bot.domain.escalation import Alert
from bot.domain.triage import FlagRules
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable

LOOKBACK = timedelta(days=14)  # an away set before its start was kept: this far back
WAITING_WITHIN = timedelta(
    days=14
)  # a patient's message older than this, unanswered, is the caseload's to show

# (alias, what about, raised, acknowledged by or None while open, acknowledged at, the note on what was done)
AlertLine = tuple[str, str, datetime, str | None, datetime | None, str]


@dataclass(frozen=True)
class HandBack:
    counselor: str
    cover: str | None
    since: datetime | None  # when they were marked away (None: not kept, from before)
    alerts: list[AlertLine]
    waiting: list[tuple[str, int, datetime]]


def waiting_replies(
    repo: Repository, seen: dict[str, str], now: datetime, tz: ZoneInfo, since: datetime | None = None
) -> list[tuple[str, int, datetime]]:
    """Patients whose messages wait for an answer (newcomer20 N194): (alias, how many since the last counselor's
    message, the first of them), oldest first; ``since``: only messages from then on."""
    out = []
    for pid, alias in seen.items():
        try:
            thread = repo.messages(pid)
        except RecordsUnavailable:  # a torn file: its digest line says so; the digest still comes
            continue
        last = max((i for i, m in enumerate(thread) if m.sender == "counselor"), default=-1)
        waiting = [
            m
            for m in thread[last + 1 :]
            if m.sender == "patient" and now - m.at <= WAITING_WITHIN and (since is None or m.at >= since)
        ]
        if waiting:
            out.append((alias, len(waiting), waiting[0].at.astimezone(tz)))
    return sorted(out, key=lambda w: w[2])


def hand_back(repo: Repository, away: Away, now: datetime, tz: ZoneInfo, rules: FlagRules) -> HandBack:
    """The alerts about the counselor's patients raised while they were away (acknowledged by whom, with the note,
    or still open), and their messages still waiting for an answer."""
    since = repo.away_since(away.counselor_id)
    start = since or now - LOOKBACK
    seen = {p.patient_id: p.alias for p in repo.patients(counselor_id=away.counselor_id)}
    alerts = []
    for pid, alias in seen.items():
        for row in repo.patient_alerts(pid):
            a = Alert.from_dict(row)
            if a.created_at < start:
                continue
            by = None
            if a.acked_at is not None:
                who = repo.counselor(a.acked_by) if a.acked_by is not None else None
                by = who.name if who else "a colleague"
            acked = a.acked_at.astimezone(tz) if a.acked_at else None
            alerts.append((alias, rules.label(a.kind), a.created_at.astimezone(tz), by, acked, a.ack_note))
    alerts.sort(key=lambda line: line[2])
    cover = repo.counselor_name(away.cover) if away.cover is not None else None
    return HandBack(
        repo.counselor_name(away.counselor_id) or "",
        cover,
        since.astimezone(tz) if since else None,
        alerts,
        waiting_replies(repo, seen, now, tz, start),
    )
