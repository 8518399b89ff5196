"""Alerts opened before a counselor was marked away reach their cover too (newcomer16 N141, its rest).

A counselor marked away has their patients' new urgent alerts go at once to the cover (else on-call), but an alert
already open when they were marked away stayed theirs: a week's leave began with its alerts unread until the
escalation delay reached on-call. Each sweep, such an alert goes to each stand-in once, as a card of its own
(with its buttons), recorded as delivered at its round and the stand-in added to its people (``also``), so its
reminders reach them too; a non-urgent alert (a use disclosed, newcomer18 O87) goes to the cover only, within
seconds of being raised. Read from the store each time: `iop-bot counselor away` run with the bot stopped is
carried out at the next start.
"""

from __future__ import annotations

import dataclasses
import logging

from telegram.error import TelegramError

from bot.domain.away import away_now, standing
from bot.domain.checkins import local_date
from bot.domain.escalation import Alert, rounds_due, with_delivery
from bot.jobs.alert_groups import record_delivery
from bot.jobs.alerts import alert_card, deliver_due, policy
from bot.jobs.reach import on_call_now, reachable_admins, send_to_counselor
from bot.telegram.keyboards import keyboard
from bot.telegram.limiter import alert_send
from bot.telegram.services import App

log = logging.getLogger(__name__)


async def cover_open_alerts(app: App) -> int:
    """Send each open urgent alert of an away counselor's patients to the stand-ins who have not had it, and each
    non-urgent one (a use disclosed) to their cover; returns how many cards went."""
    svc = app.bot_data.svc
    aways, today = await svc.db(svc.repo.aways), local_date(svc.now(), svc.settings.tz)
    away = away_now(aways, today)
    if not away:
        return 0
    oncall, sent = await on_call_now(svc), 0
    admins = [a.telegram_id for a in await reachable_admins(svc)]
    async with svc.state.alerts_lock:  # no alert sweep sends meanwhile: one card, not a card and a reminder
        now, rules = svc.now(), policy(svc.settings)
        for alert in await svc.db(svc.repo.open_alerts):
            gone = away.get(alert.counselor_id)
            if gone is None:
                continue
            # A use disclosed (non-urgent) to the cover too, not to on-call (newcomer18 O87: only the absent
            # counselor heard of a return to heroin, the riskiest moment for an overdose).
            # The one rule (bot/domain/away.py): the cover down the chain, else on-call present, else the admins.
            people = (
                standing(aways, alert.counselor_id, today, oncall, admins)
                if alert.urgent
                else tuple(c for c in (gone.cover,) if c)
            )
            for to in people:
                if to == alert.counselor_id or to in alert.also or any(d.to == to for d in alert.deliveries):
                    continue
                round_ = (rounds_due(alert, now, rules) or [0])[-1]
                sent += await _card(app, alert, round_, to)
    if sent:
        log.info("%d open alert(s) of counselors away sent to who stands in", sent)
    await deliver_due(app)  # what failed above goes by the outbox's own rules (rerouted if unreachable)
    return sent


async def _card(app: App, alert: Alert, round_: int, to: int) -> int:
    """The alert's card to ``to``, then (one write) ``to`` among its people with the delivery; on a failure,
    ``to`` among its people only, so the outbox delivers it by its own rules. 1 when the card went."""
    svc = app.bot_data.svc

    def joined(a: Alert) -> Alert:
        return a if to in a.also else dataclasses.replace(a, also=(*a.also, to))

    text, rows = await alert_card(svc, alert, round_, to)
    try:
        sent = await send_to_counselor(
            app.bot, svc, to, text, reply_markup=keyboard(rows), **alert_send(app.bot)
        )
    except TelegramError as exc:  # Unreachable included: the outbox reroutes and says so
        log.warning("alert %s to %s (standing in) not sent now: %s", alert.alert_id, to, exc)
        await svc.db(svc.repo.change_alert, alert.alert_id, joined)
        return 0
    at = svc.now()
    await record_delivery(
        svc, alert.alert_id, round_, to, lambda a: with_delivery(joined(a), round_, to, sent.message_id, at)
    )
    log.info("alert %s sent to %s, standing in for counselor %s", alert.alert_id, to, alert.counselor_id)
    return 1
