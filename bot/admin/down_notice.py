"""The admins told in Telegram while the bot is not running: a start-up refused over a damaged data file (ops
O22), or one waiting for disk space (ops O29, bot/admin/doctor_writable.py). Plain Bot API calls: the application
is not built yet.

`iop-bot run` refuses (exit 2) when a shared file such as alerts.json is torn, and systemd leaves the unit
failed: right, but until someone read the journal every patient's message, crisis words too, waited
unanswered, and nobody in Telegram heard of it although the token worked. The admins named in the index
(when it opens) get one message, with a few seconds' budget: the exit must not wait on Telegram.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx

from bot.config.settings import Settings
from bot.store.crypto import FernetCodec
from bot.texts.reach import bot_down_refused

log = logging.getLogger(__name__)
TIMEOUT = 5.0


def admin_ids(settings: Settings) -> list[int]:
    """The admins' Telegram ids from the index, read as it is on disk; none when it does not open."""
    try:
        raw = (settings.data_dir / "index.json").read_bytes()
        if settings.data_keys:
            raw = FernetCodec(settings.data_keys).decode(raw)
        rows: dict[str, Any] = json.loads(raw).get("counselors", {})
    except Exception:  # the index itself torn, or under another key: nobody can be named
        return []
    return [int(r["telegram_id"]) for r in rows.values() if r.get("role") == "admin" and r.get("telegram_id")]


def tell_admins(settings: Settings, text: str) -> int:
    """``text`` to each admin now, best-effort within ``TIMEOUT``; how many took it."""
    if not settings.bot_token:
        return 0
    told = 0
    url = f"{settings.bot_api_url}{settings.bot_token}/sendMessage"
    for admin in admin_ids(settings):
        try:
            answer = httpx.post(
                url,
                json={"chat_id": admin, "text": text, "parse_mode": "HTML", "protect_content": True},
                timeout=TIMEOUT,
            )
            told += bool(answer.json().get("ok"))
        except (
            httpx.HTTPError,
            ValueError,
        ) as exc:  # an outage or a refused token: the journal still says it
            log.warning("admin %s not told the bot is not running: %s", admin, type(exc).__name__)
    return told


def tell_admins_down(settings: Settings) -> int:
    """One message to each admin that the bot is down and to run `iop-bot doctor`; how many took it."""
    return tell_admins(settings, bot_down_refused())
