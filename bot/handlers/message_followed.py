"""/message while a crisis alert about the patient is followed (newcomer22 N224, P2).

Sam, alone with a loaded gun at 1 AM and an urgent alert open, used /message and wrote "can whoever is there please
call me": it went to one counselor as an ordinary "wrote to you" card, off the alert's thread, and Sam read that the
counselor "usually replies within a working day". The same words typed without /message reach everyone the alert
reached, on its cards. So /message words go that way too while the alert is followed, and the prompt says so.
"""

from __future__ import annotations

from telegram import Update

from bot.domain.models import Patient
from bot.handlers.follow import pass_followed
from bot.handlers.people import written_at
from bot.handlers.screened import screened
from bot.telegram.services import Context, Services
from bot.usecases.patient_text import alert_followed, follow


async def alert_is_followed(svc: Services, patient: Patient) -> bool:
    """Whether the patient's next words go to the people of a crisis alert about them."""
    return await svc.db(alert_followed, svc.repo, patient.patient_id, svc.now()) is not None


async def followed_instead(update: Update, context: Context, patient: Patient, text: str) -> bool:
    """The /message words, passed to everyone a followed alert reached as any words then are; True if so. Words
    the screen answered already (a crisis said again, a worry) go their own way, as before."""
    svc = context.svc
    if screened(context) is not None:
        return False
    written = written_at(update, context)
    followed = await svc.db(follow, svc.repo, patient, text, svc.now(), written=written)
    if followed is None:
        return False
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)  # the /message is answered
    await pass_followed(update, context, patient, followed, patient.language)
    return True
