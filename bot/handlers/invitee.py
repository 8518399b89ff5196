"""Crisis words from someone holding an invitation who has not agreed yet (newcomer findings 21 and 9-2).

They get the crisis lines as any stranger does, and the counselor the invitation names gets an urgent alert
like any crisis: to acknowledge, escalating to on-call and admins until someone does.

What is stored before consent, and why (42 CFR Part 2: the least that lets a person act): the alert only.
Its kind, when, the counselor, and the invitation it came through ("invite:<code hash>", the program's own
record of whom it invited, as a session booked for an invitation is): it must be stored to be acknowledged
and escalated, and to join their record if they agree. Never their words, their Telegram account or name:
they have consented to nothing being kept, and the counselor reaches them by the contact details the
program already holds. Once they agree, the alert becomes theirs (store: give_alerts); if they never do,
it is closed like any alert and leaves the outbox for the audit log (what, whose invitation, when).

Crisis words again while that alert is followed (open, or raised within ``FOLLOW_FOR``) go at once to
everyone it reached, invitation revoked or not (newcomer finding 10-22): the alert stands for them, so
there is no second page, but the people about to call them must know it happened again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from telegram import ReplyParameters
from telegram.error import TelegramError

from bot import texts
from bot.domain.crisis_kind import invitee_alert_kind
from bot.domain.enrollment import invited
from bot.domain.escalation import Alert, new_alert
from bot.domain.follow import followed_alert
from bot.jobs.alerts import raise_new
from bot.telegram.services import Context

log = logging.getLogger(__name__)


async def tell_inviter(context: Context, telegram_id: int, kinds: Iterable[str] = ()) -> bool:
    """Whoever holds the alert about this invitee hears of their crisis words: a new urgent alert to the
    counselor the open invitation names, or a word to everyone an alert still followed reached. False
    when there is no invitation behind them (a stranger: bot/handlers/unknown.py tells an admin)."""
    svc = context.svc
    code_hash = svc.state.consent_shown.get(telegram_id)
    if code_hash is None:
        return False
    stands_for = invited(code_hash)
    rows = await svc.db(svc.repo.patient_alerts, stands_for)
    followed = followed_alert([Alert.from_dict(r) for r in rows], svc.now())
    invitation = await svc.db(svc.repo.code, code_hash)
    if invitation is None or invitation.used_at is not None or (followed is not None and followed.open):
        if followed is None:
            return False
        # Open: it stands for them (no second page). Closed lately and the invitation revoked: no new alert
        # can be raised for nobody, so those who handled it hear of it.
        log.info("crisis words again from an invitee: the alert that stands for them is told")
        return await _tell_again(context, followed)
    # What the words were about (never the words): an overdose is "call now", not "call today" (newcomer N22).
    alert = new_alert(invitee_alert_kind(kinds), stands_for, invitation.counselor_id, svc.now())
    await raise_new(context.application, alert, invitation.alias)
    return True


async def _tell_again(context: Context, alert: Alert) -> bool:
    """A reply under each copy of the alert (and to the counselor it names): it happened again, and when."""
    svc = context.svc
    alias = await svc.db(svc.repo.alias_of, alert.patient_id)  # None once the invitation is revoked
    text = texts.invitee_crisis_again(alias, svc.now().astimezone(svc.settings.tz))
    targets: dict[int, int | None] = {alert.counselor_id: None}
    for d in alert.deliveries:  # the newest copy each person got
        targets[d.to] = d.message_id
    told = False
    for to, copy in targets.items():
        replying = ReplyParameters(copy, allow_sending_without_reply=True) if copy else None
        try:
            await context.bot.send_message(to, text, reply_parameters=replying)
            told = True
        except TelegramError as exc:
            log.error("an invitee's crisis words again not told to %s: %s", to, exc)
    return told
