"""An update received before a restart that cannot be read back is told to the admins (audit): it was dropped
with one log line, though it may have held a patient's crisis words that nobody would now answer."""

from __future__ import annotations

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.runtime import open_services
from tests.conftest import COUNSELOR, bot_running


async def test_an_update_that_cannot_be_read_back_is_told(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    async with bot_running(settings, emulator):
        pass  # the counselor has opened the bot
    with open_services(settings) as svc:  # received, never handled, and no longer readable (no date)
        svc.worker.call(
            svc.repo.inbox.receive, "message:unreadable", {"update_id": 5, "message": {"text": "x"}}
        )
    async with bot_running(settings, emulator):
        told = await emulator.wait_for_message(COUNSELOR, contains="could not read back 1 message")
    assert "iop-bot doctor" in told.text
