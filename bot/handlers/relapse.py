"""The screen's answer to a use disclosure or a craving: support, a flag, and for use a non-urgent alert."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.crisis_kind import URGE_REASONS
from bot.domain.models import Patient
from bot.domain.screen.assess import Assessment, Level
from bot.jobs.alerts import raise_alert
from bot.telegram.keyboards import reply_surely
from bot.telegram.services import Context


def use_or_craving(assessment: Assessment) -> str | None:
    """ "relapse" for a use disclosure, "craving" for an urge without use, None for other levels."""
    if assessment.level in (Level.RELAPSE, Level.CRAVING):
        return str(assessment.level)
    return None


async def relapse_reply(
    update: Update, context: Context, patient: Patient, text: str, level: str, language: str
) -> None:
    """Use disclosed: support, the harm-reduction line, a flag and a non-urgent alert; a craving: support
    and a flag of its own (a craving is not use, and the counselor is not told it was)."""
    svc = context.svc
    now = svc.now()
    buttons = texts.urge_buttons(language)
    if level == Level.RELAPSE:
        harm = svc.flag_rules.harm_reduction_in(language)
        body = texts.with_harm_reduction(texts.relapse_response(language), harm)
        await reply_surely(update, body, buttons)
        await svc.db(
            svc.repo.raise_flag, patient.patient_id, "relapse", f"relapse:{now.isoformat()}", now, {}
        )
        await raise_alert(context.application, "relapse", patient, text)
        return
    await reply_surely(update, texts.craving_response(language), buttons)
    await svc.db(svc.repo.raise_flag, patient.patient_id, "craving", f"craving:{now.date()}", now, {})


async def flag_use_told(update: Update, context: Context, patient: Patient, assessment: Assessment) -> None:
    """A use told in a message answered as a crisis ("...grabbed a couple of tall cans. i only had two" in a
    recap paged for something else) keeps its relapse flag: the alert's acknowledgement closed the only trace of
    the lapse, and the caseload and page never showed it (newcomer18 N147). An urge (a dealer, a bar) is no use.
    Keyed by Telegram's date of the message, so a replay after a crash never opens it twice."""
    if not any(r.startswith("relapse:") and not r.startswith(URGE_REASONS) for r in assessment.reasons):
        return
    svc = context.svc
    now = svc.now()
    when = update.message.date if update.message is not None and update.message.date else now
    key = f"relapse:{when.isoformat()}"
    await svc.db(svc.repo.raise_flag, patient.patient_id, "relapse", key, now, {})
