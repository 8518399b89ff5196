"""A counselor who blocked the bot and then writes to it again is reachable again (newcomer11 O8).

Telegram delivers a message from someone who blocked the bot only once they unblocked it, so any update from
them says they can be written to. They stayed "has blocked the bot" (doctor failed them, their alerts went
elsewhere) until an alert happened to reach them; now they are reachable and the alert owed to them arrives.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.config.settings import Settings
from bot.domain.models import Counselor
from tests.conftest import COUNSELOR, Harness, say_hello

ONCALL = 1002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, oncall=(ONCALL,))


async def test_a_counselor_who_unblocked_and_writes_is_reachable_and_gets_what_waited(
    bot: Harness, patient: int
) -> None:
    bot.emu.add_user(ONCALL, first_name="Rae")
    # on call is a registered counselor's job: the bot writes to nobody else (newcomer12 N67)
    bot.services.worker.call(
        bot.services.repo.add_counselor, Counselor(telegram_id=ONCALL, name="Rae Oncall")
    )
    await say_hello(bot.emu, ONCALL)
    await say_hello(bot.emu, COUNSELOR)
    bot.emu.block_user(COUNSELOR)
    bot.emu.send_text(patient, "honestly I just want to kill myself tonight")
    await bot.emu.wait_for_message(ONCALL, contains="Urgent")
    svc = bot.services
    await bot.emu.wait_until(lambda: svc.worker.call(svc.repo.reach, COUNSELOR).state == "unreachable")
    bot.emu.block_user(COUNSELOR, False)
    bot.emu.send_text(COUNSELOR, "hello")
    await bot.emu.wait_for_message(COUNSELOR, contains="Urgent")
    assert svc.worker.call(svc.repo.reach, COUNSELOR).state == "reachable"
