"""A digest's urgent alerts: those nobody acknowledged (newcomer12 N85), and those raised and acknowledged since the
last digest (newcomer18 N153) or, before group, in the last day (newcomer21 N188); read on the store thread with the
rest of the digest. The first moved out of bot/jobs/digest.py, at its size limit."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.config.settings import Settings
from bot.domain.escalation import Alert
from bot.domain.models import Counselor
from bot.domain.triage import FlagRules
from bot.store.repository import Repository
from bot.texts.digest_handled import Handled
from bot.usecases.handback import waiting_replies as waiting_replies  # the digest's too (N194)
from bot.usecases.workspace import digest_patients, visible_patients

FIRST = timedelta(hours=24)  # a first digest (none before it) looks back a day


def handled_since(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    seen: dict[str, str],
    since: datetime,
    rules: FlagRules,
) -> Handled:
    """The urgent alerts about the patients in ``seen`` (id -> alias) acknowledged since ``since``, whenever they
    were raised (newcomer20 N199: one open at the last digest and acknowledged after it was in no digest), in the
    order they were acknowledged, with who acknowledged them (the counselor themself included: the night is told
    whole) and their note of what was done (newcomer20 N194)."""
    found = sorted(
        (a for a in repo.acknowledged_since(since) if a.patient_id in seen),
        key=lambda a: a.acked_at or a.created_at,
    )
    names: dict[int, str] = {}
    out = []
    tz = settings.tz
    for a in found:
        assert a.acked_at is not None  # acknowledged_since returns acknowledged alerts only
        if a.acked_by is not None and a.acked_by not in names:
            who = repo.counselor(a.acked_by)
            names[a.acked_by] = (
                "you" if a.acked_by == counselor.telegram_id else (who.name if who else "a colleague")
            )
        by = names.get(a.acked_by, "a colleague") if a.acked_by is not None else "a colleague"
        raised, at = a.created_at.astimezone(tz), a.acked_at.astimezone(tz)
        out.append((seen[a.patient_id], raised, rules.label(a.kind), by, at, a.ack_note))
    return out


def unacked_alerts(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    rules: FlagRules,
    within: set[str] | None = None,
    now: datetime | None = None,
) -> list[tuple[str, int, datetime, list[str]]]:
    """Urgent alerts nobody acknowledged about the patients this counselor sees (``within`` these), per patient,
    oldest first, with what they are about in the flags' words (newcomer12 N85)."""
    seen = {
        p.patient_id: p.alias
        for p in (visible_patients(repo, counselor) if now is None else digest_patients(repo, counselor, now))
        if within is None or p.patient_id in within
    }
    found: dict[str, list[Alert]] = {}
    for a in repo.open_alerts():  # oldest first
        if a.urgent and a.patient_id in seen:
            found.setdefault(a.patient_id, []).append(a)
    return [
        (
            seen[pid],
            len(alerts),
            alerts[0].created_at.astimezone(settings.tz),
            list(dict.fromkeys(rules.label(a.kind) for a in alerts)),
        )
        for pid, alerts in found.items()
    ]
