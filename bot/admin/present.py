"""Notices an admin operation queues about a patient reach whoever stands in while their counselor is away
(ops O127: `patient close` was told to the counselor on leave only), by the same rule as the running bot's
(bot/domain/away.py ``standing``): the cover down the chain, else the on-call counselors present, else the admins."""

from __future__ import annotations

from datetime import datetime

from bot import texts
from bot.config.settings import Settings
from bot.domain.away import away_now, standing
from bot.domain.checkins import local_date
from bot.domain.models import Patient
from bot.store.repository import Repository


def tell_present(repo: Repository, settings: Settings, now: datetime, patient: Patient, text: str) -> None:
    """Queue ``text`` for the patient's counselor and, while they are away, for each one standing in, with a line
    saying whose patient and why."""
    repo.add_notice(patient.counselor_id, text, now)
    aways, today = repo.aways(), local_date(now, settings.tz)
    away = away_now(aways, today).get(patient.counselor_id)
    if away is None:
        return
    counselors = repo.counselors()
    staff = {c.telegram_id for c in counselors}
    oncall = [o for o in settings.oncall if o in staff]
    admins = [c.telegram_id for c in counselors if c.role == "admin"]
    name = repo.counselor_name(patient.counselor_id) or texts.ANOTHER_COUNSELOR
    for to in standing(aways, patient.counselor_id, today, oncall, admins):
        why = "cover" if to == away.cover else "on_call" if to in oncall else "admin"
        repo.add_notice(to, f"{text}\n\n{texts.standing_in_note(patient.alias, name, away.until, why)}", now)
