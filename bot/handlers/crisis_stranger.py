"""Crisis words from someone who is not an enrolled patient: a stranger (the lines, no question) or a patient
who withdrew (/stop: the lines, the buttons, and their counselor told without the words). Split from crisis.py."""

from __future__ import annotations

import logging
from functools import partial

from telegram import Update

from bot import texts
from bot.domain.crisis_kind import CrisisKind, answer_kind, withdrawn_alert_kind
from bot.domain.crisis_lines import answer_lines
from bot.handlers.invitee import tell_inviter
from bot.handlers.safety_buttons import safety_buttons
from bot.handlers.safety_retry import retry_later
from bot.handlers.screened import safety_asked
from bot.handlers.unknown import tell_admins
from bot.jobs.alerts import raise_alert
from bot.jobs.reach import who_can_be_told
from bot.telegram.keyboards import reply_surely
from bot.telegram.services import Context

log = logging.getLogger("bot.handlers.crisis")  # its lines kept under the crisis handler's name


async def without_consent(
    update: Update,
    context: Context,
    telegram_id: int,
    kinds: tuple[CrisisKind, ...],
    language: str = "en",
    *,
    others: bool = False,
    now: bool = False,
) -> None:
    """Someone not enrolled gets the resources and no question (nobody would hear their answer); someone
    who withdrew also gets the buttons, and their counselor is told (the one exception to "nothing new is
    stored" after /stop; see the consent text)."""
    svc = context.svc
    former = await svc.db(svc.repo.withdrawn_patient, telegram_id)
    lines, abuse, child = answer_lines(svc.settings, former, language, others=others)
    hours = svc.settings.after_hours_phone
    answer = partial(
        texts.crisis_answer,
        kinds,
        language,
        lines,
        abuse_lines=abuse,
        child_lines=child,
        after_hours=hours,
        now=now,
    )
    if former is None:
        body = answer(ask=False)
        if await reply_surely(update, body) is None:
            retry_later(update, context, body)
        if not await tell_inviter(context, telegram_id, kinds):
            await tell_admins(update, context, telegram_id)  # a stranger, maybe a patient lost to a restore
        return
    log.debug("screen matched for withdrawn patient %s", former.patient_id)  # its alert logs at INFO
    who = await who_can_be_told(svc, former.counselor_id)
    told = texts.crisis_told_in(language, who, bool(svc.settings.oncall))
    closed = former.closed_by_program
    told = texts.told_after_stop(told, who, texts.buttons_language(language), closed=closed)
    body = answer(told=told)
    kind = answer_kind(kinds, others=others)
    buttons = safety_buttons(language, kind=kind)  # no urge surfing: the bot no longer takes their taps
    asked = await reply_surely(update, body, buttons)
    if asked is not None:
        safety_asked(context, former.patient_id, asked.message_id, language, kind)
    # Their words are not kept: the alert says only that a withdrawn patient wrote in crisis words, and about what.
    await raise_alert(context.application, withdrawn_alert_kind(kinds), former, reply_unsent=asked is None)
    if asked is None:
        retry_later(
            update, context, body, buttons, patient_id=former.patient_id, language=language, kind=kind
        )
