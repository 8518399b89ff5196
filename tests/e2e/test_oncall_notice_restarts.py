"""Nobody on call: the admins are told in Telegram once a day, not again at every restart (finding 32)."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.config.settings import Settings
from bot.devtools.emulator import BotApiEmulator
from bot.domain.models import Counselor
from bot.jobs.reach import NOTICE_EVERY
from tests.conftest import bot_running, say_hello

ADMIN = 1003
NOTICE = "No on-call counselors are configured"


def _notices(emu: BotApiEmulator) -> int:
    return sum(NOTICE in m.text for m in emu.sent_to(ADMIN))


async def test_the_no_oncall_notice_is_not_repeated_at_each_restart(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    assert not settings.oncall
    emulator.add_user(ADMIN, first_name="Morgan")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        await say_hello(emulator, ADMIN)  # reachable from now on; the notice of this start went to nobody
    async with bot_running(settings, emulator):
        await emulator.wait_for_message(ADMIN, contains=NOTICE)
    for _ in range(2):
        # Each start-up has told whoever it would before the bot runs: the count is final here.
        async with bot_running(settings, emulator):
            assert _notices(emulator) == 1
    with time_machine.travel(bot.services.now() + NOTICE_EVERY + timedelta(minutes=1), tick=True):
        async with bot_running(settings, emulator):
            assert _notices(emulator) == 2  # a day later, still nobody on call: told again


async def test_an_admin_who_opens_the_bot_after_it_started_is_told_nobody_is_on_call(
    settings: Settings, emulator: BotApiEmulator
) -> None:
    """Newcomer finding 9-14: following the README (add the admin, start the bot, open the link), the start-up
    notice went to nobody, and opening the bot brought only the welcome."""
    emulator.add_user(ADMIN, first_name="Morgan")
    async with bot_running(settings, emulator) as bot:
        svc = bot.services
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=ADMIN, name="Morgan Lee", role="admin"))
        emulator.start_bot(ADMIN)
        await emulator.wait_for_message(ADMIN, contains="Welcome")
        await emulator.wait_for_message(ADMIN, contains=NOTICE)
        # Someone not an admin is not told (the settings are not theirs to change).
        emulator.add_user(1002, first_name="Rae")
        svc.worker.call(svc.repo.add_counselor, Counselor(telegram_id=1002, name="Rae Kim"))
        emulator.start_bot(1002)
        await emulator.wait_for_message(1002, contains="Welcome")
        emulator.start_bot(ADMIN)  # a positive barrier: the bot has handled Rae's /start before this
        await emulator.wait_for_message(ADMIN, contains="Counselor tools")
        assert not [m for m in emulator.sent_to(1002) if NOTICE in m.text]
