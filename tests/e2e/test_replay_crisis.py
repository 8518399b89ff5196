"""A crisis message handled, then the bot killed before the inbox marked it handled: its replay is not news
(newcomer12 N68: after kill -9 the counselor read "Sofia wrote again" with the same words, the alert said
"2 times", and the patient got a second answer)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.telegram.delivery import DurableQueue
from tests.conftest import COUNSELOR, PATIENT, bot_running, enroll_alex

CRISIS = "honestly I just want to kill myself tonight"


async def test_a_crisis_message_replayed_after_a_crash_is_not_told_as_written_again(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await emulator.wait_until(lambda: not bot.services.worker.call(bot.services.repo.inbox.waiting))
        with monkeypatch.context() as crash:

            async def never_finished(self: DurableQueue, update: object) -> None:
                self._keys.pop(id(update), None)  # handled, but the bot died before the inbox said so

            crash.setattr(DurableQueue, "finished", never_finished)
            emulator.send_text(PATIENT, CRISIS)
            await emulator.wait_for_message(PATIENT, contains="988")
            await emulator.wait_for_message(COUNSELOR, contains="Urgent")
            await emulator.settle()
            assert bot.services.worker.call(bot.services.repo.inbox.waiting)  # left to replay
    answers, cards = len(emulator.sent_to(PATIENT)), len(emulator.sent_to(COUNSELOR))
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        await emulator.wait_until(lambda: not svc.worker.call(svc.repo.inbox.waiting))  # replayed, handled
        await emulator.settle()
        (alert,) = svc.worker.call(svc.repo.open_alerts)
        assert alert.again == ()  # not "2 times"
        new: list[Any] = emulator.sent_to(COUNSELOR)[cards:]
        assert not [m for m in new if "wrote again" in m.text], [m.text for m in new]
        assert len(emulator.sent_to(PATIENT)) == answers, [m.text[:90] for m in emulator.sent_to(PATIENT)]
