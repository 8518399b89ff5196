"""Crisis words from someone holding an invitation who has not agreed yet (newcomer finding 21).

Before "I agree" nothing about them is stored, and they get the crisis lines as any stranger does. But the
invitation names their counselor, so that counselor is told at once: only that the person they invited
wrote words that read as a crisis, and when; never the words (they have not consented to anything being
kept or passed on). Modelled on a withdrawn patient's crisis (bot/handlers/crisis.py).
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot import texts
from bot.telegram.services import Context

log = logging.getLogger(__name__)


async def tell_inviter(context: Context, telegram_id: int) -> None:
    """Tell the counselor whose open invitation this person was shown, if any (loud when that fails)."""
    svc = context.svc
    code_hash = svc.state.consent_shown.get(telegram_id)
    if code_hash is None:
        return
    invitation = await svc.db(svc.repo.code, code_hash)
    if invitation is None or invitation.used_at is not None:
        return
    at = svc.now().astimezone(svc.settings.tz)  # a counselor's times: the program's zone, named
    try:
        await context.bot.send_message(invitation.counselor_id, texts.invitee_crisis(invitation.alias, at))
    except TelegramError as exc:
        log.error("crisis words from an invitee not passed to counselor %s: %s", invitation.counselor_id, exc)
        return
    log.info("counselor %s told of crisis words from an invitee", invitation.counselor_id)
