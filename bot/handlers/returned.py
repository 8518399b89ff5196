"""Someone who withdrew comes back under another counselor (newcomer22 N238, N219): the open urgent alerts about them
come to the new counselor as a reassignment's do (a hand-over card with their buttons), and the counselor who had
them hears they are back, and whose they are now. Split from bot/handlers/onboarding.py."""

from __future__ import annotations

from bot import texts
from bot.domain.models import Patient
from bot.jobs.reach import send_or_queue
from bot.jobs.roster import send_handovers
from bot.telegram.services import Context
from bot.usecases.returned import hand_back_alerts


async def previous_counselor(context: Context, former: Patient | None, patient: Patient) -> str:
    """The name of the counselor who had them before, when it is someone else ("" otherwise)."""
    if (
        former is None
        or former.patient_id != patient.patient_id
        or former.counselor_id == patient.counselor_id
    ):
        return ""
    return (
        await context.svc.db(context.svc.repo.counselor_name, former.counselor_id) or texts.ANOTHER_COUNSELOR
    )


async def hand_back(context: Context, former: Patient, patient: Patient) -> None:
    """After the new counselor's notice: the previous one told, then the open alerts handed over."""
    svc, old = context.svc, former.counselor_id
    name = await svc.db(svc.repo.counselor_name, patient.counselor_id) or texts.ANOTHER_COUNSELOR
    await send_or_queue(
        context.bot,
        svc,
        old,
        texts.returned_elsewhere(former.alias, patient.alias, name, closed=former.closed_by_program),
    )
    if await svc.db(hand_back_alerts, svc.repo, patient, old, svc.now()):
        await send_handovers(context.application)
