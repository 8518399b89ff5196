"""Telling the admins in Telegram before the bot is running (newcomer11 O29: a bot waiting for disk space at
start-up answered no crisis words and told nobody; the token works, so one message can still go).

Plain Bot API calls (the application is not built yet): the admins are read from the index, the notice is
best-effort, and what could not be sent is logged; the ERROR already in the log stands either way.
"""

from __future__ import annotations

import json
import logging

from cryptography.fernet import Fernet

from bot.config.settings import Settings
from bot.store import verify

log = logging.getLogger(__name__)


def admins(settings: Settings) -> list[int]:
    """Telegram ids of the admin counselors in the index; none when it cannot be read."""
    index = settings.data_dir / "index.json"
    if not index.exists():
        return []
    check = verify.check_file(index, settings.data_keys)
    if not check.ok:
        return []
    raw = index.read_bytes()
    if check.key_index is not None:
        raw = Fernet(settings.data_keys[check.key_index].encode()).decrypt(raw)
    counselors = json.loads(raw).get("counselors", {}).values()
    return [int(c["telegram_id"]) for c in counselors if c.get("role") == "admin" and "telegram_id" in c]


def tell_admins(settings: Settings, text: str) -> int:
    """Send ``text`` to every admin now; how many took it."""
    if not settings.bot_token:
        return 0
    import httpx

    told = 0
    for to in admins(settings):
        try:
            answer = httpx.post(
                f"{settings.bot_api_url}{settings.bot_token}/sendMessage",
                json={"chat_id": to, "text": text, "parse_mode": "HTML", "protect_content": True},
                timeout=10,
            )
            told += bool(answer.json().get("ok"))
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("the admins' health notice did not reach %s: %s", to, type(exc).__name__)
    return told
