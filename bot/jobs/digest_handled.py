"""Which urgent alerts about a counselor's patients were raised and acknowledged since their last digest
(newcomer18 N153), read on the store thread with the rest of the digest."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.config.settings import Settings
from bot.domain.models import Counselor
from bot.domain.triage import FlagRules
from bot.store.repository import Repository
from bot.texts.digest_handled import Handled

FIRST = timedelta(hours=24)  # a first digest (none before it) looks back a day


def handled_since(
    repo: Repository,
    settings: Settings,
    counselor: Counselor,
    seen: dict[str, str],
    since: datetime,
    rules: FlagRules,
) -> Handled:
    """The urgent alerts about the patients in ``seen`` (id -> alias) raised since ``since`` and acknowledged,
    oldest first, with who acknowledged them (the counselor themself included: the night is told whole)."""
    found = sorted(
        (a for a in repo.acknowledged_since(since) if a.patient_id in seen and a.created_at >= since),
        key=lambda a: a.created_at,
    )
    names: dict[int, str] = {}
    out = []
    for a in found:
        assert a.acked_at is not None  # acknowledged_since returns acknowledged alerts only
        if a.acked_by is not None and a.acked_by not in names:
            who = repo.counselor(a.acked_by)
            names[a.acked_by] = (
                "you" if a.acked_by == counselor.telegram_id else (who.name if who else "a colleague")
            )
        by = names.get(a.acked_by, "a colleague") if a.acked_by is not None else "a colleague"
        tz = settings.tz
        out.append(
            (
                seen[a.patient_id],
                a.created_at.astimezone(tz),
                rules.label(a.kind),
                by,
                a.acked_at.astimezone(tz),
            )
        )
    return out
