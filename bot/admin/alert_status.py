"""Open urgent alerts as `iop-bot doctor` needs them: which are past their last reminder (the bot sends
nothing more for those, so only a person looking can close the gap)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.admin.roster import Operation
from bot.config.settings import Settings
from bot.domain.escalation import Policy, past_last_round
from bot.store.repository import Repository
from bot.texts.base import zoned
from bot.texts.reach import of_them


def timing(settings: Settings) -> Policy:
    """The escalation's timing from settings (who gets each round does not matter here)."""
    return Policy(
        escalate_after=timedelta(minutes=settings.escalate_after_minutes),
        repeat_every=timedelta(minutes=settings.escalate_repeat_minutes),
        max_rounds=settings.escalate_max_rounds,
    )


def overdue_alerts(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """Open urgent alerts, and those past their last reminder (alias, kind, minutes open)."""
    rules = timing(settings)
    urgent = [a for a in repo.open_alerts() if a.urgent]
    overdue = []
    for alert in urgent:
        if past_last_round(alert, now, rules):
            minutes = int((now - alert.created_at).total_seconds() // 60)
            told = ""  # what the patient heard of it (newcomer6 finding 32), in the program's zone
            if alert.patient_told_at is not None:
                at = zoned(alert.patient_told_at.astimezone(settings.tz))  # as every counselor text writes it
                told = f"patient told {at} nobody answered yet"
            elif alert.patient_untold:
                told = f"patient NOT told nobody answered: they {of_them(alert.patient_untold)}"
            elif alert.patient_held_at is not None:  # newcomer14 N112
                told = "patient not told nobody answered: another alert about them was acknowledged"
            alias = repo.alias_of(alert.patient_id) or "?"
            overdue.append({"alias": alias, "kind": alert.kind, "minutes": minutes, "told": told})
    return {"open": len(urgent), "overdue": overdue}


def held_records(repo: Repository, settings: Settings, now: datetime, args: dict[str, Any]) -> Any:
    """The alerts and patients the files hold, and the aliases, for doctor's check against the audit log (O142)."""
    alerts, patients = repo.held_ids()
    aliases = {p.patient_id: p.alias for p in repo.patients()}
    return {"alerts": sorted(alerts), "patients": sorted(patients), "aliases": aliases}


OPERATIONS: dict[str, Operation] = {"alerts_overdue": overdue_alerts, "held_records": held_records}
