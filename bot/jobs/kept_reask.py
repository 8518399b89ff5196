"""Words kept unsent that may need a look: the patient asked again, once, before their day is over (newcomer24
N261). Run by the kept-words sweep (bot/jobs/unsent.py), derived from the store, so a restart loses no asking;
never in the patient's quiet hours (the next sweep asks after them)."""

from __future__ import annotations

import logging

from telegram.error import Forbidden, TelegramError

from bot import texts
from bot.domain.quiet import quiet_now
from bot.jobs.blocked import patient_blocked
from bot.jobs.sending import send_paced
from bot.telegram.keyboards import keyboard
from bot.telegram.services import App
from bot.texts.base import pick
from bot.texts.kept_look import kept_reask
from bot.usecases.kept_look import mark_reasked, reasks_due

log = logging.getLogger(__name__)
PREFIX = "un:"  # the offer's buttons (bot/handlers/unsent.py answers them)


async def reask(app: App) -> list[str]:
    """Ask again every patient whose kept words needing a look are due; returns their ids."""
    svc = app.bot_data.svc
    now = svc.now()
    asked = []
    for due in await svc.db(reasks_due, svc.repo, now):
        patient, lang = due.patient, due.patient.language
        if quiet_now(now, patient, svc.settings):
            continue
        if not await svc.db(mark_reasked, svc.repo, patient.patient_id, due.count, now):
            continue
        hours = max(1, round((due.deleted_at - now).total_seconds() / 3600))
        name = due.to_name or pick(lang, "your counselor", "tu consejero o consejera")
        send = pick(lang, texts.BTN_SEND_UNSENT, texts.BTN_SEND_UNSENT_ES)
        drop = pick(lang, texts.BTN_DROP_UNSENT, texts.BTN_DROP_UNSENT_ES)
        markup = keyboard([[(send, f"{PREFIX}send:{due.count}"), (drop, f"{PREFIX}drop:{due.count}")]])
        try:
            await send_paced(
                app, patient.telegram_id, kept_reask(name, due.count, hours, lang), reply_markup=markup
            )
        except Forbidden:
            await patient_blocked(app, patient)
            continue
        except TelegramError as exc:  # asked once: the offer they had still stands, and the deletion is due
            log.warning("patient %s: kept words not asked about again: %s", patient.patient_id, exc)
            continue
        asked.append(patient.patient_id)
    if asked:
        log.info("asked %d patient(s) again about kept words that may need a look", len(asked))
    return asked
