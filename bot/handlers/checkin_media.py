"""A sticker, photo or voice note at a check-in's button question (newcomer24 N267): "Please type it instead", with
the question left behind, was the wrong advice for a button question to someone who answered with a 👍. The
question comes again with its buttons, after a word that the bot cannot read that."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.domain.checkins import DRAFT_MAX_AGE, Draft, current_item, is_expired
from bot.domain.models import Patient
from bot.handlers.checkin_buttons import buttons
from bot.telegram.services import Context

PENDING = "checkin"  # bot/handlers/checkin.py's pending input


async def media_at_question(update: Update, context: Context, patient: Patient) -> bool:
    """Ask the open check-in's button question again; False when no button question waits."""
    svc, chat = context.svc, update.effective_chat
    pending = await svc.db(svc.repo.pending_input, patient.patient_id)
    if chat is None or pending is None or pending.get("kind") != PENDING:
        return False
    stored = await svc.db(svc.repo.draft, patient.patient_id)
    draft = Draft.from_dict(stored) if stored else None
    item = current_item(svc.checkin, draft) if draft is not None else None
    if draft is None or item is None or item.kind == "text" or is_expired(draft, svc.now(), DRAFT_MAX_AGE):
        return False
    lang = patient.language
    said = texts.checkin_media_es if lang == "es" else texts.checkin_media
    await chat.send_message(said(item.prompt_in(lang)), reply_markup=buttons(draft, item, lang))
    return True
