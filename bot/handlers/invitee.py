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
"""

from __future__ import annotations

import logging

from bot.domain.enrollment import invited
from bot.domain.escalation import new_alert
from bot.jobs.alerts import raise_new
from bot.telegram.services import Context

log = logging.getLogger(__name__)


async def tell_inviter(context: Context, telegram_id: int) -> None:
    """An urgent alert to the counselor whose open invitation this person was shown, if any; one while it
    is open (nothing of theirs is kept, so a second would say nothing new)."""
    svc = context.svc
    code_hash = svc.state.consent_shown.get(telegram_id)
    if code_hash is None:
        return
    invitation = await svc.db(svc.repo.code, code_hash)
    if invitation is None or invitation.used_at is not None:
        return
    stands_for = invited(code_hash)
    if any(a.patient_id == stands_for for a in await svc.db(svc.repo.open_alerts)):
        log.info("crisis words again from an invitee: their open alert stands for them")
        return
    alert = new_alert("invitee_crisis", stands_for, invitation.counselor_id, svc.now())
    await raise_new(context.application, alert, invitation.alias)
