"""A digest is claimed (so it never goes twice) before it is written; writing it failing (a store read, a text)
left it claimed and unsent, with nothing said: the next sweeps took it for sent (audit leftover, session 15).
Now the claim is released and the next sweep tries again, with an ERROR; after three failures the counselor is
told the digest could not be put together, and the sweeps stop trying."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot import texts
from bot.devtools.emulator import SentMessage
from bot.jobs import digest
from tests.conftest import COUNSELOR, Harness

NY = ZoneInfo("America/New_York")


def _daily(bot: Harness) -> list[SentMessage]:
    return [m for m in bot.emu.sent_to(COUNSELOR) if m.text.startswith("Daily digest:")]


def _at_730(bot: Harness) -> datetime:
    now = datetime.now(NY) + timedelta(days=1)
    at = now.replace(hour=7, minute=30, second=5, microsecond=0)
    svc = bot.services
    svc.worker.call(svc.repo.set_digest_time, COUNSELOR, time(7, 30), at - timedelta(days=1))
    return at


async def test_a_digest_that_could_not_be_written_is_tried_again_not_taken_for_sent(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real, calls = digest.daily_screen, []

    def flaky(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk read failed")
        return real(*args)

    monkeypatch.setattr(digest, "daily_screen", flaky)
    with time_machine.travel(_at_730(bot), tick=True):
        assert await digest.sweep(bot.app) == 0
        assert any(
            r.levelname == "ERROR" and "could not be written" in r.getMessage() for r in caplog.records
        )
        assert await digest.sweep(bot.app) == 1
        await bot.emu.wait_for_message(COUNSELOR, contains="Daily digest:")
        assert await digest.sweep(bot.app) == 0  # sent: claimed for good
        await bot.emu.settle()
    assert len(_daily(bot)) == 1


async def test_a_digest_that_never_can_be_written_is_said_to_the_counselor_once(
    bot: Harness, patient: int, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any) -> Any:
        raise ValueError("a text that cannot be built")

    monkeypatch.setattr(digest, "daily_screen", broken)
    caplog.set_level(logging.ERROR)
    with time_machine.travel(_at_730(bot), tick=True):
        for _ in range(5):
            await digest.sweep(bot.app)
        told = await bot.emu.wait_for_message(COUNSELOR, contains=texts.DIGEST_FAILED[:30])
        await bot.emu.settle()
    assert "/caseload" in told.text and "Alex" not in told.text
    assert len([m for m in bot.emu.sent_to(COUNSELOR) if texts.DIGEST_FAILED[:30] in m.text]) == 1
    assert _daily(bot) == []
