"""A check-in button tap handled, then the bot killed (ops O66): the question was edited to "→ Yes" and the next
question never came, until the patient happened to type /checkin. Killed after the edit but before the answer
was saved, the replayed tap's edit was refused ("message is not modified") and nothing followed; killed after
the answer was saved but before the next question went, the replayed tap read as answered already. Either
way the replay now asks the question the check-in waits for."""

from __future__ import annotations

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.handlers import checkin
from tests.conftest import PATIENT, bot_running, enroll_alex
from tests.e2e.test_checkin import answer_all
from tests.e2e.test_replay_typed_answer import _draft, _replayed, killed_after_handling


@pytest.mark.parametrize("cut", ["_ask", "_advance"], ids=["before-the-next-question", "before-the-save"])
async def test_a_replayed_tap_asks_the_question_the_check_in_waits_for(
    settings: Settings, emulator: BotApiEmulator, monkeypatch: pytest.MonkeyPatch, cut: str
) -> None:
    async with bot_running(settings, emulator) as bot:
        await enroll_alex(bot)
        emulator.send_text(PATIENT, "/checkin")
        await answer_all(bot, PATIENT, ["6", "3", "OK"])
        asked = await emulator.wait_for_message(PATIENT, contains="medication")
        await emulator.settle()
        async with killed_after_handling(monkeypatch):
            with monkeypatch.context() as crash:

                async def killed(*args: object) -> None:
                    return None  # the process died here: nothing after it ran

                crash.setattr(checkin, cut, killed)
                emulator.press_button(PATIENT, asked, "Yes")
                await emulator.wait_until(lambda: "→" in _shown(emulator, asked.message_id))
                await emulator.settle()
            assert bot.services.worker.call(bot.services.repo.inbox.waiting)  # left to replay
    before = emulator.sent_to(PATIENT)[-1].message_id
    async with bot_running(settings, emulator) as bot:
        await _replayed(bot, emulator)
        again = await emulator.wait_for_message(PATIENT, contains="have you used", after=before)
        assert _draft(bot).get("medication") == 1
        emulator.press_button(PATIENT, again, "No")
        await emulator.wait_for_message(PATIENT, contains="like to add", after=again.message_id)
        assert _draft(bot)["used"] == 0


def _shown(emulator: BotApiEmulator, message_id: int) -> str:
    return next(m.text for m in emulator.sent_to(PATIENT) if m.message_id == message_id)
