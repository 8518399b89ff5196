"""A due digest on its way: sent (released for the next sweep when certainly not delivered), or, when it could not
be written, released and tried again, then said to the counselor (bot/jobs/digest.py claims and composes it)."""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot import texts
from bot.domain.checkin_ladder import in_quiet_hours
from bot.domain.digest import Digest
from bot.jobs.reach import mark_unreachable, undeliverable
from bot.jobs.sending import send_paced, worth_retrying
from bot.telegram.keyboards import Buttons, keyboard
from bot.telegram.services import App, Services

log = logging.getLogger("bot.jobs.digest")  # one logger for the digests, as before the split
WRITE_TRIES = 3  # sweeps that try to put a digest together before its counselor is told it failed


async def not_written(app: App, svc: Services, digest: Digest) -> None:
    """A digest claimed but not written (a store read, a text) is released for the next sweep with an ERROR (audit:
    it stayed claimed, taken for sent); after ``WRITE_TRIES`` the counselor is told, and it stays claimed."""
    failures = svc.state.digest_failures
    failures[digest.key] = tries = failures.get(digest.key, 0) + 1
    if tries < WRITE_TRIES:
        log.exception(
            "digest %s could not be written (try %d); released for the next sweep", digest.key, tries
        )
        await svc.db(svc.repo.release_digest, digest.key)
        svc.state.digests_handled.discard(digest.key)
        return
    log.exception("digest %s could not be written after %d tries; the counselor is told", digest.key, tries)
    try:
        await send_paced(app, digest.counselor_id, texts.DIGEST_FAILED)
    except TelegramError as exc:
        log.error("digest %s: the counselor could not be told it failed either: %s", digest.key, exc)


async def send(app: App, svc: Services, digest: Digest, text: str, buttons: Buttons) -> int:
    """The digest to its counselor, paced and silent in quiet hours; 1 when it went."""
    s = svc.settings
    silent = in_quiet_hours(svc.now(), s.tz, s.quiet_start, s.quiet_end)
    try:
        await send_paced(
            app,
            digest.counselor_id,
            text,
            reply_markup=keyboard(buttons) if buttons else None,
            protect_content=True,  # names and flags: never forwarded or saved
            disable_notification=silent,
        )
        return 1
    except TelegramError as exc:
        if (reason := undeliverable(exc)) is not None:
            # Today's digest is lost with it (tomorrow's comes when they can be reached); said loudly.
            await mark_unreachable(app.bot, svc, digest.counselor_id, reason)
            log.error("digest %s not delivered: counselor %s %s", digest.key, digest.counselor_id, reason)
            return 0
        if not worth_retrying(exc):
            # Timed out (it may have arrived: better lost than twice) or refused for good (e.g. the
            # counselor blocked the bot or never opened it): kept claimed, not retried.
            log.warning("digest %s failed: %s", digest.key, exc)
            return 0
        # Certainly not delivered: release the claim so the next sweep tries again (if still due).
        await svc.db(svc.repo.release_digest, digest.key)
        svc.state.digests_handled.discard(digest.key)
        log.warning("digest %s will be retried: %s", digest.key, exc)
    return 0
