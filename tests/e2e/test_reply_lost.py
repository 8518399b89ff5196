"""Ops O130: a reply flood control held past the limiter's patience is one ERROR line and an admin notice, not a
40-line traceback per update and nobody told."""

from __future__ import annotations

import pytest

from bot.devtools.emulator.world import ApiError
from bot.domain.models import Counselor
from bot.telegram import limiter
from tests.conftest import Harness, say_hello

ADMIN = 1003


async def test_a_reply_given_up_to_flood_control_tells_the_admins(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    svc = bot.services
    svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
    bot.emu.add_user(ADMIN, first_name="Morgan")
    await say_hello(bot.emu, ADMIN)
    monkeypatch.setattr(limiter, "PATIENCE", 0.5)  # Telegram asks 1 s: more than the bot waits here
    flood = ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
    bot.emu.faults.fail_next("sendMessage", flood, chat=patient)  # not another chat's send
    bot.emu.send_text(patient, "/help")
    told = await bot.emu.wait_for_message(ADMIN, contains="flood control")
    assert "1 reply to people who wrote" in told.text, told.text
    assert any("a reply was not sent" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.exc_info and "RetryAfter" in repr(r.exc_info[1])]
