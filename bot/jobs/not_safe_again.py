"""A patient's "I'm not safe" while their last one is still open and escalating: folded into that alert
(bot/domain/alert_fold.py), so the people it reaches get one alert per event, and the answer as a reply.
Crisis words of the same kind while their alert is open and escalating fold the same way (newcomer9 N40)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from bot.domain.alert_fold import crisis_folds_into, folds_into, with_again
from bot.domain.escalation import Alert, Policy
from bot.domain.models import Patient
from bot.jobs.alerts import policy
from bot.jobs.reach import staff
from bot.telegram.services import App

log = logging.getLogger(__name__)

Finder = Callable[[list[Alert], datetime, Policy], Alert | None]


async def fold_not_safe(app: App, patient: Patient, *, reply_unsent: bool = False) -> Alert | None:
    """Join this "not safe" to the patient's open one still escalating, and return that alert as stored; None
    when there is none, or the store cannot say (then a new alert is raised: never silence)."""

    def find(alerts: list[Alert], now: datetime, rules: Policy) -> Alert | None:
        return folds_into(alerts, patient.patient_id, now, rules)

    folded = await _fold(app, patient, find, reply_unsent=reply_unsent)
    if folded is not None:
        log.info(
            "alert %s: its patient said 'not safe' again (%d times)", folded.alert_id, len(folded.again) + 1
        )
    return folded


async def fold_crisis(app: App, patient: Patient, kinds: Sequence[str]) -> Alert | None:
    """Join crisis words of ``kinds`` to the patient's open crisis-words alert of that kind still escalating,
    and return it as stored; None when there is none or the store cannot say (then the words raise a new
    alert of their own, with the whole answer: never silence)."""

    def find(alerts: list[Alert], now: datetime, rules: Policy) -> Alert | None:
        return crisis_folds_into(alerts, patient.patient_id, kinds, now, rules)

    folded = await _fold(app, patient, find)
    if folded is not None:
        # Not which words (README, Logs); at DEBUG, as an alert's kind is: this module's name says "not safe"
        # beside a patient's alert at INFO otherwise (ops O121).
        log.debug(
            "alert %s: more words of its patient joined it (%d times)", folded.alert_id, len(folded.again) + 1
        )
    return folded


async def _fold(app: App, patient: Patient, find: Finder, *, reply_unsent: bool = False) -> Alert | None:
    svc = app.bot_data.svc
    now = svc.now()
    try:
        counselors, gone = await staff(svc)
        rules = policy(svc.settings, counselors, gone)
        earlier = find(await svc.db(svc.repo.open_alerts), now, rules)
        if earlier is None:
            return None

        def change(a: Alert) -> Alert:
            if not a.open:
                return a
            again = with_again(a, now)
            return dataclasses.replace(again, reply_unsent=True) if reply_unsent else again

        folded = await svc.db(svc.repo.change_alert, earlier.alert_id, change)
    except Exception:  # any store failure: a new alert of its own, which reaches people all the same
        log.exception("patient %s: words said again could not join the open alert", patient.patient_id)
        return None
    if folded is None or not folded.open:  # acknowledged or closed meanwhile: this is a new event
        return None
    return folded
