"""A token revoked while the bot runs ends in the clean stop (ops O81): polling's refused token came back from
`updater.stop()`, skipped the rest of the stop, and PTB's shutdown then raised "This Application is still
running!", a 60-line traceback and exit 1 (systemd started it again once before the one-line exit 2)."""

from __future__ import annotations

import logging

import pytest

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.store import last_run
from bot.telegram import health
from bot.telegram.services import Context
from tests.conftest import bot_running


async def test_a_token_revoked_while_running_stops_cleanly(
    settings: Settings, emulator: BotApiEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="telegram.ext")
    async with bot_running(settings, emulator) as bot:
        bot.emu.change_token("7654321:new-token")  # revoked in @BotFather
        await health._probe_api(Context(bot.app))
        assert bot.services.api.token_refused.is_set()
        # Polling meets the refused token too, and gives up (positive barrier: its ERROR).
        await bot.emu.wait_until(lambda: any("Invalid token" in r.getMessage() for r in caplog.records))
    # The block ended without an exception: the stop ran to its end, recorded as clean.
    assert last_run.read(settings.data_dir).get("clean") is True
