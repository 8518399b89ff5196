"""Ops O130: a burst of set-ups ended in replies dropped after 3 flood-control retries, a traceback each; the
patient had no next question. A send to a person now waits Telegram's retry_after as long as it takes (up to
PATIENCE), logged once."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.telegram import limiter
from bot.telegram.limiter import SafetyRateLimiter


def _flooded(times: int) -> Any:
    calls = {"n": 0}

    async def send() -> bool:
        calls["n"] += 1
        if calls["n"] <= times:
            raise RetryAfter(0)
        return True

    return send, calls


async def test_a_reply_waits_out_more_floods_than_the_retries_and_goes(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rl = SafetyRateLimiter(max_retries=3)
    send, calls = _flooded(6)
    with caplog.at_level(logging.WARNING):
        assert await rl.process_request(send, (), {}, "sendMessage", {"chat_id": 2001}, None) is True
    assert calls["n"] == 7
    waits = [r for r in caplog.records if "waits Telegram's flood control" in r.getMessage()]
    assert len(waits) == 1 and not [r for r in caplog.records if r.exc_info], caplog.records


async def test_a_reply_held_past_patience_is_given_up_loudly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(limiter, "PATIENCE", 0.05)
    rl = SafetyRateLimiter(max_retries=3)
    send, _ = _flooded(100)
    with pytest.raises(RetryAfter):
        await rl.process_request(send, (), {}, "sendMessage", {"chat_id": 2001}, None)
    assert any("is given up" in r.getMessage() for r in caplog.records)
