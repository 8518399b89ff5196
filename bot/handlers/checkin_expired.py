"""A check-in left open past its age, met again: closed, said so, and no word lost (newcomer8's N7).

Words typed with it were kept "for when you finish it"; an unfinished check-in hands them to the drawer
(bot/handlers/unsent.py), where the patient is asked "Send to my counselor?" at once, rather than their
vanishing with the draft. The message that met the closed check-in is not eaten by the closing either: it
is handled as any text outside a flow (a reply to the counselor, words for an open alert, or kept with the
rest and offered).
"""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.models import Patient
from bot.handlers import unsent
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases import patient_text
from bot.usecases.complete_checkin import close_checkin


async def close_expired(
    update: Update, context: Context, patient: Patient, text: str | None = None, *, told: bool = True
) -> None:
    """Close the old check-in (``told``: and say so; False when none was left, only the step waiting);
    ``text``: what they typed now, handled after that."""
    svc = context.svc
    await svc.db(close_checkin, svc.repo, patient.patient_id, svc.now())
    if told:
        await reply(update, pick(patient.language, texts.CHECKIN_EXPIRED, texts.CHECKIN_EXPIRED_ES))
    if text is not None:
        await unsent.free_text(update, context, patient, text)
        return
    await offer_kept(update, context, patient)


async def offer_kept(update: Update, context: Context, patient: Patient) -> None:
    """The drawer's choice for words kept unsent, if there are any."""
    svc = context.svc
    kept = await svc.db(patient_text.kept_count, svc.repo, patient.patient_id, svc.now())
    if kept:
        await unsent.offer_kept(update, context, patient, kept)
