"""Crisis words while a safety plan is being written: a warning sign to review, or a crisis that pauses the plan.

Split from crisis.py (the screen's answers), which calls these two before and after its crisis answer.
"""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot import texts
from bot.domain.flag_rules import present_crisis
from bot.domain.models import Patient
from bot.handlers.follow import pass_on
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick
from bot.usecases.patient_text import alert_followed, follow


async def reviewed_not_paged(
    context: Context, patient: Patient, pending: dict[str, Any] | None, text: str
) -> bool:
    """Crisis words in a step whose kind is in ``Hooks.crisis_reviewed``, unless they describe now ("esta es mi
    despedida", newcomer5 finding 9). While an alert about the patient is followed they are saved too, and its
    people get them on a "wrote again" card (newcomer16 N145: a counselor's "let's do your safety plan now"
    is said while an alert is open, and "cuando pienso que soy una carga" at step 1 paged again, put the plan
    away and sent the next steps, a sister's phone number among them, to two counselors)."""
    svc = context.svc
    if pending is None or str(pending.get("kind")) not in svc.hooks.crisis_reviewed:
        return False
    if present_crisis(text, svc.flag_rules):
        return False
    day = svc.now().date().isoformat()
    await svc.db(
        svc.repo.raise_flag, patient.patient_id, "plan_updated", f"plan_updated:{day}", svc.now(), {}
    )
    if await svc.db(alert_followed, svc.repo, patient.patient_id, svc.now()) is not None:
        followed = await svc.db(follow, svc.repo, patient, text, svc.now())
        if followed is not None:  # the plan's next step is the patient's reply; the card names the words
            await pass_on(context, patient, followed)
    return True


async def plan_paused(
    update: Update, context: Context, patient: Patient, pending: dict[str, Any] | None, language: str
) -> bool:
    """After a crisis answer in a reviewed step: the words that paged are not saved as the step (newcomer5
    finding 10: a goodbye came back as "Things I can do on my own to cope" in the next crisis answer), and
    the plan pauses, so what comes next in distress reaches the alert's people, not step 3."""
    svc = context.svc
    if pending is None or str(pending.get("kind")) not in svc.hooks.crisis_reviewed:
        return False
    await svc.db(svc.repo.set_pending_input, patient.patient_id, None)
    await reply(update, pick(language, texts.PLAN_WAITS, texts.PLAN_WAITS_ES))
    return True
