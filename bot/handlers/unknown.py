"""Crisis words from a Telegram user the bot holds no record of (newcomer finding 10b-14).

After `iop-bot restore` of an older backup, a patient enrolled since is a stranger to the bot: their crisis
words got the stranger's lines and reached nobody, not even a log line. Someone the bot does not know gets the
lines as before, and now the admins (with none reachable: on-call, then every counselor) are told at once
that a person not enrolled wrote crisis words, with the name their Telegram shows, so the people who can
re-invite them learn of it. Never the words, and nothing is stored. Told again at most every ``AGAIN``.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.error import TelegramError

from bot import texts
from bot.jobs.reach import on_call_now, reachable_admins
from bot.telegram.services import Context

log = logging.getLogger(__name__)
AGAIN = timedelta(minutes=10)


async def tell_admins(update: Update, context: Context, telegram_id: int) -> None:
    """The admins hear that someone not enrolled wrote crisis words (loud if nobody could be told)."""
    svc, now = context.svc, context.svc.now()
    last = svc.state.stranger_told.get(telegram_id)
    if last is not None and now - last < AGAIN:
        log.warning("crisis words again from someone not enrolled: the admins were told %s ago", now - last)
        return
    user = update.effective_user
    shown = user.full_name if user else ""
    handle = f"@{user.username}" if user and user.username else ""
    text = texts.stranger_crisis(shown, handle, now.astimezone(svc.settings.tz))
    admins = [a.telegram_id for a in await reachable_admins(svc)]
    everyone = [c.telegram_id for c in await svc.db(svc.repo.counselors)]
    told = False
    for group in (admins, list(await on_call_now(svc)), everyone):  # the next only if nobody was told
        for to in group:
            try:
                await context.bot.send_message(to, text)
                told = True
            except TelegramError as exc:
                log.error("could not tell counselor %s of a stranger's crisis words: %s", to, exc)
        if told:
            break
    if told:
        svc.state.stranger_told[telegram_id] = now
        log.error("crisis words from someone not enrolled (after a restore, maybe a patient): admins told")
    else:
        log.error("crisis words from someone not enrolled, and no counselor could be told")
