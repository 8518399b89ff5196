"""/digest: a counselor shows, sets (HH:MM, program time zone) or turns off their daily digest."""

from __future__ import annotations

from telegram import Update

from bot import texts
from bot.digest import parse_clock
from bot.handlers.caseload import counselor_of
from bot.handlers.ui import reply
from bot.services import Context


async def digest_command(update: Update, context: Context) -> None:
    """/digest, /digest HH:MM, /digest off: counselors only (others get the standard refusal)."""
    counselor = await counselor_of(update, context)
    if counselor is None:
        return
    svc, settings = context.svc, context.svc.settings
    arg = " ".join(context.args or []).strip().lower()
    if not arg:
        pref = await svc.db(svc.repo.digest_pref, counselor.telegram_id)
        at = pref.at if pref else None
        await reply(update, texts.digest_setting(at, settings.timezone, settings.digest_pre_group_minutes))
        return
    if arg == "off":
        await svc.db(svc.repo.set_digest_time, counselor.telegram_id, None, svc.now())
        await reply(update, texts.DIGEST_OFF)
        return
    at = parse_clock(arg)
    if at is None:
        await reply(update, texts.DIGEST_USAGE)
        return
    await svc.db(svc.repo.set_digest_time, counselor.telegram_id, at, svc.now())
    await reply(update, texts.digest_set(at, settings.timezone))
