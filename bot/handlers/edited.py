"""An edited message (newcomer6 finding 15). The crisis screen reads edits first (a crisis typed into an edit is
answered and paged there); anything else an edit says cannot change what the bot already did with the first
words, so the person is told so, never met with silence: a check-in mood corrected from 8 to 2 by an edit had
stayed 8, and the urgent rule never saw the 2."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.handlers.people import stranger_words
from bot.telegram.keyboards import reply
from bot.telegram.services import Context
from bot.texts.base import pick


async def edited(update: Update, context: Context) -> None:
    """Say that the edit was not taken in, in the person's language; counselors: nothing was passed on."""
    svc, user = context.svc, update.effective_user
    if user is None or update.edited_message is None:
        return
    if await svc.db(svc.repo.counselor, user.id) is not None:
        await reply(update, texts.EDIT_NOT_PASSED_COUNSELOR)
        return
    patient = await svc.db(svc.repo.patient_by_telegram, user.id)
    # Not enrolled, or withdrawn with /stop: what their other words get (there is no check-in to fix).
    if patient is None:
        await reply(update, await stranger_words(update, context))
        return
    await reply(update, pick(patient.language, texts.EDIT_NOT_READ, texts.EDIT_NOT_READ_ES))
