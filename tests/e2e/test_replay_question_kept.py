"""A crisis message handled up to its alert, then the bot killed before the rest: after the restart the
"Are you safe right now?" still waits for a typed answer (newcomer16 N136: the replay knew the message was
answered and alerted on, but a typed "no" was passed on as words, not "not safe")."""

from __future__ import annotations

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.handlers import crisis
from bot.telegram.delivery import DurableQueue
from tests.conftest import COUNSELOR, PATIENT, bot_running, enroll_alex

CRISIS = "i swear im gonna end it tonight"


class Killed(BaseException):
    """The process dying right after the alert was raised: nothing after it in the handler runs."""


async def test_a_typed_no_after_a_crash_right_after_the_alert_still_answers_the_question(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        await emulator.wait_until(lambda: not bot.services.worker.call(bot.services.repo.inbox.waiting))
        with monkeypatch.context() as crash:
            raise_alert = crisis.raise_alert  # type: ignore[attr-defined]

            async def raised_then_killed(*args: object, **kwargs: object) -> None:
                await raise_alert(*args, **kwargs)  # type: ignore[arg-type]
                bot.services.state.safety_asked.clear()  # memory dies with the process
                raise Killed

            async def never_finished(self: DurableQueue, update: object) -> None:
                self._keys.pop(id(update), None)

            crash.setattr(crisis, "raise_alert", raised_then_killed)
            crash.setattr(DurableQueue, "finished", never_finished)
            emulator.send_text(PATIENT, CRISIS)
            await emulator.wait_for_message(COUNSELOR, contains="Urgent")
            await emulator.settle()
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        await emulator.wait_until(lambda: not svc.worker.call(svc.repo.inbox.waiting))  # replayed, handled
        await emulator.settle()
        emulator.send_text(PATIENT, "no")
        await emulator.wait_for_message(COUNSELOR, contains="said they are not safe right now")
