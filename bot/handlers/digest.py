"""/digest: a counselor shows, sets (HH:MM, program time zone) or turns off their daily digest.

Also the "Show digest" button on a digest that arrived while the counselor's PIN was locked.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update

from bot import texts
from bot.domain.checkins import local_date
from bot.domain.digest import SHOW_PREFIX, DailyDigest, digest_from_key
from bot.domain.enrollment import parse_clock  # the one parser for typed times, patients' and counselors'
from bot.handlers.caseload import counselor_of
from bot.jobs.digest import full
from bot.telegram.keyboards import answer_query, reply
from bot.telegram.services import Context

log = logging.getLogger(__name__)


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
    now = svc.now()
    await svc.db(svc.repo.set_digest_time, counselor.telegram_id, at, now)
    today = local_date(now, settings.tz)
    tomorrow = DailyDigest(counselor.telegram_id, today + timedelta(days=1)).key
    last = await svc.db(svc.repo.last_daily_digest_at, counselor.telegram_id, tomorrow)
    sent = last.astimezone(settings.tz) if last is not None else None
    already = sent.time() if sent is not None and sent.date() == today else None  # one a day (N272)
    await reply(update, texts.digest_set(at, settings.timezone, already))


async def show_button(update: Update, context: Context) -> None:
    """ "dg:<digest key>": the full digest behind a locked notice, only for the counselor it was sent to."""
    query, user, svc = update.callback_query, update.effective_user, context.svc
    assert query is not None and query.data is not None
    key = query.data.removeprefix(SHOW_PREFIX)
    # callback_data is untrusted: the key names its counselor ("daily:<id>:...", "pre:<id>:...").
    if user is None or key.split(":")[1:2] != [str(user.id)]:
        log.warning("user %s pressed a digest button that is not theirs", user.id if user else None)
        await answer_query(query, texts.STALE_BUTTON)
        return
    counselor = await counselor_of(update, context)  # asks for the PIN when locked
    if counselor is None:
        return
    digest = await svc.db(digest_from_key, key, svc.repo.series)
    if digest is None:  # malformed, or its session was cancelled since
        await answer_query(query, texts.DIGEST_GONE, show_alert=True)
        return
    await answer_query(query)
    text, buttons = await svc.db(full, svc, counselor, digest, "digest_viewed")
    await reply(update, text, buttons)
