"""When retention erases each patient's data, as `iop-bot doctor` shows it (newcomer13 O52: a retention setting of
1 day instead of 365 was noticed only in the audit rows after the erasures)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.admin.roster import Operation
from bot.config.settings import Settings
from bot.domain.retention import erasure_dates
from bot.store.repository import Repository
from bot.store.storage import RecordsUnavailable


def retention_schedule(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Each patient who left and whose data is still kept: alias and when retention erases it, soonest first, with
    the period asked for (``days``: the settings file `doctor` reads, ops O75) or this process's, and which it was.
    A running bot answers for a doctor whose file may hold a new period: its own (0) said nobody was waiting."""
    days = int(args.get("days", settings.retention_days))
    if days <= 0:
        return {"days": days, "rows": []}
    patients = repo.patients()
    last_checkin = {}
    for p in patients:  # aftercare is still care: the period runs from the last check-in (jobs/retention.py)
        if p.status != "aftercare":
            continue
        try:
            entries = repo.checkins(p.patient_id)
        except RecordsUnavailable:
            continue  # a torn file has doctor lines of its own
        if entries:
            last_checkin[p.patient_id] = max(e.ts for e in entries)
    dates = erasure_dates(patients, days, repo.erasures(), last_checkin)
    return {"days": days, "rows": [{"alias": p.alias, "at": at.isoformat()} for p, at in dates]}


OPERATIONS: dict[str, Operation] = {"retention_schedule": retention_schedule}
