"""Who gets a digest, as `iop-bot doctor` needs it: flags that wait for the next review reach a counselor only
when they open /caseload or in a digest (audit, session 15), so a counselor with neither is told of by doctor."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.admin.roster import Operation
from bot.config.settings import Settings
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable

# A flag older than this that no digest carries: the counselor has not opened /caseload for a day, or has and
# left it; either way nothing will bring it to them.
WAITING = timedelta(days=1)


def digest_coverage(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Each counselor with active patients: whether they get a daily digest, and (when not) how many of their
    patients have a flag open over a day that no pre-group digest carries either."""
    daily = {p.counselor_id for p in repo.digest_prefs()}
    grouped = {s.cohort for s in repo.all_series()} if settings.digest_pre_group_minutes else set()
    rows = []
    for c in repo.counselors():
        active = [p for p in repo.patients(counselor_id=c.telegram_id) if p.status == "active"]
        if not active:
            continue
        waiting = 0
        for p in active if c.telegram_id not in daily else ():
            if p.cohort and p.cohort in grouped:
                continue  # the digest before their group carries it
            try:
                flags = repo.open_flags(p.patient_id)
            except RecordsUnavailable:
                continue  # a torn file has doctor lines of its own
            waiting += any(now - datetime.fromisoformat(str(f["at"])) > WAITING for f in flags)
        rows.append(
            {
                "name": c.name,
                "telegram_id": c.telegram_id,
                "daily": c.telegram_id in daily,
                "waiting": waiting,
            }
        )
    return rows


OPERATIONS: dict[str, Operation] = {"digest_coverage": digest_coverage}
