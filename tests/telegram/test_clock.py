"""The clock offset read from Bot API answers' Date headers (bot/telegram/clock.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from bot.telegram.clock import clock_state, offset_hook
from bot.telegram.services import ApiContact

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


async def _answers(contact: ApiContact, ours: datetime, *dates: str) -> None:
    hook = offset_hook(contact, lambda: ours)
    for date in dates:
        await hook(httpx.Response(200, headers={"Date": date} if date else {}))


async def test_the_offset_is_the_smallest_recent_sample_and_needs_a_few() -> None:
    contact = ApiContact()
    await _answers(contact, NOON + timedelta(minutes=7), "Mon, 30 Nov 2026 12:00:00 GMT")
    assert contact.clock_offset() is None  # one answer is not enough to claim anything
    # a stray sample (a slow answer, a jump in time) among right ones does not make the clock wrong
    await _answers(contact, NOON, "Mon, 30 Nov 2026 12:00:01 GMT", "", "Mon, 30 Nov 2026 11:50:00 GMT")
    assert contact.clock_offset() == timedelta(seconds=-1)
    assert clock_state(contact) == "ok"
    assert contact.on_our_clock(NOON) == NOON  # within noise: left alone


async def test_a_clock_minutes_fast_is_named_and_telegram_dates_are_moved_onto_it() -> None:
    contact = ApiContact()
    ours = NOON + timedelta(minutes=7, seconds=20)
    await _answers(contact, ours, *["Mon, 30 Nov 2026 12:00:00 GMT"] * 3, "not a date")
    assert contact.clock_offset() == timedelta(minutes=7, seconds=20)
    assert clock_state(contact).startswith("this server's clock is 7 min ahead of Telegram's")
    assert contact.on_our_clock(NOON - timedelta(minutes=1)) == ours - timedelta(minutes=1)
